import { Injectable, PipeTransform } from '@nestjs/common';
import { CommonError } from '../errors/common.errors';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((item) => containsNul(item, depth + 1));
}

/**
 * PostgreSQL text cannot hold the NUL character, so a pasted \u0000 would otherwise fail deep
 * in the database as an internal error. Every argument is checked once, at the door.
 */
@Injectable()
export class NoNulCharactersPipe implements PipeTransform {
  transform(value: unknown): unknown {
    if (containsNul(value))
      throw new CommonError(
        'INVALID_TEXT',
        'Your text contains an invisible NUL character (\\0) that cannot be saved. Please remove it and try again.',
      );
    return value;
  }
}
