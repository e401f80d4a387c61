import type { Viewer } from '../auth/viewer';
import type { Loaders } from './loaders';

/**
 * What a resolver may do to the HTTP response of its operation. Only cookies: the rest of
 * the response is Apollo's. Absent on graphql-ws, where there is no response to write to.
 */
export interface GqlHttpResponse {
  /** The request reached this server over TLS (X-Forwarded-Proto counts only with TRUST_PROXY). */
  overTls: boolean;
  /** Adds one Set-Cookie header; several calls set several cookies. */
  setCookie(header: string): void;
}

/** The GraphQL context of one request (or one subscription connection). */
export interface GqlContext {
  viewer: Viewer | null;
  loaders: Loaders;
  /** Keyed hash of the client's address (never the address), for per-client limits; absent when unknown. */
  clientKey?: string | null;
  /** The HTTP response, for operations sent over HTTP. */
  http?: GqlHttpResponse;
}
