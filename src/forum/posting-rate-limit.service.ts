import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { accountWindowWait } from '../common/rate-limit/account-window-limit';
import { forumErrors } from './forum.errors';

/**
 * A per-account posting limit: at most `postsPerWindow` new posts (threads and replies) in
 * the last `postWindowSeconds`, counted on the post table itself (safe with many API
 * instances: see accountWindowWait).
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
}
