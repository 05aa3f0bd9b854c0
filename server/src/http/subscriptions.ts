import type { FastifyInstance } from 'fastify';
import {
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  getOperationAST,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions.js';
import { decodeJwt } from 'jose';
import { WebSocket, WebSocketServer } from 'ws';
import type { AuthUser, RequestContext } from '../common/context';
import { createFormatError } from '../common/format-error';
import { createLoaders } from '../common/loaders';
import type { Config } from '../config';
import { ACCESS_COOKIE } from '../modules/auth/auth.cookies';
import { NotificationHub } from '../modules/notification/notification.hub';
import { getSchema } from '../schema';
import type { Services } from '../services';
import { MAX_TOKENS, queryLimits } from './graphql';
import { findUnstorableText } from './request-guards';

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

/** Sent when the session behind a socket ends or its access token lapses (HTTP 401's counterpart). */
export const SESSION_ENDED_CLOSE = 4401;

type SocketExtra = {
  socket: WebSocket;
  request: { headers: Record<string, string | string[] | undefined> };
};

interface Connection {
  extra: SocketExtra;
  user: AuthUser;
  token: string;
  /** When the access token the socket opened with lapses, in epoch milliseconds. */
  expiresAt: number;
  /** When the session was last confirmed in the database. */
  checkedAt: number;
  expiry: NodeJS.Timeout | undefined;
}

/** The expiry of a token that was already verified. */
function tokenExpiry(token: string): number | null {
  try {
    const exp = decodeJwt(token).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * GraphQL subscriptions over graphql-ws on the same /graphql path as HTTP.
 * A connection authenticates once, from the browser's access cookie (on a
 * page of this site) or a `token` in connectionParams, and is refused
 * without a valid one. It is closed with 4401 as soon as that session ends
 * (sign-out, revocation, a disabled account) or its access token lapses, and
 * no event is sent on it after that.
 */
export async function mountSubscriptions(app: FastifyInstance, ds: DataSource, services: Services, config: Config): Promise<void> {
  const url = (ds.options as PostgresConnectionOptions).url!;
  const hub = new NotificationHub(url, (msg) => app.log.warn(msg));
  await hub.start();
  services.notifications.hub = hub;
  const wss = new WebSocketServer({ server: app.server, path: '/graphql' });
  const users = new WeakMap<object, AuthUser>();
  const connections = new Map<object, Connection>();

  /** Closes the socket; what was about to be sent on it is dropped (graphql-ws sends only on an open socket). */
  const end = (c: Connection, reason: string) => {
    clearTimeout(c.expiry);
    connections.delete(c.extra);
    if (c.extra.socket.readyState === WebSocket.OPEN) c.extra.socket.close(SESSION_ENDED_CLOSE, reason);
  };

  /**
   * Whether the connection's session is still good. Database triggers announce every
   * session that ends, which closes its sockets at once; this check, before each event,
   * covers announcements missed while the listener was reconnecting. A session confirmed
   * in the last few seconds is not asked about again, so a burst of alerts costs one query.
   */
  const stillValid = async (c: Connection): Promise<boolean> => {
    if (Date.now() >= c.expiresAt) return false;
    if (Date.now() - c.checkedAt < config.liveSessionRecheckMs) return true;
    const user = await services.auth.authenticate(ds, c.token);
    if (!user || user === 'invalid') return false;
    c.checkedAt = Date.now();
    return true;
  };

  hub.onSessionEnded((ended) => {
    for (const c of [...connections.values()])
      if (ended.sessionId ? c.user.sessionId === ended.sessionId : c.user.id === ended.userId) end(c, 'Session ended');
  });
  hub.onReconnected(() => {
    for (const c of connections.values()) c.checkedAt = 0;
  });

  const schema = await getSchema();
  // The same rules as /graphql: graphql-armor's limits, no introspection in production.
  const rules: ValidationRule[] = [
    ...specifiedRules,
    ...(queryLimits(config).validationRules as ValidationRule[]),
    ...(config.isProduction ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  const formatError = createFormatError((err) => app.log.error({ err }, 'unexpected error on the subscription socket'), {
    hideSuggestions: config.isProduction,
  });
  const formatted = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((e) => formatError(e.toJSON(), e));
  const withCode = (errors: readonly GraphQLError[], code: string) =>
    errors.map(
      (e) =>
        new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } }),
    );

  /**
   * The socket carries live notifications and nothing else: queries and mutations
   * go over HTTP, where the write limit, the admission queue and Apollo's checks
   * apply. A subscription passes the same parser limits, validation rules and text
   * checks as an HTTP request before it runs.
   */
  const prepare = (payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }) => {
    let document;
    try {
      document = parse(payload.query, { maxTokens: MAX_TOKENS });
    } catch (err) {
      const e = err instanceof GraphQLError ? err : new GraphQLError('The query could not be parsed.');
      return withCode([e], 'GRAPHQL_PARSE_FAILED');
    }
    const invalid = validate(schema, document, rules);
    if (invalid.length > 0) return withCode(invalid, 'GRAPHQL_VALIDATION_FAILED');
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (!operation) return [new GraphQLError('Name the operation to run.', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
    if (operation.operation !== 'subscription')
      return [
        new GraphQLError('Only subscriptions are served over this socket; send queries and mutations over HTTP.', {
          nodes: [operation],
          extensions: { code: 'BAD_REQUEST' },
        }),
      ];
    const problems = findUnstorableText(payload.variables ?? undefined, document);
    if (problems.length > 0)
      return [new GraphQLError('Some fields are not valid.', { extensions: { code: 'BAD_USER_INPUT', fields: problems } })];
    const args: ExecutionArgs = {
      schema,
      document,
      variableValues: payload.variables ?? undefined,
      operationName: payload.operationName ?? undefined,
    };
    return args;
  };

  const server = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      onSubscribe: (_ctx, _id, payload) => prepare(payload),
      onError: (_ctx, _id, _payload, errors) => formatted(errors),
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
        if (!user || user === 'invalid' || !token) return false;
        users.set(ctx.extra, user);
        // The socket lives no longer than the access token it opened with; the client then
        // renews its session and reconnects.
        const expiresAt = tokenExpiry(token) ?? Date.now() + config.accessTokenSeconds * 1000;
        const c: Connection = { extra: ctx.extra, user, token, expiresAt, checkedAt: Date.now(), expiry: undefined };
        c.expiry = setTimeout(() => end(c, 'Session expired'), Math.max(0, expiresAt - Date.now()));
        c.expiry.unref();
        connections.set(ctx.extra, c);
        return true;
      },
      onClose: (ctx) => {
        const c = connections.get(ctx.extra);
        if (c) {
          clearTimeout(c.expiry);
          connections.delete(ctx.extra);
        }
      },
      onNext: async (ctx, _id, _payload, _args, result) => {
        const c = connections.get(ctx.extra);
        if (c) {
          const valid = await stillValid(c).catch(() => false);
          if (!valid) end(c, 'Session ended');
        }
        const errors = (result as ExecutionResult).errors;
        if (errors?.length) return { ...result, errors: formatted(errors) };
        return undefined;
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
