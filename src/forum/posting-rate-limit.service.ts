import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { forumErrors } from './forum.errors';
import { PostingWindowsRepository } from './repositories/posting-windows.repository';

/**
 * Per-account rate limits on writing: at most `postsPerWindow` new posts (threads and
 * replies) and at most `edits.perWindow` edits in their sliding windows, counted in Postgres
 * (safe with many API instances: see accountWindowWait).
 */
@Injectable()
export class PostingRateLimitService {
  constructor(
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly windows: PostingWindowsRepository,
  ) {}

  /** Call inside the transaction that inserts the post, before the insert. */
  async check(manager: EntityManager, accountId: string): Promise<void> {
    const { postsPerWindow, postWindowSeconds } = this.config.limits;
    if ((await this.windows.postWait(manager, accountId, postsPerWindow, postWindowSeconds)) !== null)
      throw forumErrors.rateLimited(postsPerWindow, postWindowSeconds);
  }

  /**
   * Call inside the transaction that edits, before the change: counts this edit when allowed.
   */
  async checkEdit(manager: EntityManager, accountId: string): Promise<void> {
    const { perWindow, windowSeconds } = this.config.edits;
    if ((await this.windows.takeEdit(manager, accountId, perWindow, windowSeconds)) !== null)
      throw forumErrors.editRateLimited(perWindow, windowSeconds);
  }
}
