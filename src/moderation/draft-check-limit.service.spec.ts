import type { EntityManager } from 'typeorm';
import { loadConfig } from '../config/config';
import { DraftCheckLimitService } from './draft-check-limit.service';
import { DraftChecksRepository } from './repositories/draft-checks.repository';
import { OfflineTransactions } from './testing/moderation-fakes';

/** Counts checks per account; a full window answers with a fixed wait. */
class CountingDraftChecks extends DraftChecksRepository {
  readonly taken = new Map<string, number>();
  readonly windows: Array<{ perWindow: number; windowSeconds: number }> = [];

  override async take(_manager: EntityManager, accountId: string, perWindow: number, windowSeconds: number): Promise<number | null> {
    this.windows.push({ perWindow, windowSeconds });
    const count = this.taken.get(accountId) ?? 0;
    if (count >= perWindow) return 17;
    this.taken.set(accountId, count + 1);
    return null;
  }
}

describe('DraftCheckLimitService', () => {
  it('allows SCREEN_DRAFT_RATE_LIMIT checks per window, then refuses with RATE_LIMITED and when to retry', async () => {
    const checks = new CountingDraftChecks();
    const transactions = new OfflineTransactions();
    const service = new DraftCheckLimitService(transactions, checks, loadConfig({ SCREEN_DRAFT_RATE_LIMIT: '2', SCREEN_DRAFT_RATE_WINDOW_SECONDS: '60' }));

    await service.take('account-1');
    await service.take('account-1');
    await expect(service.take('account-1')).rejects.toMatchObject({ reason: 'RATE_LIMITED', details: { retryAfterSeconds: 17 } });
    await expect(service.take('account-2')).resolves.toBeUndefined();

    expect(checks.windows).toContainEqual({ perWindow: 2, windowSeconds: 60 });
    // Each check in a transaction of its own: the advisory lock is held until it ends.
    expect(transactions.transactions).toBe(4);
  });
});
