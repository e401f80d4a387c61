import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { forumErrors } from './forum.errors';

/**
 * A per-account posting limit: at most `postsPerWindow` new posts (threads and replies) in
 * the last `postWindowSeconds`. Safe with many API instances: a transaction-scoped advisory
 * lock per account serializes the count and the insert that follows it.
 */
@Injectable()
export class PostingRateLimitService {
  constructor(@Inject(KINDRED_CONFIG) private readonly config: KindredConfig) {}

  /** Call inside the transaction that inserts the post, before the insert. */
  async check(manager: EntityManager, accountId: string): Promise<void> {
    const { postsPerWindow, postWindowSeconds } = this.config.limits;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('kindred:post-rate:' || $1::text, 0))`, [accountId]);
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM post WHERE author_id = $1::uuid AND created_at > clock_timestamp() - make_interval(secs => $2)`,
      [accountId, postWindowSeconds],
    )) as Array<{ count: number }>;
    if (count >= postsPerWindow) throw forumErrors.rateLimited(postsPerWindow, postWindowSeconds);
  }
}
