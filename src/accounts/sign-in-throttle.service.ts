import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { AccountsError } from './accounts.errors';
import { BackoffPolicy, blockedUntil, FORGET_FAILURES_AFTER_MS, throttledMessage } from './sign-in-backoff';

/**
 * Backoff per pseudonym key, kept whether or not the pseudonym exists. Guards sign-in,
 * account recovery and the passphrase check of deleteAccount. Safe with many API
 * instances: the count is kept by one atomic upsert.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  private get policy(): BackoffPolicy {
    return this.config.signIn;
  }

  /** Throws RATE_LIMITED (with `retryAfterSeconds`) while the key is blocked. */
  async assertNotBlocked(key: string, now = new Date()): Promise<void> {
    const rows: Array<{ blocked_until: Date | null }> = await this.dataSource.query(`SELECT blocked_until FROM sign_in_throttle WHERE pseudonym_key = $1`, [key]);
    const until = rows[0]?.blocked_until ? new Date(rows[0].blocked_until) : null;
    if (until && until > now) {
      throw new AccountsError('THROTTLED', throttledMessage(until, now), {
        retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
        retryAt: until.toISOString(),
      });
    }
  }

  /** Counts one failure and blocks the key for the backoff that count calls for. */
  async recordFailure(key: string, now = new Date()): Promise<void> {
    const forgetBefore = new Date(now.getTime() - FORGET_FAILURES_AFTER_MS);
    const rows: Array<{ failures: number }> = await this.dataSource.query(
      `INSERT INTO sign_in_throttle (pseudonym_key, failures, blocked_until, last_failure_at) VALUES ($1, 1, NULL, $2)
       ON CONFLICT (pseudonym_key) DO UPDATE
         SET failures = CASE WHEN sign_in_throttle.last_failure_at < $3 THEN 1 ELSE sign_in_throttle.failures + 1 END,
             last_failure_at = $2
       RETURNING failures`,
      [key, now, forgetBefore],
    );
    const failures = rows[0]?.failures ?? 1;
    const until = blockedUntil(failures, this.policy, now);
    if (until) {
      await this.dataSource.query(
        `UPDATE sign_in_throttle SET blocked_until = GREATEST(coalesce(blocked_until, $2), $2) WHERE pseudonym_key = $1`,
        [key, until],
      );
    }
    // Now and then, forget keys nobody has failed on for a day, so guesses do not pile up.
    if (Math.random() < 0.01) {
      await this.dataSource.query(`DELETE FROM sign_in_throttle WHERE last_failure_at < $1`, [forgetBefore]);
    }
  }

  /** A success clears the key. */
  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_throttle WHERE pseudonym_key = $1`, [key]);
  }
}
