import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries the operator's health token. Both sides are hashed
 * first so the comparison takes the same time whatever the lengths and contents.
 */
export function hasHealthToken(authorization: string | undefined, expected: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  const given = createHash('sha256')
    .update(match ? match[1] : '')
    .digest();
  const wanted = createHash('sha256').update(expected).digest();
  return timingSafeEqual(given, wanted) && match !== null;
}
