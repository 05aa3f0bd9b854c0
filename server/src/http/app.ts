import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createServices, type Services } from '../services';
import { mountExports } from './exports';
import { mountGraphql } from './graphql';
import { mountHealth } from './health';
import { routeErrors } from './route-errors';
import { securityHeaders } from './security-headers';
import { mountTracePages } from './trace-pages';
import { mountUploads } from './uploads';
import { mountSubscriptions } from './subscriptions';

export interface App {
  app: FastifyInstance;
  services: Services;
}

/**
 * One process serves the API, the built client, uploads and the health
 * checks on one port.
 */
export async function buildApp(ds: DataSource, config: Config): Promise<App> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const services = createServices(config);
  drainOnClose(app);
  routeErrors(app);
  await app.register(cookie);
  securityHeaders(app, config);
  mountHealth(app, ds);
  await mountGraphql(app, ds, services, config);
  await mountSubscriptions(app, ds, services, config);
  await mountUploads(app, ds, services, config);
  mountExports(app, ds, services, config);
  mountTracePages(app, ds, config);
  await mountClient(app, config);
  return { app, services };
}

/**
 * Once the server starts closing, every answer still going out (the requests
 * in flight) tells the client to drop its kept-alive connection, so the
 * process can exit as soon as they are done instead of waiting for idle
 * browsers to hang up.
 */
function drainOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}

/** The built single-page client, with its routes falling back to index.html. */
async function mountClient(app: FastifyInstance, config: Config): Promise<void> {
  const hasClient = existsSync(path.join(config.clientDir, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: config.clientDir,
      prefix: '/',
      index: false,
      wildcard: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
    // Hashed assets are served by the plugin above; everything else is a client route.
    await app.register(fastifyStatic, { root: path.join(config.clientDir, 'assets'), prefix: '/assets/', decorateReply: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    const reserved = /^\/(graphql|uploads|assets|healthz|readyz|exports|t|01)(\/|$|\?)/.test(request.url);
    if (!wantsPage || reserved) return reply.code(404).send({ code: 'NOT_FOUND' });
    if (!hasClient)
      return reply.code(503).type('text/html').send('<p>The CoopLink client is not built yet: run <code>pnpm build</code>.</p>');
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
