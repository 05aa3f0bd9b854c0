import type { FastifyInstance } from 'fastify';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions.js';
import { WebSocketServer } from 'ws';
import type { AuthUser, RequestContext } from '../common/context';
import { createLoaders } from '../common/loaders';
import type { Config } from '../config';
import { ACCESS_COOKIE } from '../modules/auth/auth.cookies';
import { NotificationHub } from '../modules/notification/notification.hub';
import { getSchema } from '../schema';
import type { Services } from '../services';

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

/**
 * Whether a browser opened the socket from a page of this site. Browsers
 * attach cookies to cross-site WebSocket handshakes too, so without this a
 * page elsewhere could read a signed-in user's notifications. Clients that
 * are not browsers send no Origin and authenticate with a token.
 */
function fromThisSite(headers: Record<string, string | string[] | undefined>): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  const forwarded = headers['x-forwarded-host'];
  const host = (typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : undefined) ?? headers.host;
  try {
    return typeof origin === 'string' && typeof host === 'string' && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * GraphQL subscriptions over graphql-ws on the same /graphql path as HTTP.
 * A connection authenticates once, from the browser's access cookie (on a
 * page of this site) or a `token` in connectionParams, and is refused
 * without a valid one.
 */
export async function mountSubscriptions(app: FastifyInstance, ds: DataSource, services: Services, config: Config): Promise<void> {
  const url = (ds.options as PostgresConnectionOptions).url!;
  const hub = new NotificationHub(url, (msg) => app.log.warn(msg));
  await hub.start();
  services.notifications.hub = hub;
  const wss = new WebSocketServer({ server: app.server, path: '/graphql' });
  const users = new WeakMap<object, AuthUser>();
  const server = useServer<Record<string, unknown> | undefined, { request: { headers: Record<string, string | string[] | undefined> } }>(
    {
      schema: await getSchema(),
      onConnect: async (ctx) => {
        const param = ctx.connectionParams?.token;
        const headers = ctx.extra.request.headers;
        const token =
          typeof param === 'string'
            ? param
            : fromThisSite(headers)
              ? cookieValue(headers.cookie as string | undefined, ACCESS_COOKIE)
              : null;
        const user = await services.auth.authenticate(ds, token).catch(() => null);
        if (!user || user === 'invalid') return false;
        users.set(ctx.extra, user);
        return true;
      },
      context: (ctx): RequestContext => ({
        user: users.get(ctx.extra) ?? null,
        ip: '',
        em: ds.manager,
        ds,
        loaders: createLoaders(ds.manager),
        services,
        config,
      }),
    },
    wss,
  );
  app.addHook('onClose', async () => {
    await server.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await hub.stop();
  });
}
