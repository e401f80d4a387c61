import { isModerator, Viewer } from '../common/auth/viewer';
import { PostKind, PostStatus } from './post-status';

/**
 * THE rule for who may see a post, used by every query: published and not hidden by
 * reports for everyone; anything else only for its author and moderators. A check-in's
 * private post (kind CHECK_IN) is never public, whatever its status: even a moderator's
 * APPROVE on its case leaves it between the member and the moderators.
 */
export function canViewPost(
  post: { status: PostStatus; hiddenByReports: boolean; authorId: string | null; kind: PostKind },
  viewer: Viewer | null,
): boolean {
  if (post.status === PostStatus.PUBLISHED && !post.hiddenByReports && post.kind !== PostKind.CHECK_IN) return true;
  if (viewer === null) return false;
  return post.authorId === viewer.accountId || isModerator(viewer);
}

/** The same rule for list queries: a SQL condition on a post alias, for public lists. */
export function publicPostCondition(alias: string): string {
  return `${alias}.status = '${PostStatus.PUBLISHED}' AND NOT ${alias}.hidden_by_reports AND ${alias}.kind <> '${PostKind.CHECK_IN}'`;
}

/** Whether screening feedback may be shown to this viewer (author and moderators only). */
export function canSeeScreening(post: { authorId: string | null }, viewer: Viewer | null): boolean {
  return viewer !== null && (post.authorId === viewer.accountId || isModerator(viewer));
}
