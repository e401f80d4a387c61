import { ErrorCode } from '../../common/errors/error-code';
import type { Viewer } from '../../common/auth/viewer';
import { Role } from '../../common/auth/role';
import { loadConfig } from '../../config/config';
import type { AccountEntity } from '../account.entity';
import type { AccountsRepository } from '../repositories/accounts.repository';
import { ProgressService } from './progress.service';
import type { RecoveryComebacksRepository } from './recovery-comebacks.repository';

const NOW = new Date('2026-03-11T12:00:00Z');

function setUp(account: Partial<AccountEntity>, env: Record<string, string> = {}) {
  const row = {
    id: 'acct-a',
    recoveryStartDate: null,
    medicationStartDate: null,
    timeZone: 'UTC',
    ...account,
  } as AccountEntity;
  const dates = new Set<string>();
  const accounts: Pick<AccountsRepository, 'findById'> = { findById: async (id) => (id === row.id ? row : null) };
  const comebacks: Pick<RecoveryComebacksRepository, 'datesOf' | 'add' | 'remove'> = {
    datesOf: async () => [...dates].sort(),
    add: async (_, day) => void dates.add(day),
    remove: async (_, day) => void dates.delete(day),
  };
  const service = new ProgressService(accounts as AccountsRepository, comebacks as RecoveryComebacksRepository, loadConfig(env));
  const viewer: Viewer = { accountId: row.id, sessionId: 's', role: Role.MEMBER, suspendedUntil: null };
  return { service, viewer, row, dates };
}

describe('ProgressService', () => {
  it('is null until a start is recorded', async () => {
    const { service, row } = setUp({});
    await expect(service.progressOf(row, NOW)).resolves.toBeNull();
  });

  it('records a came-back day: a new current stretch, the same total', async () => {
    const { service, viewer, row } = setUp({ recoveryStartDate: '2026-01-01' });
    await service.recordComeback(viewer, '2026-03-01', NOW);
    await service.recordComeback(viewer, '2026-03-01', NOW);
    expect(await service.progressOf(row, NOW)).toMatchObject({ totalDays: 69, currentStretchDays: 10, comebackDates: ['2026-03-01'] });
    await service.removeComeback(viewer, '2026-03-01');
    expect(await service.progressOf(row, NOW)).toMatchObject({ totalDays: 69, currentStretchDays: 69, comebackDates: [] });
  });

  it('counts in the member’s own day', async () => {
    // 02:00 UTC on 1 March is still 28 February in Chicago.
    const early = new Date('2026-03-01T02:00:00Z');
    const { service, row } = setUp({ recoveryStartDate: '2026-02-27', timeZone: 'America/Chicago' });
    expect(await service.progressOf(row, early)).toMatchObject({ totalDays: 1 });
    row.timeZone = 'UTC';
    expect(await service.progressOf(row, early)).toMatchObject({ totalDays: 2 });
  });

  it.each([
    ['not a date', '2026-02-30', 'FORMAT'],
    ['on the start', '2026-01-01', 'BEFORE_START'],
    ['before the start', '2025-12-01', 'BEFORE_START'],
    ['after today in the member’s day', '2026-03-12', 'FUTURE'],
  ])('refuses a came-back day %s', async (_, day, problem) => {
    const { service, viewer, dates } = setUp({ recoveryStartDate: '2026-01-01' });
    await expect(service.recordComeback(viewer, day, NOW)).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { problem } });
    expect(dates.size).toBe(0);
  });

  it('refuses a came-back day before any start is recorded', async () => {
    const { service, viewer } = setUp({});
    await expect(service.recordComeback(viewer, '2026-03-01', NOW)).rejects.toMatchObject({ details: { problem: 'NO_START' } });
  });

  it('keeps at most the configured number of came-back days', async () => {
    const { service, viewer } = setUp({ recoveryStartDate: '2026-01-01' }, { PROGRESS_COMEBACKS_MAX: '1' });
    await service.recordComeback(viewer, '2026-02-01', NOW);
    await expect(service.recordComeback(viewer, '2026-02-02', NOW)).rejects.toMatchObject({ reason: 'TOO_MANY_COMEBACKS' });
    await expect(service.recordComeback(viewer, '2026-02-01', NOW)).resolves.toBeDefined();
  });

  it('lets only a reached milestone be shared, whatever the restarts', async () => {
    const { service, viewer } = setUp({ recoveryStartDate: '2026-01-01' });
    await service.recordComeback(viewer, '2026-03-01', NOW);
    await expect(service.reachedMilestone(viewer, 60, NOW)).resolves.toEqual({ days: 60, years: null, reachedOn: '2026-03-02' });
    await expect(service.reachedMilestone(viewer, 90, NOW)).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'MILESTONE_NOT_REACHED',
    });
    await expect(service.reachedMilestone(viewer, 45, NOW)).rejects.toMatchObject({ reason: 'MILESTONE_NOT_REACHED' });
  });

  it('reads the day milestones from the configuration', async () => {
    expect(loadConfig({}).progress).toEqual({ dayMilestones: [30, 60, 90, 180], comebacksMax: 1000 });
    expect(loadConfig({ PROGRESS_DAY_MILESTONES: '7, 30,7' }).progress.dayMilestones).toEqual([7, 30]);
    expect(() => loadConfig({ PROGRESS_DAY_MILESTONES: '30,400' })).toThrow(/PROGRESS_DAY_MILESTONES/);
    const { service, viewer } = setUp({ recoveryStartDate: '2026-03-01' }, { PROGRESS_DAY_MILESTONES: '7' });
    await expect(service.reachedMilestone(viewer, 7, NOW)).resolves.toMatchObject({ days: 7 });
  });
});
