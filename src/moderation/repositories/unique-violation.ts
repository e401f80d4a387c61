import { QueryFailedError } from 'typeorm';

/** Whether a statement failed on a unique constraint (Postgres 23505): two writes raced for one key. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';
}
