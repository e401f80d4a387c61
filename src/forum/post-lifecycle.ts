import { PostStatus } from './post-status';

/**
 * The post state machine of docs/architecture.md, as data. Every status change goes through
 * PostStateService.transition, which consults this table and writes the audit trail.
 */
const TRANSITIONS: Record<PostStatus, readonly PostStatus[]> = {
  [PostStatus.PENDING]: [PostStatus.PUBLISHED, PostStatus.HELD, PostStatus.REJECTED, PostStatus.REMOVED, PostStatus.PENDING],
  [PostStatus.HELD]: [PostStatus.PUBLISHED, PostStatus.REJECTED, PostStatus.NEEDS_CHANGES, PostStatus.REMOVED, PostStatus.PENDING],
  [PostStatus.NEEDS_CHANGES]: [PostStatus.PENDING, PostStatus.REMOVED],
  [PostStatus.PUBLISHED]: [PostStatus.REMOVED, PostStatus.PENDING, PostStatus.PUBLISHED],
  [PostStatus.REJECTED]: [],
  [PostStatus.REMOVED]: [PostStatus.PUBLISHED],
};

export function canTransition(from: PostStatus, to: PostStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which the author may still edit (an edit sends the post back to PENDING). */
export const EDITABLE: readonly PostStatus[] = [PostStatus.PENDING, PostStatus.PUBLISHED, PostStatus.HELD, PostStatus.NEEDS_CHANGES];

/** Statuses from which the author may withdraw the post. */
export const WITHDRAWABLE: readonly PostStatus[] = [PostStatus.PENDING, PostStatus.PUBLISHED, PostStatus.HELD, PostStatus.NEEDS_CHANGES];
