import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { accessTokenFrom } from '../modules/auth/auth.cookies';
import type { Services } from '../services';

const ALLOWED: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * POST /uploads takes one image, checks its type from the bytes (never from
 * the name or the declared type), and stores it under a generated name.
 * GET /uploads/<name> serves stored images.
 */
export async function mountUploads(app: FastifyInstance, ds: DataSource, services: Services, config: Config): Promise<void> {
  mkdirSync(config.uploadsDir, { recursive: true });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 0, parts: 2 } });

  app.post('/uploads', async (request, reply) => {
    const user = await services.auth.authenticate(ds, accessTokenFrom(request));
    if (!user || user === 'invalid') return reply.code(401).send({ code: 'UNAUTHENTICATED' });
    if (!request.isMultipart()) return reply.code(400).send({ code: 'NO_FILE' });
    let file;
    try {
      file = await request.file();
    } catch {
      return reply.code(400).send({ code: 'NO_FILE' });
    }
    if (!file) return reply.code(400).send({ code: 'NO_FILE' });
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch {
      return reply.code(413).send({ code: 'TOO_LARGE', maxBytes: config.uploadMaxBytes });
    }
    if (file.file.truncated || bytes.length > config.uploadMaxBytes)
      return reply.code(413).send({ code: 'TOO_LARGE', maxBytes: config.uploadMaxBytes });
    if (bytes.length === 0) return reply.code(400).send({ code: 'NO_FILE' });
    const type = await fileTypeFromBuffer(bytes);
    const ext = type ? ALLOWED[type.mime] : undefined;
    if (!type || !ext) return reply.code(415).send({ code: 'UNSUPPORTED_TYPE' });
    const fileName = `${randomUUID()}.${ext}`;
    await writeFile(path.join(config.uploadsDir, fileName), bytes, { flag: 'wx' });
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO upload (owner_id, file_name, mime_type, byte_size) VALUES ($1,$2,$3,$4) RETURNING id`,
      [user.id, fileName, type.mime, bytes.length],
    );
    return reply.code(201).send({ id: rows[0]!.id, url: `/uploads/${fileName}` });
  });

  await app.register(fastifyStatic, {
    root: config.uploadsDir,
    prefix: '/uploads/',
    decorateReply: false,
    index: false,
    list: false,
    immutable: true,
    maxAge: '365d',
    setHeaders: (res) => {
      res.header('X-Content-Type-Options', 'nosniff');
    },
  });
}
