import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { takeAccountWindowEvent } from '../../common/rate-limit/account-window-limit';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import { screeningErrors } from '../screening.errors';

/**
 * screenDraft per account: SCREEN_DRAFT_RATE_LIMIT checks per SCREEN_DRAFT_RATE_WINDOW_SECONDS,
 * counted in draft_check (one row per check, who and when only) with the same mechanism as
 * the posting limit, so it holds across API instances.
 */
@Injectable()
export class DraftCheckLimitService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /** Records one check for the account, or throws RATE_LIMITED (with retryAfterSeconds) when the window is full. */
  async take(accountId: string): Promise<void> {
    const { perWindow, windowSeconds } = this.config.draftScreening;
    const window = {
      name: 'draft-check',
      table: 'draft_check',
      accountColumn: 'account_id',
      timeColumn: 'checked_at',
      limit: perWindow,
      windowSeconds,
    };
    await this.dataSource.transaction(async (manager) => {
      const wait = await takeAccountWindowEvent(manager, window, accountId);
      if (wait !== null) throw screeningErrors.draftChecksLimited(wait);
    });
  }
}
