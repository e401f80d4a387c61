/** The contract's `extensions.code` values: every GraphQL error carries exactly one. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  SUSPENDED = 'SUSPENDED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
