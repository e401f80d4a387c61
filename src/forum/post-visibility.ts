import { isHiddenAuthor, isModerator, Viewer } from '../common/auth/viewer';
import { PostKind, PostStatus } from './post-status';

/**
 * THE rule for who may see a post, used by every query: published and not hidden by
 * reports for everyone; anything else only for its author and moderators. A block (either
 * way) hides the post from the other member, as if it did not exist; a moderator still
 * reaches it directly, since moderation cannot be blind to a member it must review (their
 * lists, feed and notifications honour the block like everyone's: see the SQL below). A
 * check-in's private post (kind CHECK_IN) is never public, whatever its status: even a
 * moderator's APPROVE on its case leaves it between the member and the moderators.
 */
export function canViewPost(
  post: { status: PostStatus; hiddenByReports: boolean; authorId: string | null; kind: PostKind },
  viewer: Viewer | null,
): boolean {
  if (isHiddenAuthor(post.authorId, viewer) && !isModerator(viewer)) return false;
  if (post.status === PostStatus.PUBLISHED && !post.hiddenByReports && post.kind !== PostKind.CHECK_IN) return true;
  if (viewer === null) return false;
  return post.authorId === viewer.accountId || isModerator(viewer);
}

/** The same rule for list queries: a SQL condition on a post alias, for public lists. */
export function publicPostCondition(alias: string): string {
  return `${alias}.status = '${PostStatus.PUBLISHED}' AND NOT ${alias}.hidden_by_reports AND ${alias}.kind <> '${PostKind.CHECK_IN}'`;
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

/**
 * The block rule for list queries: a SQL condition keeping posts whose author is not among
 * `hiddenIdsParam` (a uuid[] placeholder). Only added when the viewer has blocks, so the lists
 * of everyone else keep their plans. An anonymized post (no author) is never hidden.
 */
export function notHiddenAuthorCondition(alias: string, hiddenIdsParam: string): string {
  return `(${alias}.author_id IS NULL OR NOT ${alias}.author_id = ANY(${hiddenIdsParam}))`;
}

/** The viewer's hidden authors, or null when there are none (no condition is needed). */
export function hiddenAuthorsOf(viewer: Viewer | null): readonly string[] | null {
  const ids = viewer?.hiddenAuthorIds;
  return ids && ids.length > 0 ? ids : null;
}
