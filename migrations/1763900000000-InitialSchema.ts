import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema, written by hand and read twice. Text enums (not Postgres enums)
 * so that adding a value is a code change, not a migration that locks a table.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pseudonym text NOT NULL,
        pseudonym_key text NOT NULL UNIQUE,
        passphrase_hash text NOT NULL,
        role text NOT NULL DEFAULT 'MEMBER',
        perspective text NOT NULL DEFAULT 'UNSPECIFIED',
        recovery_start_date date,
        share_recovery_days boolean NOT NULL DEFAULT false,
        suspended_until timestamptz,
        banned_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX session_account_id_idx ON session (account_id)`);

    await q.query(`
      CREATE TABLE recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX recovery_code_account_id_idx ON recovery_code (account_id)`);

    await q.query(`
      CREATE TABLE sign_in_throttle (
        pseudonym_key text PRIMARY KEY,
        failures int NOT NULL DEFAULT 0,
        blocked_until timestamptz,
        last_failure_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE space (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL,
        position int NOT NULL DEFAULT 0
      )`);

    await q.query(`
      CREATE TABLE post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('THREAD', 'REPLY')),
        thread_id uuid NOT NULL,
        author_id uuid REFERENCES account(id) ON DELETE SET NULL,
        in_reply_to_id uuid REFERENCES post(id) ON DELETE SET NULL,
        title text,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING',
        revision int NOT NULL DEFAULT 1,
        content_warnings text[] NOT NULL DEFAULT '{}',
        hidden_by_reports boolean NOT NULL DEFAULT false,
        screening jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        edited_at timestamptz
      )`);
    await q.query(`CREATE INDEX post_thread_created_idx ON post (thread_id, created_at, id)`);
    await q.query(`CREATE INDEX post_author_id_idx ON post (author_id)`);
    await q.query(`CREATE INDEX post_author_created_idx ON post (author_id, created_at, id)`);
    // The sweeper's scan: only the few PENDING rows, oldest first.
    await q.query(`CREATE INDEX post_pending_idx ON post (updated_at) WHERE status = 'PENDING'`);
    // Full-text search over published posts: the same expression is used by the query.
    await q.query(`
      CREATE INDEX post_search_idx ON post
      USING gin (to_tsvector('english', coalesce(title, '') || ' ' || body))
      WHERE status = 'PUBLISHED' AND NOT hidden_by_reports`);

    await q.query(`
      CREATE TABLE thread (
        id uuid PRIMARY KEY REFERENCES post(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES space(id),
        locked boolean NOT NULL DEFAULT false,
        last_activity_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX thread_activity_idx ON thread (last_activity_at DESC, id DESC)`);
    await q.query(`CREATE INDEX thread_space_activity_idx ON thread (space_id, last_activity_at DESC, id DESC)`);
    await q.query(
      `ALTER TABLE post ADD CONSTRAINT post_thread_fk FOREIGN KEY (thread_id) REFERENCES thread(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED`,
    );

    await q.query(`
      CREATE TABLE reaction (
        post_id uuid NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, account_id, kind)
      )`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        kind text NOT NULL,
        message text NOT NULL,
        post_id uuid REFERENCES post(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_account_created_idx ON notification (account_id, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE moderation_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        priority text NOT NULL,
        priority_rank int NOT NULL,
        status text NOT NULL DEFAULT 'OPEN',
        claimed_by_id uuid REFERENCES account(id) ON DELETE SET NULL,
        claim_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        decision text
      )`);
    // At most one unresolved case per post: screening reasons and reports all join it.
    await q.query(`CREATE UNIQUE INDEX moderation_case_one_open_per_post ON moderation_case (post_id) WHERE status <> 'RESOLVED'`);
    await q.query(`CREATE INDEX moderation_case_queue_idx ON moderation_case (status, priority_rank, created_at, id)`);

    await q.query(`
      CREATE TABLE case_reason (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES moderation_case(id) ON DELETE CASCADE,
        category text NOT NULL,
        severity text NOT NULL,
        source text NOT NULL,
        detail text NOT NULL,
        excerpt text,
        start int,
        "end" int,
        revision int,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_reason_case_id_idx ON case_reason (case_id)`);

    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES moderation_case(id) ON DELETE CASCADE,
        reason text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (post_id, reporter_id)
      )`);
    await q.query(`CREATE INDEX report_case_id_idx ON report (case_id)`);

    await q.query(`
      CREATE TABLE moderation_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action text NOT NULL,
        case_id uuid,
        post_id uuid,
        subject_id uuid,
        moderator_id uuid,
        note text,
        internal_note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX moderation_action_case_id_idx ON moderation_action (case_id)`);
    // Append-only, enforced by the database itself: no code path, and no app user, can
    // rewrite or erase the moderation history.
    await q.query(`
      CREATE FUNCTION moderation_action_refuse_change() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'moderation_action is append-only: % refused', TG_OP;
      END;
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER moderation_action_append_only
      BEFORE UPDATE OR DELETE ON moderation_action
      FOR EACH ROW EXECUTE FUNCTION moderation_action_refuse_change()`);
    await q.query(`
      CREATE TRIGGER moderation_action_no_truncate
      BEFORE TRUNCATE ON moderation_action
      FOR EACH STATEMENT EXECUTE FUNCTION moderation_action_refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'moderation_action',
      'report',
      'case_reason',
      'moderation_case',
      'notification',
      'reaction',
      'thread',
      'post',
      'space',
      'sign_in_throttle',
      'recovery_code',
      'session',
      'account',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS moderation_action_refuse_change()`);
  }
}
