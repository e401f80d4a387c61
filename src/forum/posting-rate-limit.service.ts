import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { accountWindowWait, takeAccountWindowEvent } from '../common/rate-limit/account-window-limit';
import { forumErrors } from './forum.errors';

/**
 * Per-account rate limits on writing: at most `postsPerWindow` new posts (threads and
 * replies) and at most `edits.perWindow` edits in their sliding windows, counted in Postgres
 * (safe with many API instances: see accountWindowWait).
 */
@Injectable()
export class PostingRateLimitService {
  constructor(@Inject(KINDRED_CONFIG) private readonly config: KindredConfig) {}

  /** Call inside the transaction that inserts the post, before the insert. */
  async check(manager: EntityManager, accountId: string): Promise<void> {
    const { postsPerWindow, postWindowSeconds } = this.config.limits;
    const window = { name: 'post-rate', table: 'post', accountColumn: 'author_id', timeColumn: 'created_at', limit: postsPerWindow, windowSeconds: postWindowSeconds };
    if ((await accountWindowWait(manager, window, accountId)) !== null) throw forumErrors.rateLimited(postsPerWindow, postWindowSeconds);
  }

  /**
   * Call inside the transaction that edits, before the change: counts this edit when
   * allowed. Edits leave no row of their own, so each is noted in edit_rate_event (who and
   * when only, one window deep).
   */
  async checkEdit(manager: EntityManager, accountId: string): Promise<void> {
    const { perWindow, windowSeconds } = this.config.edits;
    const window = { name: 'edit-rate', table: 'edit_rate_event', accountColumn: 'account_id', timeColumn: 'created_at', limit: perWindow, windowSeconds };
    if ((await takeAccountWindowEvent(manager, window, accountId)) !== null) throw forumErrors.editRateLimited(perWindow, windowSeconds);
  }
}
