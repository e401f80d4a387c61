import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per screenDraft call, so the per-account draft-check limit is counted in the
 * database every API instance shares. Only the account and the time: never the draft.
 * Rows older than the window are deleted as the account checks again.
 */
export class DraftCheck1764300000000 implements MigrationInterface {
  name = 'DraftCheck1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE draft_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        checked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX draft_check_account_id_checked_at_idx ON draft_check (account_id, checked_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS draft_check`);
  }
}
