import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountWindowLimit, takeAccountWindowEvent } from '../../common/rate-limit/account-window-limit';

/** draft_check: one row per screenDraft call (who and when, never what), kept one window deep. */
@Injectable()
export class DraftChecksRepository {
  /**
   * Records a check for the account when fewer than `perWindow` fall in the last
   * `windowSeconds`; otherwise records nothing and returns the seconds to wait. Takes a
   * transaction-scoped advisory lock per account, so call it in its own transaction.
   */
  take(manager: EntityManager, accountId: string, perWindow: number, windowSeconds: number): Promise<number | null> {
    const window: AccountWindowLimit = { name: 'draft-check', table: 'draft_check', accountColumn: 'account_id', timeColumn: 'checked_at', limit: perWindow, windowSeconds };
    return takeAccountWindowEvent(manager, window, accountId);
  }
}
