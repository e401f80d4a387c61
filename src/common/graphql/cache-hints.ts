import { Directive } from '@nestjs/graphql';
import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from 'graphql';

/**
 * Apollo's `@cacheControl` hints, for the anonymous response cache (src/graphql/response-cache).
 *
 * The cache is opt-in by construction: Apollo treats any object field without a hint as
 * uncacheable, so a response is kept only when every object in it is public content marked
 * here. A new type or field that nobody marked makes the answers that select it uncached,
 * never wrongly shared. Only signed-out requests are ever read from or written to the cache,
 * and they are invalidated whenever the forum's public content changes, so the maxAge below is
 * an upper bound on staleness of time-derived values (days in recovery), capped by
 * RESPONSE_CACHE_TTL_SECONDS.
 */
export const PUBLIC_CONTENT_MAX_AGE_SECONDS = 60;

export const CacheControlScope = new GraphQLEnumType({ name: 'CacheControlScope', values: { PUBLIC: {}, PRIVATE: {} } });

/** The directive's definition, as Apollo documents it, so the schema that carries the hints is valid. */
export const cacheControlDirective = new GraphQLDirective({
  name: 'cacheControl',
  locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT, DirectiveLocation.INTERFACE, DirectiveLocation.UNION],
  args: { maxAge: { type: GraphQLInt }, scope: { type: CacheControlScope }, inheritMaxAge: { type: GraphQLBoolean } },
});

/**
 * Forum content every signed-out reader sees alike: published posts, pseudonyms, spaces,
 * reaction counts, crisis resources. On a type, or on a root field that returns a structure.
 */
export function PublicContent(): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Directive(`@cacheControl(maxAge: ${PUBLIC_CONTENT_MAX_AGE_SECONDS}, scope: PUBLIC)`);
}

/**
 * Structure with no content of its own (connections, edges, page info), or a part of a post
 * shown only to its author and moderators (the screening feedback: always null to a signed-out
 * reader, and signed-in answers are never cached): as cacheable as the object it hangs from.
 */
export function CachedAsParent(): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Directive('@cacheControl(inheritMaxAge: true)');
}
