import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, sqlState } from '../common/errors';
import { textProblem } from './request-guards';

/** Where the text a request carries in its path and query string is checked before anything runs. */
function unstorableParameter(request: FastifyRequest): string | null {
  for (const [source, values] of [
    ['params', request.params],
    ['query', request.query],
  ] as const) {
    if (!values || typeof values !== 'object') continue;
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
      const texts = Array.isArray(value) ? value : [value];
      if (textProblem(name) || texts.some((t) => typeof t === 'string' && textProblem(t))) return `${source}.${name.replace(/\0/g, '\\0')}`;
    }
  }
  return null;
}

/**
 * The routes outside GraphQL (trace pages, QR codes, EPCIS exports, uploads,
 * CSV/XLSX exports) answer the way /graphql does when something goes wrong:
 * text that cannot be stored (a NUL character, a broken character) in the path
 * or query string is refused with 400 before it reaches the database; a
 * database that is down answers 503 UNAVAILABLE with Retry-After; anything
 * unexpected is logged here and answered 500 with a bare code. No SQL text,
 * driver message or internal address ever reaches the client.
 */
export function routeErrors(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    // GraphQL checks its own arguments and answers with field paths in GraphQL's shape.
    if (request.routeOptions.url === '/graphql') return;
    const path = unstorableParameter(request);
    if (path) return reply.code(400).send({ code: 'BAD_USER_INPUT', fields: [{ path }] });
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ err }, 'database unavailable');
      return reply.code(503).header('retry-after', '2').send({ code: 'UNAVAILABLE' });
    }
    const state = sqlState(err);
    if (state?.startsWith('22') || state?.startsWith('23')) {
      request.log.warn({ err }, 'a value the database refused');
      return reply.code(400).send({ code: 'BAD_USER_INPUT' });
    }
    // Fastify's own request errors (a malformed body, one too large, a bad content type) describe the request.
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 && !state ? err.statusCode : 500;
    if (status < 500) return reply.code(status).send({ code: err.code ?? 'BAD_REQUEST', message: err.message });
    request.log.error({ err }, 'unexpected error');
    return reply.code(500).send({ code: 'INTERNAL_SERVER_ERROR' });
  });
}
