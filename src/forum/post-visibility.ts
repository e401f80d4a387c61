import { isModerator, Viewer } from '../common/auth/viewer';
import { PostStatus } from './post-status';

/**
 * THE rule for who may see a post, used by every query: published and not hidden by
 * reports for everyone; anything else only for its author and moderators.
 */
export function canViewPost(
  post: { status: PostStatus; hiddenByReports: boolean; authorId: string | null },
  viewer: Viewer | null,
): boolean {
  if (post.status === PostStatus.PUBLISHED && !post.hiddenByReports) return true;
  if (viewer === null) return false;
  return post.authorId === viewer.accountId || isModerator(viewer);
}

/** The same rule for list queries: a SQL condition on a post alias, for public lists. */
export function publicPostCondition(alias: string): string {
  return `${alias}.status = '${PostStatus.PUBLISHED}' AND NOT ${alias}.hidden_by_reports`;
}

/**
 * The viewer's content preferences as SQL, beside the visibility rule: a post carrying a
 * warning the viewer chose to HIDE is left out of their lists (feed, space pages, replies,
 * search), unless they wrote it. `viewerParam` is the placeholder of the viewer's account id.
 * Signed-out readers have no preferences, so their (cached) lists never use it.
 */
export function notHiddenByPreferenceCondition(alias: string, viewerParam: string): string {
  return `(${alias}.author_id IS NOT DISTINCT FROM ${viewerParam} OR NOT EXISTS (
    SELECT 1 FROM content_preference cp
     WHERE cp.account_id = ${viewerParam} AND cp.display = 'HIDE' AND cp.warning = ANY(${alias}.content_warnings)))`;
}

/** Whether screening feedback may be shown to this viewer (author and moderators only). */
export function canSeeScreening(post: { authorId: string | null }, viewer: Viewer | null): boolean {
  return viewer !== null && (post.authorId === viewer.accountId || isModerator(viewer));
}
