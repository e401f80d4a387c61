/**
 * The pure part of the sign-in throttle: how long a pseudonym is blocked after a number
 * of consecutive failures, and how to say so. No clock of its own: `now` is passed in.
 */
export interface BackoffPolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

/** Failures older than this are forgotten: the count starts again. */
export const FORGET_FAILURES_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Seconds to block after `failures` consecutive failures: none up to `freeFailures`, then
 * base, 2 x base, 4 x base, ... capped at `maxDelaySeconds`.
 */
export function backoffSeconds(failures: number, policy: BackoffPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const exponent = Math.min(failures - policy.freeFailures, 30); // 2^30 overflows any sane cap
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** exponent);
}

/** When a pseudonym with `failures` consecutive failures (the last one at `now`) may try again; null if at once. */
export function blockedUntil(failures: number, policy: BackoffPolicy, now: Date): Date | null {
  const seconds = backoffSeconds(failures, policy);
  return seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null;
}

/** The failure count after one more failure, forgetting an old streak. */
export function nextFailureCount(previous: { failures: number; lastFailureAt: Date } | null, now: Date): number {
  if (!previous || now.getTime() - previous.lastFailureAt.getTime() > FORGET_FAILURES_AFTER_MS) return 1;
  return previous.failures + 1;
}

/** "1 second", "40 seconds", "3 minutes", "1 hour": rounded up, so the member never retries too early. */
export function describeWait(milliseconds: number): string {
  const seconds = Math.max(1, Math.ceil(milliseconds / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

export function throttledMessage(until: Date, now: Date): string {
  return `Too many attempts for this pseudonym. Please wait ${describeWait(until.getTime() - now.getTime())} and try again (after ${until.toISOString()}).`;
}
