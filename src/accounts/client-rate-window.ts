/** The start of the fixed window of `windowSeconds` that `now` falls in (windows aligned on the epoch). */
export function windowStart(now: Date, windowSeconds: number): Date {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}
