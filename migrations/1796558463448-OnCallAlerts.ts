import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What on-call alerts and review times need: when each case was first claimed (the time to
 * claim is measured from it, and an alert stops once a case has been claimed), which alerts
 * a case has had, and how each alert channel's deliveries go (shown in /health/details).
 * The entities declare the same columns and indexes (test/entities-match-schema).
 */
export class OnCallAlerts1796558463448 implements MigrationInterface {
  name = 'OnCallAlerts1796558463448';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE moderation_case ADD COLUMN first_claimed_at timestamptz`);
    // Cases claimed before this column existed: their first claim is in the audit log.
    await q.query(`
      UPDATE moderation_case c SET first_claimed_at = a.at
        FROM (SELECT case_id, min(created_at) AS at FROM moderation_action
               WHERE action IN ('CLAIM', 'TAKEOVER') AND case_id IS NOT NULL GROUP BY case_id) a
       WHERE a.case_id = c.id`);
    // Review times over a window read claims and decisions by when they happened.
    await q.query(
      `CREATE INDEX moderation_case_first_claimed_idx ON moderation_case (first_claimed_at) WHERE first_claimed_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX moderation_case_resolved_idx ON moderation_case (resolved_at) WHERE resolved_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE case_alert (
        case_id uuid PRIMARY KEY REFERENCES moderation_case(id) ON DELETE CASCADE,
        alerts_sent int NOT NULL DEFAULT 0,
        last_alerted_at timestamptz NOT NULL,
        followed_up_at timestamptz
      )`);
    // The follow-up scan: cases alerted about and not yet followed up.
    await q.query(`CREATE INDEX case_alert_awaiting_follow_up_idx ON case_alert (case_id) WHERE followed_up_at IS NULL`);

    await q.query(`
      CREATE TABLE alert_channel_status (
        channel text PRIMARY KEY,
        delivered_count bigint NOT NULL DEFAULT 0,
        failed_count bigint NOT NULL DEFAULT 0,
        consecutive_failures int NOT NULL DEFAULT 0,
        last_delivered_at timestamptz,
        last_failed_at timestamptz,
        last_failure text
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_channel_status`);
    await q.query(`DROP TABLE case_alert`);
    await q.query(`DROP INDEX moderation_case_resolved_idx`);
    await q.query(`DROP INDEX moderation_case_first_claimed_idx`);
    await q.query(`ALTER TABLE moderation_case DROP COLUMN first_claimed_at`);
  }
}
