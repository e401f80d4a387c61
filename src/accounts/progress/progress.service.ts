import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '../../common/auth/viewer';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import type { AccountEntity } from '../account.entity';
import { AccountsError } from '../accounts.errors';
import { parseCalendarDate } from '../member-fields';
import { AccountsRepository } from '../repositories/accounts.repository';
import { localDate, Milestone, Progress, progressOn } from './progress-arithmetic';
import { RecoveryComebacksRepository } from './recovery-comebacks.repository';

/**
 * The rules of a member's recovery progress: came-back dates in, progress out. The arithmetic
 * is progress-arithmetic.ts; this adds the member's records, their own calendar day and the
 * configured milestones. Nothing here ever resets or subtracts: a came-back date only starts a
 * new current stretch.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly comebacks: RecoveryComebacksRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /** The member's progress today in their time zone, or null before any start is recorded. */
  async progressOf(account: AccountEntity, now = new Date()): Promise<Progress | null> {
    if (account.recoveryStartDate === null && account.medicationStartDate === null) return null;
    const records = {
      recoveryStartDate: account.recoveryStartDate,
      medicationStartDate: account.medicationStartDate,
      comebackDates: await this.comebacks.datesOf(account.id),
    };
    return progressOn(records, localDate(now, account.timeZone), this.config.progress.dayMilestones);
  }

  /**
   * Records a day the member came back: a real date, after their start, not after today in
   * their own calendar. The same day twice is one record.
   */
  async recordComeback(viewer: Viewer, date: string, now = new Date()): Promise<AccountEntity> {
    const account = await this.accountOf(viewer);
    const day = date.trim();
    if (parseCalendarDate(day) === null)
      throw new AccountsError('INVALID_DATE', 'Please give the day you came back as year-month-day, for example 2025-03-14.', {
        problem: 'FORMAT',
      });
    const starts = [account.recoveryStartDate, account.medicationStartDate].filter((start): start is string => start !== null).sort();
    if (starts.length === 0)
      throw new AccountsError('INVALID_DATE', 'Please add the day your recovery started first; a day you came back counts from it.', {
        problem: 'NO_START',
      });
    if (day <= starts[0])
      throw new AccountsError('INVALID_DATE', 'The day you came back needs to be after the day your recovery started.', {
        problem: 'BEFORE_START',
      });
    if (day > localDate(now, account.timeZone))
      throw new AccountsError('INVALID_DATE', "The day you came back can't be in the future.", { problem: 'FUTURE' });
    const existing = await this.comebacks.datesOf(account.id);
    if (!existing.includes(day) && existing.length >= this.config.progress.comebacksMax)
      throw new AccountsError('TOO_MANY_COMEBACKS', 'This account keeps as many came-back days as it can; please remove one first.');
    await this.comebacks.add(account.id, day);
    return account;
  }

  /** Removes a came-back day the member recorded (a mistake, or a change of heart). */
  async removeComeback(viewer: Viewer, date: string): Promise<AccountEntity> {
    const account = await this.accountOf(viewer);
    const day = date.trim();
    if (parseCalendarDate(day) !== null) await this.comebacks.remove(account.id, day);
    return account;
  }

  /** A milestone the member has reached today, or a BAD_USER_INPUT: only reached milestones may be shared. */
  async reachedMilestone(viewer: Viewer, days: number, now = new Date()): Promise<Milestone> {
    const progress = await this.progressOf(await this.accountOf(viewer), now);
    const milestone = progress?.milestonesReached.find((reached) => reached.days === days);
    if (!milestone) throw new AccountsError('MILESTONE_NOT_REACHED', 'Only a milestone you have reached can be shared.', { days });
    return milestone;
  }

  private async accountOf(viewer: Viewer): Promise<AccountEntity> {
    const account = await this.accounts.findById(viewer.accountId);
    if (!account) throw new AccountsError('ACCOUNT_NOT_FOUND', 'This account no longer exists.');
    return account;
  }
}
