import { ErrorCode } from '../common/errors/error-code';
import { domainError } from '../common/errors/kindred-error';

export type ResourcesReason = 'INVALID_INPUT' | 'RESOURCE_NOT_FOUND' | 'ADMIN_ONLY';

/** The resource library's errors: every reason maps to one contract code, and the map is exhaustive. */
export const ResourcesError = domainError<ResourcesReason>('ResourcesError', {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  RESOURCE_NOT_FOUND: ErrorCode.NOT_FOUND,
  ADMIN_ONLY: ErrorCode.FORBIDDEN,
});
export type ResourcesError = InstanceType<typeof ResourcesError>;

export const resourcesErrors = {
  invalid: (message: string, field: string) => new ResourcesError('INVALID_INPUT', message, { field }),
  notFound: () => new ResourcesError('RESOURCE_NOT_FOUND', 'We could not find that resource.'),
  adminOnly: () => new ResourcesError('ADMIN_ONLY', 'Only admins can change the resource library.'),
};
