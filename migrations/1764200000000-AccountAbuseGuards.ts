import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guards against abuse of the account endpoints. sign_in_throttle keyed the raw typed
 * pseudonym (people type e-mails and phone numbers there): its rows are dropped and the
 * key becomes a keyed HMAC. New: per-client counters (keyed by an HMAC of the address
 * whose key never leaves memory), spent proof-of-work challenges (single use), and the
 * per-installation secrets used when no key is configured.
 */
export class AccountAbuseGuards1764200000000 implements MigrationInterface {
  name = 'AccountAbuseGuards1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sign_in_throttle`);
    await q.query(`ALTER TABLE sign_in_throttle DROP COLUMN pseudonym_key`);
    await q.query(`ALTER TABLE sign_in_throttle ADD COLUMN pseudonym_hmac text PRIMARY KEY`);
    // Written by the same upsert that counts an attempt, so that its RETURNING can say whether the attempt may proceed.
    await q.query(`ALTER TABLE sign_in_throttle ADD COLUMN last_attempt_allowed boolean NOT NULL DEFAULT true`);
    await q.query(`CREATE INDEX sign_in_throttle_last_failure_at_idx ON sign_in_throttle (last_failure_at)`);

    await q.query(`
      CREATE TABLE client_rate_counter (
        client_key text NOT NULL,
        action text NOT NULL,
        window_start timestamptz NOT NULL,
        count int NOT NULL DEFAULT 0,
        PRIMARY KEY (client_key, action, window_start)
      )`);
    await q.query(`CREATE INDEX client_rate_counter_window_start_idx ON client_rate_counter (window_start)`);

    await q.query(`
      CREATE TABLE proof_of_work_spent (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX proof_of_work_spent_expires_at_idx ON proof_of_work_spent (expires_at)`);

    await q.query(`
      CREATE TABLE installation_secret (
        name text PRIMARY KEY,
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS installation_secret`);
    await q.query(`DROP TABLE IF EXISTS proof_of_work_spent`);
    await q.query(`DROP TABLE IF EXISTS client_rate_counter`);
    await q.query(`DELETE FROM sign_in_throttle`);
    await q.query(`ALTER TABLE sign_in_throttle DROP COLUMN last_attempt_allowed`);
    await q.query(`ALTER TABLE sign_in_throttle DROP COLUMN pseudonym_hmac`);
    await q.query(`ALTER TABLE sign_in_throttle ADD COLUMN pseudonym_key text PRIMARY KEY`);
  }
}
