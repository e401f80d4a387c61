import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries an operator's bearer token (HEALTH_TOKEN,
 * METRICS_TOKEN). Both sides are hashed first so the comparison takes the same time
 * whatever the lengths and contents.
 */
export function hasOperatorToken(authorization: string | undefined, expected: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  const given = createHash('sha256')
    .update(match ? match[1] : '')
    .digest();
  const wanted = createHash('sha256').update(expected).digest();
  return timingSafeEqual(given, wanted) && match !== null;
}
