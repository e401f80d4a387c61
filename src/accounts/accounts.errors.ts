import { ErrorCode } from '../common/errors/error-code';
import { domainError } from '../common/errors/kindred-error';

export type AccountsReason =
  | 'PSEUDONYM_INVALID'
  | 'PSEUDONYM_RESERVED'
  | 'PSEUDONYM_TAKEN'
  | 'PASSPHRASE_TOO_SHORT'
  | 'PASSPHRASE_TOO_LONG'
  | 'BAD_CREDENTIALS'
  | 'BAD_RECOVERY_CODE'
  | 'WRONG_PASSPHRASE'
  | 'BANNED'
  | 'THROTTLED'
  | 'REGISTRATION_LIMITED'
  | 'INVALID_DATE'
  | 'BAD_COUNT'
  | 'INVALID_TIME_ZONE'
  | 'MILESTONE_NOT_REACHED'
  | 'TOO_MANY_COMEBACKS'
  | 'ACCOUNT_NOT_FOUND';

/** Every failure the accounts domain lets through to a member, with its contract code. */
export const AccountsError = domainError<AccountsReason>('AccountsError', {
  PSEUDONYM_INVALID: ErrorCode.BAD_USER_INPUT,
  PSEUDONYM_RESERVED: ErrorCode.BAD_USER_INPUT,
  PSEUDONYM_TAKEN: ErrorCode.CONFLICT,
  PASSPHRASE_TOO_SHORT: ErrorCode.BAD_USER_INPUT,
  PASSPHRASE_TOO_LONG: ErrorCode.BAD_USER_INPUT,
  BAD_CREDENTIALS: ErrorCode.UNAUTHENTICATED,
  BAD_RECOVERY_CODE: ErrorCode.UNAUTHENTICATED,
  WRONG_PASSPHRASE: ErrorCode.UNAUTHENTICATED,
  BANNED: ErrorCode.FORBIDDEN,
  THROTTLED: ErrorCode.RATE_LIMITED,
  REGISTRATION_LIMITED: ErrorCode.RATE_LIMITED,
  INVALID_DATE: ErrorCode.BAD_USER_INPUT,
  BAD_COUNT: ErrorCode.BAD_USER_INPUT,
  INVALID_TIME_ZONE: ErrorCode.BAD_USER_INPUT,
  MILESTONE_NOT_REACHED: ErrorCode.BAD_USER_INPUT,
  TOO_MANY_COMEBACKS: ErrorCode.BAD_USER_INPUT,
  ACCOUNT_NOT_FOUND: ErrorCode.NOT_FOUND,
});
export type AccountsError = InstanceType<typeof AccountsError>;

export const BAD_CREDENTIALS_MESSAGE = "That pseudonym and passphrase don't match.";
