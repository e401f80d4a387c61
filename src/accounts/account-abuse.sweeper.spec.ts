import type { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '../config/config';
import { AccountAbuseSweeper } from './account-abuse.sweeper';
import type { ClientRateCountersRepository } from './repositories/client-rate-counters.repository';
import type { ProofOfWorkRepository } from './repositories/proof-of-work.repository';
import type { SignInThrottleRepository } from './repositories/sign-in-throttle.repository';

const HOUR = 3600_000;

/** A database whose advisory lock is free or held elsewhere, and purges that record their cutoffs. */
function setUp(options: { lockFree: boolean }) {
  const manager = { query: async () => [{ locked: options.lockFree }] } as unknown as EntityManager;
  const dataSource = {
    transaction: async <T>(work: (transactional: EntityManager) => Promise<T>) => work(manager),
  } as unknown as DataSource;
  const cutoffs: Record<string, Date[]> = {};
  const throttles = {
    purgeStale: async (_manager: EntityManager, forgetBefore: Date, now: Date) => {
      cutoffs.throttles = [forgetBefore, now];
      return 2;
    },
  } as unknown as SignInThrottleRepository;
  const counters = {
    purgeStartedBefore: async (_manager: EntityManager, before: Date) => {
      cutoffs.counters = [before];
      return 3;
    },
  } as unknown as ClientRateCountersRepository;
  const spent = {
    purgeExpired: async (_manager: EntityManager, now: Date) => {
      cutoffs.spent = [now];
      return 0;
    },
  } as unknown as ProofOfWorkRepository;
  const sweeper = new AccountAbuseSweeper(
    dataSource,
    throttles,
    counters,
    spent,
    loadConfig({ REGISTRATION_WINDOW_SECONDS: '7200' }),
    false,
  );
  return { sweeper, cutoffs };
}

describe('AccountAbuseSweeper', () => {
  it('forgets sign-in streaks a day old, counters of ended windows and expired challenges, and says how many', async () => {
    const { sweeper, cutoffs } = setUp({ lockFree: true });
    const before = Date.now();
    await expect(sweeper.purgeOnce()).resolves.toEqual({ throttles: 2, counters: 3, spentChallenges: 0 });
    const [forgetBefore, now] = cutoffs.throttles;
    expect(now.getTime()).toBeGreaterThanOrEqual(before);
    expect(now.getTime() - forgetBefore.getTime()).toBe(24 * HOUR);
    expect(now.getTime() - cutoffs.counters[0].getTime()).toBe(2 * HOUR);
    expect(cutoffs.spent).toEqual([now]);
  });

  it('skips the pass while another instance holds the lock', async () => {
    const { sweeper, cutoffs } = setUp({ lockFree: false });
    await expect(sweeper.purgeOnce()).resolves.toBeNull();
    expect(cutoffs).toEqual({});
  });
});
