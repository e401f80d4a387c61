import { ErrorCode } from '../common/errors/error-code';
import { domainError } from '../common/errors/kindred-error';

export type ScreeningReason = 'INVALID_INPUT' | 'RATE_LIMITED';

/** The screening domain's errors (draft checks): every reason maps to one contract code, and the map is exhaustive. */
export const ScreeningError = domainError<ScreeningReason>('ScreeningError', {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  RATE_LIMITED: ErrorCode.RATE_LIMITED,
});
export type ScreeningError = InstanceType<typeof ScreeningError>;

export const screeningErrors = {
  invalid: (message: string, field?: string) => new ScreeningError('INVALID_INPUT', message, field ? { field } : {}),
  draftChecksLimited: (retryAfterSeconds: number) =>
    new ScreeningError('RATE_LIMITED', 'You have checked a lot of drafts in a short time. Please wait a little and try again.', {
      retryAfterSeconds,
    }),
  screeningBusy: () =>
    new ScreeningError('RATE_LIMITED', 'Draft checks are busy right now. Please try again in a few seconds.', { retryAfterSeconds: 5 }),
};
