import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { moderationErrors } from './moderation.errors';
import { DraftChecksRepository } from './repositories/draft-checks.repository';

/**
 * screenDraft per account: SCREEN_DRAFT_RATE_LIMIT checks per SCREEN_DRAFT_RATE_WINDOW_SECONDS,
 * counted in draft_check (one row per check, who and when only) with the same mechanism as
 * the posting limit, so it holds across API instances.
 */
@Injectable()
export class DraftCheckLimitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly draftChecks: DraftChecksRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /** Records one check for the account, or throws RATE_LIMITED (with retryAfterSeconds) when the window is full. */
  async take(accountId: string): Promise<void> {
    const { perWindow, windowSeconds } = this.config.draftScreening;
    await this.dataSource.transaction(async (manager) => {
      const wait = await this.draftChecks.take(manager, accountId, perWindow, windowSeconds);
      if (wait !== null) throw moderationErrors.draftChecksLimited(wait);
    });
  }
}
