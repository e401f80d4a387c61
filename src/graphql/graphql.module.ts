import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AccountsModule } from '../accounts/accounts.module';
import { formatGraphQLError } from '../common/errors/format-error';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ForumModule } from '../forum/forum.module';
import { depthLimit } from './depth-limit';
import { queryCostPlugin } from './query-cost.plugin';

/** The contract's most common `first` default, assumed where a list omits it. */
const DEFAULT_PAGE_SIZE = 20;
import { GraphqlContextFactory } from './graphql-context.factory';

@Module({
  imports: [AccountsModule, ForumModule],
  providers: [GraphqlContextFactory],
  exports: [GraphqlContextFactory],
})
export class GraphqlContextModule {}

/** GraphQL over HTTP at /graphql and graphql-ws for subscriptions, code-first. */
export const KindredGraphQLModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [GraphqlContextModule],
  inject: [GraphqlContextFactory, KINDRED_CONFIG],
  useFactory: (contexts: GraphqlContextFactory, config: KindredConfig): ApolloDriverConfig => ({
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: true,
    playground: false,
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(config.limits.queryDepthMax)],
    plugins: [queryCostPlugin(config.limits.queryCostMax, DEFAULT_PAGE_SIZE)],
    formatError: formatGraphQLError,
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onConnect: async (context) => {
          const params = (context.connectionParams ?? {}) as Record<string, unknown>;
          const created = await contexts.create(params.Authorization ?? params.authorization);
          (context.extra as Record<string, unknown>).kindred = created;
          return true;
        },
        // graphql-ws does not run Apollo's formatError: the same codes and masking as HTTP.
        onNext: (_context, _id, _payload, _args, result) =>
          result.errors?.length ? { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)) } : undefined,
      },
    },
    context: async (request: { headers?: Record<string, unknown>; ip?: string } | undefined, _reply: unknown, ...rest: unknown[]) => {
      // graphql-ws passes its connection context; HTTP passes the Fastify request.
      const wsContext = request as unknown as { extra?: { kindred?: unknown } };
      if (wsContext?.extra?.kindred) return wsContext.extra.kindred;
      void rest;
      return contexts.create(request?.headers?.authorization, request?.ip);
    },
  }),
});
