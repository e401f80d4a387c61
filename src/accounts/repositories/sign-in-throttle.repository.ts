import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affectedRows, booleanColumn, nullableDateColumn, rowsOf } from '../../database/sql-result';

/** What one reservation statement is given: the key, the clock, and the backoff settings. */
export interface ThrottleAttempt {
  key: string;
  now: Date;
  /** Failures older than this no longer count. */
  forgetBefore: Date;
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** Let the attempt through a block (it is counted all the same). */
  bypassBlock: boolean;
}

export interface ThrottleOutcome {
  allowed: boolean;
  blockedUntil: Date | null;
}

/*
 * SQL pieces of the one reservation statement (constants: no input is ever spliced in).
 * $1 key, $2 now, $3 forget-before, $4 free failures, $5 base delay, $6 max delay, $7 bypass.
 * In ON CONFLICT DO UPDATE every expression reads the row as it was before this attempt.
 */
const BLOCKED = `(t.blocked_until IS NOT NULL AND t.blocked_until > $2 AND NOT $7::boolean)`;
const NEXT_FAILURES = `(CASE WHEN t.last_failure_at < $3 THEN 1 ELSE t.failures + 1 END)`;
/** backoffSeconds of sign-in-backoff.ts, in SQL, so the block is set in the same statement that counts. */
const blockAfter = (failures: string) =>
  `(CASE WHEN ${failures} >= $4 THEN $2::timestamptz + make_interval(secs => LEAST($6::float8, $5::float8 * power(2, LEAST(${failures} - $4, 30)))) END)`;

const RESERVE = `
  INSERT INTO sign_in_throttle AS t (pseudonym_hmac, failures, blocked_until, last_failure_at, last_attempt_allowed)
  VALUES ($1, 1, ${blockAfter('1')}, $2, true)
  ON CONFLICT (pseudonym_hmac) DO UPDATE SET
    failures = CASE WHEN ${BLOCKED} THEN t.failures ELSE ${NEXT_FAILURES} END,
    blocked_until = CASE WHEN ${BLOCKED} THEN t.blocked_until ELSE GREATEST(t.blocked_until, ${blockAfter(NEXT_FAILURES)}) END,
    last_failure_at = CASE WHEN ${BLOCKED} THEN t.last_failure_at ELSE $2 END,
    last_attempt_allowed = NOT ${BLOCKED}
  RETURNING last_attempt_allowed AS allowed, blocked_until`;

/** The sign_in_throttle table: failure streaks per keyed pseudonym hash. */
@Injectable()
export class SignInThrottleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts the attempt unless the key is blocked, in one atomic upsert that also says
   * whether it may proceed, so parallel guesses cannot all slip past the count.
   */
  async reserve(attempt: ThrottleAttempt): Promise<ThrottleOutcome | null> {
    const result: unknown = await this.dataSource.query(RESERVE, [
      attempt.key,
      attempt.now,
      attempt.forgetBefore,
      attempt.freeFailures,
      attempt.baseDelaySeconds,
      attempt.maxDelaySeconds,
      attempt.bypassBlock,
    ]);
    const [row] = rowsOf(result);
    if (!row) return null;
    return { allowed: booleanColumn(row, 'allowed'), blockedUntil: nullableDateColumn(row, 'blocked_until') };
  }

  async delete(key: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM sign_in_throttle WHERE pseudonym_hmac = $1`, [key]);
  }

  /** Forgets streaks whose last failure is before `forgetBefore` and that block no longer at `now`; how many went. */
  async purgeStale(manager: EntityManager, forgetBefore: Date, now: Date): Promise<number> {
    const result: unknown = await manager.query(
      `DELETE FROM sign_in_throttle WHERE last_failure_at < $1 AND (blocked_until IS NULL OR blocked_until < $2)`,
      [forgetBefore, now],
    );
    return affectedRows(result);
  }
}
