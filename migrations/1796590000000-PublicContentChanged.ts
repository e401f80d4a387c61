import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to what a signed-out reader can see notifies
 * `kindred_public_content`, whichever process or code path made it: the API instances drop
 * their cached anonymous answers on it (src/graphql/response-cache). Statement-level, so a
 * bulk change is one notification, and PostgreSQL folds repeats within a transaction and
 * sends them only at commit: a rolled-back change never invalidates anything.
 *
 * account only on the columns a Member shows or that decide visibility: sign-ins touch
 * last_active_on and days_active, and must not empty the cache.
 */
export class PublicContentChanged1796590000000 implements MigrationInterface {
  name = 'PublicContentChanged1796590000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_public_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kindred_public_content', '');
        RETURN NULL;
      END
      $$`);
    for (const table of ['post', 'thread', 'reaction', 'space']) {
      await q.query(`
        CREATE TRIGGER ${table}_public_content_changed
          AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION notify_public_content_changed()`);
    }
    await q.query(`
      CREATE TRIGGER account_public_content_changed
        AFTER UPDATE OF pseudonym, role, perspective, recovery_start_date, share_recovery_days, suspended_until, banned_at
           OR DELETE OR TRUNCATE ON account
        FOR EACH STATEMENT EXECUTE FUNCTION notify_public_content_changed()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['post', 'thread', 'reaction', 'space', 'account']) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_public_content_changed ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS notify_public_content_changed()`);
  }
}
