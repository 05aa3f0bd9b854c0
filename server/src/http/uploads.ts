import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../common/context';
import { AppError, isDatabaseUnavailable } from '../common/errors';
import { createLoaders } from '../common/loaders';
import { take } from '../common/rate-limit';
import type { Config } from '../config';
import { accessTokenFrom } from '../modules/auth/auth.cookies';
import { assertCanSee, sidesOf } from '../modules/linkage/linkage.access';
import { WRITE_WINDOW_SECONDS } from './request-guards';
import type { Services } from '../services';

/** Photos, and PDF for documents (a signed contract of several pages, rating evidence); product and trace photos must be images. */
const ALLOWED: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/**
 * POST /uploads takes one image or PDF, checks its type from the bytes (never
 * from the name or the declared type), and stores it under a generated name.
 * GET /uploads/<name> serves stored images: publicly, except the signed MoU or
 * contract of a linkage, which only its parties and the staff covering them get.
 */
export async function mountUploads(app: FastifyInstance, ds: DataSource, services: Services, config: Config): Promise<void> {
  mkdirSync(config.uploadsDir, { recursive: true });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 0, parts: 2 } });

  app.post('/uploads', async (request, reply) => {
    const user = await services.auth.authenticate(ds, accessTokenFrom(request));
    if (!user || user === 'invalid') return reply.code(401).send({ code: 'UNAUTHENTICATED' });
    // An upload is a write: it counts against the same per-user allowance as mutation fields.
    if (config.rateLimitWritesPerMinute > 0) {
      const bucket = await take(ds.manager, `writes:user:${user.id}`, WRITE_WINDOW_SECONDS, 1, config.rateLimitWritesPerMinute);
      if (!bucket.allowed)
        return reply
          .code(429)
          .header('retry-after', String(bucket.retryAfterSeconds))
          .send({ code: 'RATE_LIMITED', retryAfter: bucket.retryAfterSeconds, retryAfterSeconds: bucket.retryAfterSeconds });
    }
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

  // Signed agreements are served from their own scope, behind the check below; everything
  // else stays public and cacheable for a year (product photos, logos, certificate scans).
  await app.register(async (scope) => {
    const privateReplies = new WeakSet<FastifyReply>();
    scope.addHook('onRequest', async (request, reply) => {
      const fileName = (request.params as { '*'?: string })['*'] ?? '';
      let allowed: boolean;
      try {
        const linkageIds = await agreementsOfFile(ds, fileName);
        if (!linkageIds.length) return;
        allowed = await mayReadAgreement(ds, services, config, request, reply, linkageIds);
      } catch (err) {
        if (isDatabaseUnavailable(err)) return reply.code(503).header('retry-after', '2').send({ code: 'UNAVAILABLE' });
        throw err;
      }
      if (!allowed) {
        // The same answer as for a file that does not exist, so outsiders learn nothing.
        reply.callNotFound();
        return reply;
      }
      privateReplies.add(reply);
    });
    scope.addHook('onSend', async (_request, reply, payload) => {
      if (privateReplies.has(reply)) reply.header('Cache-Control', 'private, no-store');
      return payload;
    });
    await scope.register(fastifyStatic, {
      root: config.uploadsDir,
      prefix: '/uploads/',
      decorateReply: false,
      index: false,
      list: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res, filePath) => {
        res.header('X-Content-Type-Options', 'nosniff');
        // A PDF is saved, not opened inside the site, and runs nothing if it is opened.
        if (filePath.endsWith('.pdf')) {
          res.header('Content-Disposition', 'attachment');
          res.header('Content-Security-Policy', 'sandbox');
        }
      },
    });
  });
}

/** The linkages whose signed agreement is this stored file; none for an ordinary image. */
async function agreementsOfFile(ds: DataSource, fileName: string): Promise<string[]> {
  if (!FILE_NAME.test(fileName)) return [];
  const rows: { linkage_id: string }[] = await ds.query(
    `SELECT a.linkage_id FROM upload u JOIN agreement a ON a.document_upload_id = u.id WHERE u.file_name = $1`,
    [fileName],
  );
  return rows.map((r) => r.linkage_id);
}

/** Stored names are generated: a UUID and one of the allowed extensions. */
const FILE_NAME = new RegExp(`^[0-9a-f-]{36}\\.(${Object.values(ALLOWED).join('|')})$`);

/**
 * An MoU or contract holds the commercial terms of a linkage: only members of the
 * organisations party to it, and staff covering either side, may read it. The browser
 * sends the access cookie with the link; API clients send their Bearer token.
 */
async function mayReadAgreement(
  ds: DataSource,
  services: Services,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  linkageIds: string[],
): Promise<boolean> {
  const user = await services.auth.authenticate(ds, accessTokenFrom(request));
  if (!user || user === 'invalid') return false;
  const ctx: RequestContext = {
    user,
    ip: request.ip,
    em: ds.manager,
    ds,
    loaders: createLoaders(ds.manager),
    services,
    config,
    request,
    reply,
  };
  for (const id of linkageIds) {
    try {
      await assertCanSee(ctx, await sidesOf(ctx, id));
      return true;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return false;
}
