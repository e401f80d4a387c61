import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10, "connection": what a member chose to follow, keep, quiet or keep away. Every row
 * belongs to one member and goes with their account (ON DELETE CASCADE); a follow, bookmark or
 * mute also goes with the thread, post or space it names. None of these rows changes what a
 * signed-out reader sees, so no public-content trigger (PublicContentChanged) is needed.
 *
 * member_block: blocker_id chose to block blocked_id; the effect is symmetric (the forum
 * hides each from the other), so blocked_id is indexed for the reverse lookup.
 * thread_follow: indexed by thread for "who follows this thread" when a reply publishes.
 * post_bookmark: indexed by (account, created_at DESC, post_id DESC) for the newest-first page.
 * MemberBlockEntity, ThreadFollowEntity, PostBookmarkEntity, ThreadMuteEntity and
 * SpaceMuteEntity declare the same tables.
 */
export class Connections1796620000000 implements MigrationInterface {
  name = 'Connections1796620000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_block (
        blocker_id uuid NOT NULL,
        blocked_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (blocker_id, blocked_id),
        CONSTRAINT member_block_not_self CHECK (blocker_id <> blocked_id),
        CONSTRAINT member_block_blocker_id_fkey FOREIGN KEY (blocker_id) REFERENCES account(id) ON DELETE CASCADE,
        CONSTRAINT member_block_blocked_id_fkey FOREIGN KEY (blocked_id) REFERENCES account(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX member_block_blocked_idx ON member_block (blocked_id)`);

    await q.query(`
      CREATE TABLE thread_follow (
        account_id uuid NOT NULL,
        thread_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, thread_id),
        CONSTRAINT thread_follow_account_id_fkey FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE,
        CONSTRAINT thread_follow_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES thread(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX thread_follow_thread_idx ON thread_follow (thread_id)`);

    await q.query(`
      CREATE TABLE post_bookmark (
        account_id uuid NOT NULL,
        post_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, post_id),
        CONSTRAINT post_bookmark_account_id_fkey FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE,
        CONSTRAINT post_bookmark_post_id_fkey FOREIGN KEY (post_id) REFERENCES post(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX post_bookmark_account_created_idx ON post_bookmark (account_id, created_at DESC, post_id DESC)`);

    await q.query(`
      CREATE TABLE thread_mute (
        account_id uuid NOT NULL,
        thread_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, thread_id),
        CONSTRAINT thread_mute_account_id_fkey FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE,
        CONSTRAINT thread_mute_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES thread(id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE space_mute (
        account_id uuid NOT NULL,
        space_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, space_id),
        CONSTRAINT space_mute_account_id_fkey FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE,
        CONSTRAINT space_mute_space_id_fkey FOREIGN KEY (space_id) REFERENCES space(id) ON DELETE CASCADE
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS space_mute`);
    await q.query(`DROP TABLE IF EXISTS thread_mute`);
    await q.query(`DROP TABLE IF EXISTS post_bookmark`);
    await q.query(`DROP TABLE IF EXISTS thread_follow`);
    await q.query(`DROP TABLE IF EXISTS member_block`);
  }
}
