import {
  backoffSeconds,
  blockedUntil,
  describeWait,
  FORGET_FAILURES_AFTER_MS,
  nextFailureCount,
  throttledMessage,
} from './sign-in-backoff';

const policy = { freeFailures: 5, baseDelaySeconds: 2, maxDelaySeconds: 900 };

describe('backoffSeconds', () => {
  it('lets the free failures through without delay', () => {
    for (let failures = 0; failures < 5; failures++) expect(backoffSeconds(failures, policy)).toBe(0);
  });

  it('doubles after the free failures', () => {
    expect([5, 6, 7, 8, 9].map((f) => backoffSeconds(f, policy))).toEqual([2, 4, 8, 16, 32]);
  });

  it('is capped', () => {
    expect(backoffSeconds(14, policy)).toBe(900);
    expect(backoffSeconds(10_000, policy)).toBe(900);
  });
});

describe('blockedUntil', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('is null while failures are free', () => {
    expect(blockedUntil(4, policy, now)).toBeNull();
  });
  it('adds the delay to now', () => {
    expect(blockedUntil(6, policy, now)).toEqual(new Date('2026-01-01T00:00:04Z'));
  });
});

describe('nextFailureCount', () => {
  const now = new Date('2026-01-02T00:00:00Z');
  it('starts at one', () => {
    expect(nextFailureCount(null, now)).toBe(1);
  });
  it('counts a recent streak on', () => {
    expect(nextFailureCount({ failures: 3, lastFailureAt: new Date(now.getTime() - 60_000) }, now)).toBe(4);
  });
  it('forgets an old streak', () => {
    expect(nextFailureCount({ failures: 30, lastFailureAt: new Date(now.getTime() - FORGET_FAILURES_AFTER_MS - 1) }, now)).toBe(1);
  });
});

describe('describeWait', () => {
  it.each([
    [0, '1 second'],
    [1000, '1 second'],
    [1001, '2 seconds'],
    [59_000, '59 seconds'],
    [60_000, '1 minute'],
    [61_000, '2 minutes'],
    [15 * 60_000, '15 minutes'],
    [60 * 60_000, '1 hour'],
    [3 * 60 * 60_000, '3 hours'],
  ])('%d ms reads "%s"', (ms, words) => {
    expect(describeWait(ms)).toBe(words);
  });

  it('says when to try again', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(throttledMessage(new Date('2026-01-01T00:00:08Z'), now)).toBe(
      'Too many attempts for this pseudonym. Please wait 8 seconds and try again (after 2026-01-01T00:00:08.000Z).',
    );
  });
});
