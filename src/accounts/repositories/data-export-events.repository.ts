import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { takeAccountWindowEvent } from '../../common/rate-limit/account-window-limit';
import { DataExportEventEntity } from '../data-export-event.entity';

/** The data_export_event log: one row per download of a member's data, one window deep. */
@Injectable()
export class DataExportEventsRepository {
  /** Seconds until the account may export again, or null after noting this export (call in a transaction). */
  take(manager: EntityManager, accountId: string, limit: number, windowSeconds: number): Promise<number | null> {
    return takeAccountWindowEvent(
      manager,
      { name: 'data-export', table: 'data_export_event', accountColumn: 'account_id', timeColumn: 'created_at', limit, windowSeconds },
      accountId,
    );
  }

  /** When the account downloaded its data, oldest first, as far as the window still holds. */
  async timesOf(manager: EntityManager, accountId: string): Promise<Date[]> {
    const rows = await manager.find(DataExportEventEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => row.createdAt);
  }
}
