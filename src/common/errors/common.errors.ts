import { ErrorCode } from './error-code';
import { domainError } from './kindred-error';

export type CommonReason =
  'NOT_SIGNED_IN' | 'FORBIDDEN' | 'INVALID_CURSOR' | 'INVALID_ID' | 'PAGE_SIZE' | 'SUSPENDED' | 'RATE_LIMITED' | 'INVALID_TEXT';

export const CommonError = domainError<CommonReason>('CommonError', {
  NOT_SIGNED_IN: ErrorCode.UNAUTHENTICATED,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  INVALID_CURSOR: ErrorCode.BAD_USER_INPUT,
  INVALID_ID: ErrorCode.NOT_FOUND,
  PAGE_SIZE: ErrorCode.BAD_USER_INPUT,
  SUSPENDED: ErrorCode.SUSPENDED,
  RATE_LIMITED: ErrorCode.RATE_LIMITED,
  INVALID_TEXT: ErrorCode.BAD_USER_INPUT,
});
