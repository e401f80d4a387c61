import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { InstallationSecretsService } from './installation-secrets.service';
import { pseudonymKey } from './pseudonym-generator';
import { FORGET_FAILURES_AFTER_MS } from './sign-in-backoff';

/** What a reservation answers: go ahead (the attempt is counted), or wait until `blockedUntil`. */
export type Reservation = { allowed: true } | { allowed: false; blockedUntil: Date };

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

/**
 * Backoff per pseudonym, kept whether or not the pseudonym exists. Guards sign-in and the
 * passphrase check of deleteAccount. An attempt is reserved (counted as a failure) before
 * its passphrase is checked, by one atomic upsert that also says whether it may proceed,
 * so parallel guesses cannot all slip past the count; a success clears the row.
 * Rows are keyed by a keyed HMAC of the normalised pseudonym, never by what was typed.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly secrets: InstallationSecretsService,
  ) {}

  /** The row key of a pseudonym: HMAC-SHA-256 of its normalised form. */
  async keyFor(pseudonym: string): Promise<string> {
    const secret = this.config.accountAbuse.throttleKey ?? (await this.secrets.get('sign-in-throttle'));
    return createHmac('sha256', secret).update(pseudonymKey(pseudonym)).digest('hex');
  }

  /**
   * Counts one attempt on `key` unless it is blocked. `bypassBlock` (a solved proof of
   * work) lets the attempt through a block; it is counted all the same.
   */
  async reserve(key: string, bypassBlock = false, now = new Date()): Promise<Reservation> {
    const { freeFailures, baseDelaySeconds, maxDelaySeconds } = this.config.signIn;
    const forgetBefore = new Date(now.getTime() - FORGET_FAILURES_AFTER_MS);
    const rows: Array<{ allowed: boolean; blocked_until: Date | null }> = await this.dataSource.query(RESERVE, [
      key,
      now,
      forgetBefore,
      freeFailures,
      baseDelaySeconds,
      maxDelaySeconds,
      bypassBlock,
    ]);
    const row = rows[0];
    if (!row || row.allowed) return { allowed: true };
    return { allowed: false, blockedUntil: new Date(row.blocked_until ?? now) };
  }

  /** A success clears the key. */
  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_throttle WHERE pseudonym_hmac = $1`, [key]);
  }
}
