import type { Viewer } from '../auth/viewer';
import type { Loaders } from './loaders';

/** The GraphQL context of one request (or one subscription connection). */
export interface GqlContext {
  viewer: Viewer | null;
  loaders: Loaders;
  /** Keyed hash of the client's address (never the address), for per-client limits; absent when unknown. */
  clientKey?: string | null;
}
