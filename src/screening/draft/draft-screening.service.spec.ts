import { loadConfig } from '../../config/config';
import type { CrisisResourcesService } from '../crisis-resources.service';
import { screeningDecision } from '../../../test/support/screening-fakes';
import type { ScreeningPool } from '../pool/screening-pool';
import type { ScreeningTask, ScreeningTaskResult } from '../pool/screening-task';
import type { DraftCheckLimitService } from './draft-check-limit.service';
import { DraftScreeningService } from './draft-screening.service';
import { screeningErrors } from '../screening.errors';

const PUBLISH = screeningDecision();

function setUp(options: { poolFull?: boolean; budgetLeft?: boolean } = {}) {
  const screened: ScreeningTask[] = [];
  const taken: string[] = [];
  const pool = {
    tryScreen: (task: ScreeningTask): Promise<ScreeningTaskResult> | null => {
      if (options.poolFull) return null;
      screened.push(task);
      return Promise.resolve({ bodyDecision: PUBLISH, titleDecision: null, threadId: 1 });
    },
  } as unknown as ScreeningPool;
  const limit = {
    take: async (accountId: string) => {
      if (options.budgetLeft === false) throw screeningErrors.draftChecksLimited(42);
      taken.push(accountId);
    },
  } as unknown as DraftCheckLimitService;
  const crisis = { list: () => [] } as unknown as CrisisResourcesService;
  const service = new DraftScreeningService(pool, limit, crisis, loadConfig({ BODY_MAX_CHARS: '50' }));
  return { service, screened, taken };
}

describe('DraftScreeningService', () => {
  it('screens the draft in the pool, exactly as sent, after taking one check from the budget', async () => {
    const { service, screened, taken } = setUp();
    await expect(service.screen('account-1', '  Day 30.  ')).resolves.toMatchObject({ outcome: 'PUBLISH' });
    expect(taken).toEqual(['account-1']);
    expect(screened).toEqual([{ body: '  Day 30.  ' }]);
  });

  it('answers RATE_LIMITED with retryAfterSeconds when the account has no checks left, without screening', async () => {
    const { service, screened } = setUp({ budgetLeft: false });
    await expect(service.screen('account-1', 'Day 30.')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 42 },
    });
    expect(screened).toEqual([]);
  });

  it('answers RATE_LIMITED when the pool is full rather than waiting', async () => {
    const { service } = setUp({ poolFull: true });
    await expect(service.screen('account-1', 'Day 30.')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });
  });

  it('refuses empty and over-long drafts before spending a check', async () => {
    const { service, taken } = setUp();
    await expect(service.screen('account-1', '   ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.screen('account-1', 'x'.repeat(51))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(taken).toEqual([]);
  });
});
