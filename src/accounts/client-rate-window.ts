/**
 * The start of the fixed window of `windowSeconds` that `now` falls in, windows counted
 * from `origin` (the start of the client key's epoch, so no window straddles a key rotation).
 */
export function windowStart(now: Date, windowSeconds: number, origin: Date): Date {
  const size = windowSeconds * 1000;
  const elapsed = Math.max(0, now.getTime() - origin.getTime());
  return new Date(origin.getTime() + Math.floor(elapsed / size) * size);
}
