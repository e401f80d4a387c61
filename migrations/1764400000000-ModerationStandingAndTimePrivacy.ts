import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the report-standing rule, the edit rate limit and the erasure of withdrawn posts need.
 * Activity is a day counter and the last day seen, never a log of visits: enough to say
 * "active on 5 different days", nothing to correlate a pseudonym with other traces.
 */
export class ModerationStandingAndTimePrivacy1764400000000 implements MigrationInterface {
  name = 'ModerationStandingAndTimePrivacy1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE account ADD COLUMN last_active_on date, ADD COLUMN days_active int NOT NULL DEFAULT 0`);
    // Existing members keep the standing they earned: their distinct days with a sign-in or a post.
    await q.query(`
      WITH days AS (
        SELECT account_id, (created_at AT TIME ZONE 'UTC')::date AS day FROM session
        UNION
        SELECT author_id, (created_at AT TIME ZONE 'UTC')::date FROM post WHERE author_id IS NOT NULL
      ), totals AS (SELECT account_id, count(*)::int AS n, max(day) AS last FROM days GROUP BY account_id)
      UPDATE account a SET days_active = t.n, last_active_on = t.last FROM totals t WHERE t.account_id = a.id`);

    // Report standing reads a reporter's sanctions on every report.
    await q.query(`CREATE INDEX moderation_action_subject_idx ON moderation_action (subject_id, action) WHERE subject_id IS NOT NULL`);

    await q.query(`ALTER TABLE post ADD COLUMN withdrawn_at timestamptz, ADD COLUMN body_erased_at timestamptz`);
    await q.query(`
      UPDATE post p SET withdrawn_at = w.at
        FROM (SELECT post_id, max(created_at) AS at FROM moderation_action WHERE action = 'WITHDRAW' GROUP BY post_id) w
       WHERE w.post_id = p.id AND p.status = 'REMOVED'`);
    // The eraser's scan: only withdrawn posts whose words are still there.
    await q.query(
      `CREATE INDEX post_withdrawn_unerased_idx ON post (withdrawn_at) WHERE withdrawn_at IS NOT NULL AND body_erased_at IS NULL`,
    );

    // One row per edit, only for the edit rate limit; rows older than the window are pruned.
    await q.query(`
      CREATE TABLE edit_rate_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX edit_rate_event_account_created_idx ON edit_rate_event (account_id, created_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE edit_rate_event`);
    await q.query(`DROP INDEX post_withdrawn_unerased_idx`);
    await q.query(`ALTER TABLE post DROP COLUMN body_erased_at, DROP COLUMN withdrawn_at`);
    await q.query(`DROP INDEX moderation_action_subject_idx`);
    await q.query(`ALTER TABLE account DROP COLUMN days_active, DROP COLUMN last_active_on`);
  }
}
