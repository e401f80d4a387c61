import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { SESSION_COOKIE } from '../../accounts/session-cookies';
import type { ResponseCacheConfig } from '../../config/config';
import { GRAPHQL_PATH } from '../graphql-ws.server';
import type { PublicContentVersion } from './public-content-version';

/**
 * Set by the anonymous response cache's plugin on an answer it found cacheable (signed out,
 * every object public content, no error, the public-content version unchanged while it was
 * computed); its value is that version. Internal: removed before the answer leaves.
 */
export const CACHEABLE_ANSWER_HEADER = 'x-kindred-cacheable-answer';

/** A request that carries no credential at all: whatever else it says, its viewer is nobody. */
export function carriesNoCredential(headers: FastifyRequest['headers']): boolean {
  if (headers.authorization !== undefined) return false;
  const cookie = headers.cookie;
  return cookie === undefined || !cookie.includes(SESSION_COOKIE);
}

/**
 * The bytes of answers Apollo's plugin already judged cacheable, served to the next identical
 * signed-out request before Apollo parses, validates, costs and serializes it again (what
 * Discourse's anonymous cache does in front of Rails). It decides nothing itself: it only
 * replays an answer the response cache's plugin marked, for a request with no credential
 * (whose viewer is nobody, like the one that was answered), with the same body, under the
 * same public-content version; a change moves the version and every stored answer goes stale.
 */
export function serveAnonymousAnswers(fastify: FastifyInstance, version: PublicContentVersion, config: ResponseCacheConfig): void {
  if (config.ttlSeconds === 0) return;
  const answers = new LRUCache<string, string>({
    maxSize: config.maxMb * 1024 * 1024,
    sizeCalculation: (value, key) => value.length + key.length,
    ttl: config.ttlSeconds * 1000,
  });
  const keyFor = (request: FastifyRequest, atVersion: number) => `${atVersion}\n${JSON.stringify(request.body)}`;
  const eligible = (request: FastifyRequest) =>
    request.method === 'POST' && request.routeOptions.url === GRAPHQL_PATH && carriesNoCredential(request.headers);

  fastify.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const current = version.current();
    if (current === null || !eligible(request)) return done();
    const answer = answers.get(keyFor(request, current));
    if (answer === undefined) return done();
    void reply.header('content-type', 'application/json; charset=utf-8').send(answer);
  });

  fastify.addHook(
    'onSend',
    (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      const marked = reply.getHeader(CACHEABLE_ANSWER_HEADER);
      if (marked === undefined) return done(null, payload);
      void reply.removeHeader(CACHEABLE_ANSWER_HEADER);
      const atVersion = Number(marked);
      if (reply.statusCode === 200 && typeof payload === 'string' && atVersion === version.current() && eligible(request)) {
        answers.set(keyFor(request, atVersion), payload);
      }
      done(null, payload);
    },
  );
}
