import { isStaff, Role } from './role';

/** Who is asking: resolved once per request from the bearer token, null when signed out. */
export interface Viewer {
  accountId: string;
  sessionId: string;
  role: Role;
  suspendedUntil: Date | null;
  /**
   * The members this viewer blocked or was blocked by (a block hides both ways), read with the
   * session in the same statement, so every visibility check has it without another query.
   * Absent or empty: nobody is hidden. Never shown to anyone: a blocked member learns nothing.
   */
  hiddenAuthorIds?: readonly string[];
}

/** Whether a block (either way) stands between the viewer and this author. */
export function isHiddenAuthor(authorId: string | null, viewer: Viewer | null): boolean {
  if (authorId === null || !viewer?.hiddenAuthorIds || viewer.hiddenAuthorIds.length === 0) return false;
  return viewer.hiddenAuthorIds.includes(authorId);
}

export function isModerator(viewer: Viewer | null): boolean {
  return viewer !== null && isStaff(viewer.role);
}
