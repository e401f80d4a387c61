import { ErrorCode } from '../common/errors/error-code';
import { domainError } from '../common/errors/kindred-error';

export type CheckInReason = 'INVALID_INPUT' | 'ALREADY_CHECKED_IN';

/** The check-ins' errors: every reason maps to one contract code, and the map is exhaustive. */
export const CheckInError = domainError<CheckInReason>('CheckInError', {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  ALREADY_CHECKED_IN: ErrorCode.CONFLICT,
});

export const checkInErrors = {
  invalid: (message: string, field: string) => new CheckInError('INVALID_INPUT', message, { field }),
  alreadyCheckedIn: () =>
    new CheckInError(
      'ALREADY_CHECKED_IN',
      'You have already checked in today. Your check-in is in your history; tomorrow brings a new one.',
    ),
};
