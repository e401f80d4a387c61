import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from './database-unavailable';
import { ErrorCode } from './error-code';
import { KindredError } from './kindred-error';

const logger = new Logger('GraphQLErrors');

/** Codes graphql-js and Apollo raise for a malformed request: the member's input was wrong. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
]);

function originalOf(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current && typeof current === 'object' && 'originalError' in current && current.originalError) {
    current = current.originalError as { originalError?: unknown };
  }
  return current;
}

function isValidationError(error: unknown): error is { getResponse(): unknown; getStatus(): number } {
  return (
    typeof error === 'object' && error !== null && 'getStatus' in error && typeof (error as { getStatus: unknown }).getStatus === 'function'
  );
}

/**
 * The single place that decides what a client sees of a failure. Known errors keep their
 * code and message; anything unexpected is logged under an id and masked, so no stack
 * trace or SQL ever reaches a member.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof KindredError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (isValidationError(original)) {
    // class-validator failures from the ValidationPipe and other Nest HTTP exceptions.
    const status = original.getStatus();
    const response = original.getResponse() as { message?: string | string[] } | string;
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray(response.message)
          ? response.message.join('; ')
          : (response.message ?? formatted.message);
    const code =
      status === 401
        ? ErrorCode.UNAUTHENTICATED
        : status === 403
          ? ErrorCode.FORBIDDEN
          : status === 404
            ? ErrorCode.NOT_FOUND
            : status === 429
              ? ErrorCode.RATE_LIMITED
              : ErrorCode.BAD_USER_INPUT;
    return { ...base, message, extensions: { code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (typeof code === 'string' && (Object.values(ErrorCode) as string[]).includes(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...base, extensions: { code } };
  }
  if (isDatabaseUnavailable(original)) {
    // Not a bug to hunt by id: the database is down or restarting, and trying again will work.
    logger.warn(`database unavailable at ${formatted.path?.join('.') ?? 'request'}`);
    return {
      message: 'Kindred cannot reach its database right now. Please try again in a minute.',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
    };
  }
  const errorId = randomUUID();
  const name = original instanceof Error ? original.name : 'UnknownError';
  // Only the error's name and stack frames are logged: a driver's message can quote the
  // values of a row (a post body, a pseudonym), and logs carry ids, never content.
  const frames = original instanceof Error && original.stack ? original.stack.split('\n').slice(1).join('\n') : undefined;
  logger.error(`internal error ${errorId} (${name}) at ${formatted.path?.join('.') ?? 'request'}`, frames);
  return {
    message: `Something went wrong on our side. If it keeps happening, tell the moderators this id: ${errorId}`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
  };
}
