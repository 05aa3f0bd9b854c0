import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../common/context';
import { AdmissionGate } from './admission';
import { AppError, isDatabaseUnavailable } from '../common/errors';
import { createFormatError } from '../common/format-error';
import { createLoaders } from '../common/loaders';
import type { Config } from '../config';
import { accessTokenFrom } from '../modules/auth/auth.cookies';
import { getSchema } from '../schema';
import { requestGuards } from './request-guards';
import type { Services } from '../services';

/** Tokens per operation (graphql-armor's default); longer documents are refused unparsed. */
export const MAX_TOKENS = 1000;

/**
 * Query limits, shared by HTTP and the subscription socket: graphql-armor's
 * defaults (15 aliases, 50 directives, 1000 tokens) except depth and cost,
 * raised to what real screens need: the cooperative page nests 9 levels
 * (cooperative → products → edges → node → certifications …) and costs about
 * 10,600 by armor's measure. See README. The token limit is enforced by
 * graphql-js's own parser (parseOptions, MAX_TOKENS): armor's version throws
 * from a plugin hook, which Apollo answers with a 500. Each call builds fresh
 * rules (armor registers its reporters on the options it is given).
 */
export function queryLimits(config: Config) {
  return new ApolloArmor({
    maxTokens: { enabled: false },
    maxDepth: { n: 10 },
    costLimit: { maxCost: 15_000 },
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();
}

/**
 * While the database is unreachable an answer carries the UNAVAILABLE code;
 * it then also goes out as HTTP 503 with Retry-After, so load balancers and
 * clients see a temporary outage rather than a served page.
 */
const unavailableAs503: ApolloServerPlugin<RequestContext> = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
      if (!errors?.some((e) => e.extensions?.code === 'UNAVAILABLE')) return;
      response.http.status = 503;
      response.http.headers.set('retry-after', '2');
    },
  }),
};

/**
 * Mounts GraphQL over HTTP at /graphql. The context authenticates once per
 * request: a bad Bearer token is refused outright, while a stale browser
 * cookie is simply ignored so public pages keep working and the client can
 * refresh the session.
 */
export async function mountGraphql(
  app: FastifyInstance,
  ds: DataSource,
  services: Services,
  config: Config,
): Promise<ApolloServer<RequestContext>> {
  const armor = queryLimits(config);
  const apollo = new ApolloServer<RequestContext>({
    schema: await getSchema(),
    formatError: createFormatError((err) => app.log.error({ err }, 'unexpected error in a GraphQL request'), {
      hideSuggestions: config.isProduction,
    }),
    includeStacktraceInErrorResponses: false,
    introspection: !config.isProduction,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    csrfPrevention: true,
    // The web client never sends persisted queries; a request that tries gets PERSISTED_QUERY_NOT_SUPPORTED.
    persistedQueries: false,
    // The process's own SIGTERM handler (main.ts) drains HTTP first; Apollo's
    // would close the server underneath it and cut requests in flight.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    // Apollo's cache-control plugin is on by default and wraps every field's
    // resolver to collect cache hints; the schema declares none, so it only
    // costs time on every field of every response.
    plugins: [
      ...armor.plugins,
      requestGuards(),
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      unavailableAs503,
    ],
  });
  await apollo.start();

  const context = async (request: FastifyRequest, reply: FastifyReply): Promise<RequestContext> => {
    const token = accessTokenFrom(request);
    let user: RequestContext['user'] = null;
    try {
      const result = await services.auth.authenticate(ds, token);
      if (result === 'invalid') {
        if (request.headers.authorization)
          throw new AppError('UNAUTHENTICATED', 'The access token is not valid.', { http: { status: 401 } });
      } else {
        user = result;
      }
    } catch (err) {
      if (isDatabaseUnavailable(err))
        throw new AppError('UNAVAILABLE', 'The service is temporarily unavailable; try again shortly.', { http: { status: 503 } });
      throw err;
    }
    return { user, ip: request.ip, em: ds.manager, ds, loaders: createLoaders(ds.manager), services, config, request, reply };
  };

  const gate = new AdmissionGate(Math.max(1, config.apiConcurrency), config.apiQueueMs);
  const admit = async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!(await gate.enter())) {
      await reply
        .code(503)
        .header('retry-after', '5')
        .send({ errors: [{ message: 'The service is busy; try again shortly.', extensions: { code: 'UNAVAILABLE' } }] });
      return;
    }
    // A client that hung up while queued has already had its 'close': hand the
    // place straight on, or it would stay taken for good and the API would
    // answer "busy" to everyone once enough people had given up waiting.
    if (reply.raw.destroyed) {
      gate.leave();
      reply.hijack();
      return;
    }
    let left = false;
    // 'close' comes once the answer is sent or the client has gone, whichever happens.
    reply.raw.once('close', () => {
      if (left) return;
      left = true;
      gate.leave();
    });
  };
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    preHandler: admit,
    handler: fastifyApolloHandler(apollo, { context }),
  });
  return apollo;
}
