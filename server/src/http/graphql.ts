import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../common/context';
import { AppError, isDatabaseUnavailable } from '../common/errors';
import { createFormatError } from '../common/format-error';
import { createLoaders } from '../common/loaders';
import type { Config } from '../config';
import { accessTokenFrom } from '../modules/auth/auth.cookies';
import { getSchema } from '../schema';
import type { Services } from '../services';

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
  // Query limits: graphql-armor's defaults (15 aliases, 50 directives, 1000
  // tokens) except depth and cost, raised to what real screens need: the
  // cooperative page nests 9 levels (cooperative → products → edges → node →
  // certifications …) and costs about 10,600 by armor's measure. See README.
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    costLimit: { maxCost: 15_000 },
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();
  const apollo = new ApolloServer<RequestContext>({
    schema: await getSchema(),
    formatError: createFormatError((err) => app.log.error({ err }, 'unexpected error in a GraphQL request')),
    includeStacktraceInErrorResponses: false,
    introspection: !config.isProduction,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    // Apollo's cache-control plugin is on by default and wraps every field's
    // resolver to collect cache hints; the schema declares none, so it only
    // costs time on every field of every response.
    plugins: [
      ...armor.plugins,
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
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

  app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: fastifyApolloHandler(apollo, { context }) });
  return apollo;
}
