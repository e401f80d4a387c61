import { ErrorCode } from '../common/errors/error-code';
import { domainError } from '../common/errors/kindred-error';

export type ModerationReason =
  | 'INVALID_INPUT'
  | 'CASE_NOT_FOUND'
  | 'CASE_RESOLVED'
  | 'CASE_CLAIMED'
  | 'CASE_NOT_CLAIMED'
  | 'NOT_CLAIMANT'
  | 'DECISION_NOT_APPLICABLE'
  | 'POST_BEING_EDITED'
  | 'POST_NOT_FOUND'
  | 'THREAD_NOT_FOUND'
  | 'NOT_REPORTABLE'
  | 'OWN_POST'
  | 'ALREADY_REPORTED'
  | 'MEMBER_NOT_FOUND'
  | 'SANCTION_SELF'
  | 'SANCTION_STAFF'
  | 'ALREADY_BANNED'
  | 'NOTHING_TO_LIFT'
  | 'ADMIN_ONLY'
  | 'OWN_ROLE'
  | 'RATE_LIMITED';

/** The moderation domain's errors: every reason maps to one contract code, and the map is exhaustive. */
export const ModerationError = domainError<ModerationReason>('ModerationError', {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  CASE_NOT_FOUND: ErrorCode.NOT_FOUND,
  CASE_RESOLVED: ErrorCode.CONFLICT,
  CASE_CLAIMED: ErrorCode.CONFLICT,
  CASE_NOT_CLAIMED: ErrorCode.CONFLICT,
  NOT_CLAIMANT: ErrorCode.CONFLICT,
  DECISION_NOT_APPLICABLE: ErrorCode.CONFLICT,
  POST_BEING_EDITED: ErrorCode.CONFLICT,
  POST_NOT_FOUND: ErrorCode.NOT_FOUND,
  THREAD_NOT_FOUND: ErrorCode.NOT_FOUND,
  NOT_REPORTABLE: ErrorCode.CONFLICT,
  OWN_POST: ErrorCode.BAD_USER_INPUT,
  ALREADY_REPORTED: ErrorCode.CONFLICT,
  MEMBER_NOT_FOUND: ErrorCode.NOT_FOUND,
  SANCTION_SELF: ErrorCode.FORBIDDEN,
  SANCTION_STAFF: ErrorCode.FORBIDDEN,
  ALREADY_BANNED: ErrorCode.CONFLICT,
  NOTHING_TO_LIFT: ErrorCode.CONFLICT,
  ADMIN_ONLY: ErrorCode.FORBIDDEN,
  OWN_ROLE: ErrorCode.FORBIDDEN,
  RATE_LIMITED: ErrorCode.RATE_LIMITED,
});
export type ModerationError = InstanceType<typeof ModerationError>;

export const moderationErrors = {
  invalid: (message: string, field?: string) => new ModerationError('INVALID_INPUT', message, field ? { field } : {}),
  caseNotFound: () => new ModerationError('CASE_NOT_FOUND', 'We could not find that moderation case.'),
  postNotFound: () => new ModerationError('POST_NOT_FOUND', 'We could not find that post. It may have been removed.'),
  threadNotFound: () => new ModerationError('THREAD_NOT_FOUND', 'We could not find that thread.'),
  memberNotFound: () => new ModerationError('MEMBER_NOT_FOUND', 'We could not find that member.'),
  adminOnly: () => new ModerationError('ADMIN_ONLY', 'Only admins can do that.'),
  draftChecksLimited: (retryAfterSeconds: number) =>
    new ModerationError('RATE_LIMITED', 'You have checked a lot of drafts in a short time. Please wait a little and try again.', {
      retryAfterSeconds,
    }),
  screeningBusy: () =>
    new ModerationError('RATE_LIMITED', 'Draft checks are busy right now. Please try again in a few seconds.', { retryAfterSeconds: 5 }),
};
