import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per download of a member's data (myData), so the per-account export limit is
 * counted in the database every API instance shares. Only the account and the time; rows
 * older than the window are deleted as the account exports again, and all of them go with
 * the account. DataExportEventEntity declares the same table.
 */
export class DataExportEvent1796560000000 implements MigrationInterface {
  name = 'DataExportEvent1796560000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_export_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT data_export_event_account_id_fkey FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX data_export_event_account_created_idx ON data_export_event (account_id, created_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS data_export_event`);
  }
}
