import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { accountWindowWait, takeAccountWindowEvent } from '../../common/rate-limit/account-window-limit';
import { EditRateEventEntity } from '../edit-rate-event.entity';

/** The sliding windows of an account's writing: its posts, and the edit_rate_event log of its edits. */
@Injectable()
export class PostingWindowsRepository {
  /**
   * Seconds until the account may post again (null: now), counted from its posts under a
   * transaction-scoped advisory lock: call in the transaction that inserts, before the insert.
   */
  postWait(manager: EntityManager, accountId: string, limit: number, windowSeconds: number): Promise<number | null> {
    return accountWindowWait(
      manager,
      { name: 'post-rate', table: 'post', accountColumn: 'author_id', timeColumn: 'created_at', limit, windowSeconds },
      accountId,
    );
  }

  /**
   * Like postWait for edits, which leave no row of their own: when there is room the edit is
   * noted in edit_rate_event (who and when only, one window deep).
   */
  takeEdit(manager: EntityManager, accountId: string, limit: number, windowSeconds: number): Promise<number | null> {
    return takeAccountWindowEvent(
      manager,
      { name: 'edit-rate', table: 'edit_rate_event', accountColumn: 'account_id', timeColumn: 'created_at', limit, windowSeconds },
      accountId,
    );
  }

  /** When the account edited, oldest first, as edit_rate_event still holds it (older rows go as the account edits again). */
  async editTimesOf(manager: EntityManager, accountId: string): Promise<Date[]> {
    const rows = await manager.find(EditRateEventEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => row.createdAt);
  }
}
