import { ErrorCode } from '../common/errors/error-code';
import { domainError } from '../common/errors/kindred-error';

export type ForumReason =
  | 'INVALID_INPUT'
  | 'SPACE_NOT_FOUND'
  | 'THREAD_NOT_FOUND'
  | 'POST_NOT_FOUND'
  | 'NOT_AUTHOR'
  | 'THREAD_LOCKED'
  | 'THREAD_NOT_OPEN'
  | 'NOT_EDITABLE'
  | 'NOT_WITHDRAWABLE'
  | 'NOT_REACTABLE'
  | 'RATE_LIMITED';

/** The forum's errors: every reason maps to one contract code, and the map is exhaustive. */
export const ForumError = domainError<ForumReason>('ForumError', {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  SPACE_NOT_FOUND: ErrorCode.NOT_FOUND,
  THREAD_NOT_FOUND: ErrorCode.NOT_FOUND,
  POST_NOT_FOUND: ErrorCode.NOT_FOUND,
  NOT_AUTHOR: ErrorCode.FORBIDDEN,
  THREAD_LOCKED: ErrorCode.CONFLICT,
  THREAD_NOT_OPEN: ErrorCode.CONFLICT,
  NOT_EDITABLE: ErrorCode.CONFLICT,
  NOT_WITHDRAWABLE: ErrorCode.CONFLICT,
  NOT_REACTABLE: ErrorCode.CONFLICT,
  RATE_LIMITED: ErrorCode.RATE_LIMITED,
});

export const forumErrors = {
  invalid: (message: string, field?: string) => new ForumError('INVALID_INPUT', message, field ? { field } : {}),
  spaceNotFound: () => new ForumError('SPACE_NOT_FOUND', 'We could not find that space.'),
  threadNotFound: () => new ForumError('THREAD_NOT_FOUND', 'We could not find that thread. It may have been removed.'),
  postNotFound: () => new ForumError('POST_NOT_FOUND', 'We could not find that post. It may have been removed.'),
  notAuthor: () => new ForumError('NOT_AUTHOR', 'Only the person who wrote this post can change it.'),
  threadLocked: () => new ForumError('THREAD_LOCKED', 'This thread is locked, so it cannot take new replies.'),
  threadNotOpen: () =>
    new ForumError('THREAD_NOT_OPEN', 'This thread is not open for replies right now. Replies open once it is published.'),
  notEditable: () => new ForumError('NOT_EDITABLE', 'This post was rejected or removed, so it can no longer be edited.'),
  notWithdrawable: () => new ForumError('NOT_WITHDRAWABLE', 'This post was already removed or rejected.'),
  /** A check-in's private words are its record of the day: changed only by deleting the account (checkins/). */
  checkInKept: () => new ForumError('NOT_EDITABLE', 'A check-in is kept as you wrote it on the day; it cannot be changed or withdrawn.'),
  notReactable: () => new ForumError('NOT_REACTABLE', 'You can react to a post once it is published.'),
  rateLimited: (limit: number, windowSeconds: number) =>
    new ForumError(
      'RATE_LIMITED',
      `You have posted ${limit} times in the last ${Math.round(windowSeconds / 60) || 1} minutes. Please take a short break and try again soon.`,
      {
        retryAfterSeconds: windowSeconds,
      },
    ),
  editRateLimited: (limit: number, windowSeconds: number) =>
    new ForumError(
      'RATE_LIMITED',
      `You have edited ${limit} times in the last ${Math.round(windowSeconds / 60) || 1} minutes. Please take a short break and try again soon.`,
      {
        retryAfterSeconds: windowSeconds,
      },
    ),
};
