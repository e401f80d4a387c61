import type { AccountLoaders } from '../../accounts/account.loaders';
import type { ForumLoaders } from '../../forum/forum.loaders';

/**
 * Per-request DataLoaders, created in the GraphQL context (never request-scoped providers),
 * one group per domain. Per-viewer data uses keys that include the viewer.
 */
export interface Loaders {
  accounts: AccountLoaders;
  forum: ForumLoaders;
}
