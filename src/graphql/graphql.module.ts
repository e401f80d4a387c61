import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AccountsModule } from '../accounts/accounts.module';
import { CSRF_HEADER } from '../accounts/session-cookies';
import { formatGraphQLError } from '../common/errors/format-error';
import { cacheControlDirective } from '../common/graphql/cache-hints';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ForumModule } from '../forum/forum.module';
import { Metrics } from '../metrics/metrics';
import { CursorKeyInitializer } from './cursor-key.initializer';
import { GraphqlContextFactory } from './graphql-context.factory';
import { GRAPHQL_PATH, GraphqlWsServer } from './graphql-ws.server';
import { WEB_CLIENT_OPERATION_NAMES } from './client-operation-names';
import { OperationLabels } from './operation-label';
import { operationMetricsPlugin } from './operation-metrics.plugin';
import { operationLimits, operationRules } from './operation-rules';
import { queryCostPlugin } from './query-cost.plugin';
import { anonymousResponseCachePlugins } from './response-cache/anonymous-response-cache';
import { PublicContentVersion } from './response-cache/public-content-version';

/** The parts of Fastify's request and reply the context reads (Fastify's types are not a dependency here). */
interface HttpRequest {
  headers?: Record<string, unknown>;
  ip?: string;
  /** https when the socket is TLS, or per X-Forwarded-Proto when TRUST_PROXY is on. */
  protocol?: string;
}
interface HttpReply {
  /** Fastify appends repeated set-cookie headers rather than replacing them. */
  header(name: string, value: string): unknown;
}

@Module({
  imports: [AccountsModule, ForumModule],
  providers: [GraphqlContextFactory],
  exports: [GraphqlContextFactory],
})
export class GraphqlContextModule {}

@Module({ providers: [PublicContentVersion], exports: [PublicContentVersion] })
export class ResponseCacheModule {}

/** GraphQL over HTTP at /graphql, code-first; the same limits as graphql-ws (GraphqlWsServer). */
const ApolloGraphQLModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [GraphqlContextModule, ResponseCacheModule],
  inject: [GraphqlContextFactory, KINDRED_CONFIG, Metrics, PublicContentVersion],
  useFactory: (
    contexts: GraphqlContextFactory,
    config: KindredConfig,
    metrics: Metrics,
    contentVersion: PublicContentVersion,
  ): ApolloDriverConfig => {
    const limits = operationLimits(config);
    return {
      path: GRAPHQL_PATH,
      autoSchemaFile: true,
      sortSchema: true,
      buildSchemaOptions: { directives: [cacheControlDirective] },
      introspection: limits.introspection,
      hideSchemaDetailsFromClientErrors: !limits.suggestions,
      // A JSON array of operations would multiply every per-request limit; Apollo's default, stated.
      allowBatchedHttpRequests: false,
      // graphql-js stops lexing past this many tokens: the cheapest refusal of a huge document.
      parseOptions: { maxTokens: limits.tokensMax },
      playground: false,
      graphiql: false,
      includeStacktraceInErrorResponses: false,
      validationRules: operationRules(limits),
      plugins: [
        operationMetricsPlugin(metrics, new OperationLabels([...WEB_CLIENT_OPERATION_NAMES, ...config.metrics.operationNames])),
        queryCostPlugin(limits.costMax),
        ...anonymousResponseCachePlugins(contentVersion, config.responseCache),
      ],
      formatError: formatGraphQLError,
      // No `subscriptions`: GraphqlWsServer serves graphql-ws with its own socket limits.
      // @as-integrations/fastify calls this with Fastify's request and reply.
      context: (request: HttpRequest | undefined, reply: HttpReply | undefined) =>
        contexts.create({
          authorization: request?.headers?.authorization,
          clientAddress: request?.ip,
          cookieHeader: request?.headers?.cookie,
          csrfToken: request?.headers?.[CSRF_HEADER],
          http: reply
            ? { overTls: request?.protocol === 'https', setCookie: (header) => void reply.header('set-cookie', header) }
            : undefined,
        }),
    };
  },
});

@Module({
  imports: [ApolloGraphQLModule, GraphqlContextModule, ResponseCacheModule, AccountsModule],
  providers: [GraphqlWsServer, CursorKeyInitializer],
})
export class KindredGraphQLModule {}
