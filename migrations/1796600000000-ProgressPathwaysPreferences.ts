import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10, progress: progress that never resets, pathways, content preferences.
 *
 * - account.time_zone: the member's IANA zone, so whole days are counted in their own calendar
 *   day (default UTC, the day Kindred counted in before).
 * - account.medication_start_date: MOUD counts as recovery; never reset by anything.
 * - account.pathways: the paths a member tags themselves with (shown on their Member: it is
 *   their choice to tag). thread.pathways: chosen when a thread is started, filtered on.
 * - recovery_comeback: the "came back" dates a member records; they start a new current stretch
 *   and take nothing from the total. One row a day at most.
 * - content_preference: per member and content warning, COLLAPSE or HIDE (SHOW is no row).
 *
 * Public content: thread already notifies kindred_public_content on any change. The account
 * trigger is made again with the new columns a Member now shows (pathways) or that change its
 * daysInRecovery (time zone, medication start). recovery_comeback and content_preference only
 * change what their owner sees (never cached), so they have no trigger.
 */
export class ProgressPathwaysPreferences1796600000000 implements MigrationInterface {
  name = 'ProgressPathwaysPreferences1796600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE account
        ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
        ADD COLUMN medication_start_date date,
        ADD COLUMN pathways text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE thread ADD COLUMN pathways text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX thread_pathways_idx ON thread USING gin (pathways)`);
    await q.query(`
      CREATE TABLE recovery_comeback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        came_back_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recovery_comeback_account_day_key UNIQUE (account_id, came_back_on),
        CONSTRAINT recovery_comeback_account_id_fkey FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE content_preference (
        account_id uuid NOT NULL,
        warning text NOT NULL,
        display text NOT NULL,
        CONSTRAINT content_preference_pkey PRIMARY KEY (account_id, warning),
        CONSTRAINT content_preference_account_id_fkey FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE
      )`);
    await q.query(`DROP TRIGGER IF EXISTS account_public_content_changed ON account`);
    await q.query(`
      CREATE TRIGGER account_public_content_changed
        AFTER UPDATE OF pseudonym, role, perspective, recovery_start_date, share_recovery_days, suspended_until, banned_at,
                        time_zone, medication_start_date, pathways
           OR DELETE OR TRUNCATE ON account
        FOR EACH STATEMENT EXECUTE FUNCTION notify_public_content_changed()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS account_public_content_changed ON account`);
    await q.query(`
      CREATE TRIGGER account_public_content_changed
        AFTER UPDATE OF pseudonym, role, perspective, recovery_start_date, share_recovery_days, suspended_until, banned_at
           OR DELETE OR TRUNCATE ON account
        FOR EACH STATEMENT EXECUTE FUNCTION notify_public_content_changed()`);
    await q.query(`DROP TABLE IF EXISTS content_preference`);
    await q.query(`DROP TABLE IF EXISTS recovery_comeback`);
    await q.query(`DROP INDEX IF EXISTS thread_pathways_idx`);
    await q.query(`ALTER TABLE thread DROP COLUMN IF EXISTS pathways`);
    await q.query(
      `ALTER TABLE account DROP COLUMN IF EXISTS pathways, DROP COLUMN IF EXISTS medication_start_date, DROP COLUMN IF EXISTS time_zone`,
    );
  }
}
