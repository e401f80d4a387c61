import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { GqlContext } from '../../common/graphql/gql-context';
import type { ResponseCacheConfig } from '../../config/config';
import { CACHEABLE_ANSWER_HEADER } from './anonymous-answer-front';
import { CappedTtlCache } from './capped-ttl-cache';
import type { PublicContentVersion } from './public-content-version';

/**
 * Signed-out readers' answers from memory (Discourse's anonymous cache, on Apollo's response
 * cache plugin). Correct by construction:
 * - only a request with no viewer is ever read from or written to the cache, so an answer is
 *   shared only among people who would all get the same one;
 * - an answer is kept only when every object in it is hinted public content
 *   (common/graphql/cache-hints.ts): anything unhinted makes it uncacheable;
 * - the key holds the public-content version taken before the answer was computed, and any
 *   change moves the version (PublicContentVersion), so an answer read before a post was
 *   held, removed, edited or reacted to is unreachable once the change is known.
 * Apollo's cache-control hooks run per field, so they run for signed-out requests only:
 * signed-in answers are never cached and pay nothing for it.
 */
export function anonymousResponseCachePlugins(version: PublicContentVersion, config: ResponseCacheConfig): ApolloServerPlugin[] {
  // Stops Apollo installing its cache-control plugin for every request.
  const disabled = ApolloServerPluginCacheControlDisabled();
  if (config.ttlSeconds === 0) return [disabled];

  const cacheControl = ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: false });
  const versionOf = new WeakMap<object, number | null>();
  const signedOut = (context: GraphQLRequestContext<GqlContext>) => context.contextValue.viewer === null;
  const cache = new CappedTtlCache(new InMemoryLRUCache<string>({ maxSize: config.maxMb * 1024 * 1024 }), config.ttlSeconds);

  const responseCache = responseCachePlugin<GqlContext>({
    cache,
    sessionId: async () => null,
    extraCacheKeyData: async (context) => {
      const current = version.current();
      versionOf.set(context.contextValue, current);
      return { version: current };
    },
    shouldReadFromCache: async (context) => signedOut(context) && versionOf.get(context.contextValue) != null,
    // An answer computed while the content changed is kept under a version nobody asks for any more.
    shouldWriteToCache: async (context) => {
      const taken = versionOf.get(context.contextValue);
      return signedOut(context) && taken != null && taken === version.current();
    },
  });

  const forSignedOutOnly: ApolloServerPlugin<GqlContext> = {
    async serverWillStart(service) {
      return cacheControl.serverWillStart?.(service);
    },
    async requestDidStart(context) {
      return signedOut(context) ? cacheControl.requestDidStart?.(context) : undefined;
    },
  };

  const afterAnswer: ApolloServerPlugin<GqlContext> = {
    async requestDidStart() {
      return {
        async willSendResponse(context) {
          // A mutation answered here moves the version before its answer leaves, so its
          // author's next signed-out read (and everyone's) never comes from before it.
          if (context.operation?.operation === 'mutation') return version.changed();
          // An answer the cache keeps is marked for the HTTP front (anonymous-answer-front.ts).
          const taken = versionOf.get(context.contextValue);
          const body = context.response.body;
          const cacheable =
            context.operation?.operation === 'query' &&
            signedOut(context) &&
            taken != null &&
            taken === version.current() &&
            body.kind === 'single' &&
            !body.singleResult.errors &&
            context.overallCachePolicy.policyIfCacheable() !== null;
          if (cacheable) context.response.http.headers.set(CACHEABLE_ANSWER_HEADER, String(taken));
        },
      };
    },
  };

  return [disabled, forSignedOutOnly as ApolloServerPlugin, responseCache as ApolloServerPlugin, afterAnswer as ApolloServerPlugin];
}
