import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommonError } from '../common/errors/common.errors';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { DataExportEventsRepository } from './repositories/data-export-events.repository';

/**
 * Downloads of a member's data per account: DATA_EXPORT_RATE_LIMIT per
 * DATA_EXPORT_RATE_WINDOW_SECONDS. An export reads every row the member has, so a stolen
 * session (or a stuck button) must not turn it into a load generator; a member needs it
 * rarely. Counted in Postgres like the edit limit, so it holds across API instances.
 */
@Injectable()
export class DataExportLimitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DataExportEventsRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /** Notes one export for the account, or throws RATE_LIMITED (with retryAfterSeconds) when the window is full. */
  async take(accountId: string): Promise<void> {
    const { perWindow, windowSeconds } = this.config.dataExport;
    const wait = await this.dataSource.transaction((manager) => this.events.take(manager, accountId, perWindow, windowSeconds));
    if (wait !== null) {
      throw new CommonError('RATE_LIMITED', 'You have downloaded your data several times recently. Please try again a little later.', {
        retryAfterSeconds: wait,
      });
    }
  }
}
