import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { forumErrors } from './forum.errors';

/** One per-account budget: what is counted, how many per window, and what the member is told. */
interface Budget {
  lockKey: string;
  /** Counts the account's events in the window: $1 account id, $2 window seconds. */
  countSql: string;
  limit: number;
  windowSeconds: number;
  refusal: (limit: number, windowSeconds: number) => Error;
}

/**
 * Per-account rate limits on writing: at most `postsPerWindow` new posts (threads and
 * replies) and at most `edits.perWindow` edits in their sliding windows. Safe with many API
 * instances: a transaction-scoped advisory lock per account and budget serializes the count
 * and the write that follows it.
 */
@Injectable()
export class PostingRateLimitService {
  constructor(@Inject(KINDRED_CONFIG) private readonly config: KindredConfig) {}

  /** Call inside the transaction that inserts the post, before the insert. */
  async check(manager: EntityManager, accountId: string): Promise<void> {
    const { postsPerWindow, postWindowSeconds } = this.config.limits;
    await this.enforce(manager, accountId, {
      lockKey: 'kindred:post-rate:',
      countSql: `SELECT count(*)::int AS count FROM post WHERE author_id = $1::uuid AND created_at > clock_timestamp() - make_interval(secs => $2)`,
      limit: postsPerWindow,
      windowSeconds: postWindowSeconds,
      refusal: forumErrors.rateLimited,
    });
  }

  /**
   * Call inside the transaction that edits, before the change: counts this edit when
   * allowed. Edits leave no row of their own, so each is noted in edit_rate_event, and the
   * account's notes older than the window are dropped as it goes (nothing older is kept).
   */
  async checkEdit(manager: EntityManager, accountId: string): Promise<void> {
    const { perWindow, windowSeconds } = this.config.edits;
    await this.enforce(manager, accountId, {
      lockKey: 'kindred:edit-rate:',
      countSql: `SELECT count(*)::int AS count FROM edit_rate_event WHERE account_id = $1::uuid AND created_at > clock_timestamp() - make_interval(secs => $2)`,
      limit: perWindow,
      windowSeconds,
      refusal: forumErrors.editRateLimited,
    });
    await manager.query(`DELETE FROM edit_rate_event WHERE account_id = $1::uuid AND created_at <= clock_timestamp() - make_interval(secs => $2)`, [accountId, windowSeconds]);
    await manager.query(`INSERT INTO edit_rate_event (account_id, created_at) VALUES ($1::uuid, clock_timestamp())`, [accountId]);
  }

  private async enforce(manager: EntityManager, accountId: string, budget: Budget): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($2::text || $1::text, 0))`, [accountId, budget.lockKey]);
    const [{ count }] = (await manager.query(budget.countSql, [accountId, budget.windowSeconds])) as Array<{ count: number }>;
    if (count >= budget.limit) throw budget.refusal(budget.limit, budget.windowSeconds);
  }
}
