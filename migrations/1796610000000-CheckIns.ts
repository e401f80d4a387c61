import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily check-ins (issue 10).
 *
 * - `post.kind` gains CHECK_IN: a check-in's words (intention and note) are carried by a
 *   private post, so they go through the very same screening job, sweeper, case intake and
 *   on-call alerts as any post (a crisis in a check-in opens an URGENT case that points at
 *   that post). A CHECK_IN post is never public, whatever its status: the visibility rule
 *   (forum/post-visibility.ts) shows it to its author and moderators only.
 * - `check_in`: one row per member and local calendar day (the unique key is the rule "once a
 *   day": two racing requests give one row and a CONFLICT for the other).
 * - `check_in_day`: one row per UTC day naming the day's check-in thread; its primary key
 *   (with the advisory lock the opener takes) makes the thread open once whatever the number of
 *   API instances.
 * - the "Daily check-ins" space and the house account that opens the daily threads: it has
 *   no passphrase anyone can match ('!' is no verifier) and a pseudonym with a space, which
 *   member pseudonyms never have, so no member can take or imitate it.
 */
export class CheckIns1796610000000 implements MigrationInterface {
  name = 'CheckIns1796610000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post DROP CONSTRAINT post_kind_check`);
    await q.query(`ALTER TABLE post ADD CONSTRAINT post_kind_check CHECK (kind IN ('THREAD', 'REPLY', 'CHECK_IN'))`);

    await q.query(`INSERT INTO account (id, pseudonym, pseudonym_key, passphrase_hash) VALUES ($1, $2, $3, '!') ON CONFLICT DO NOTHING`, [
      '00000000-0000-4000-8000-00000000c4ec',
      'Kindred check-ins',
      'kindred check-ins',
    ]);
    await q.query(
      `INSERT INTO space (slug, name, description, position)
       VALUES ('check-ins', 'Daily check-ins', 'One thread a day where members share how today feels, if they like. Be gentle with each other.',
               (SELECT coalesce(max(position), 0) + 1 FROM space))
       ON CONFLICT (slug) DO NOTHING`,
    );

    await q.query(`
      CREATE TABLE check_in_day (
        day date PRIMARY KEY,
        thread_id uuid NOT NULL,
        CONSTRAINT check_in_day_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES thread(id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE check_in (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        local_date date NOT NULL,
        time_zone text NOT NULL,
        mood smallint NOT NULL,
        intention text NOT NULL,
        note text,
        post_id uuid NOT NULL,
        shared_post_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_in_mood_check CHECK (mood BETWEEN 1 AND 5),
        CONSTRAINT check_in_account_day_key UNIQUE (account_id, local_date),
        CONSTRAINT check_in_account_id_fkey FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE,
        CONSTRAINT check_in_post_id_fkey FOREIGN KEY (post_id) REFERENCES post(id) ON DELETE CASCADE,
        CONSTRAINT check_in_shared_post_id_fkey FOREIGN KEY (shared_post_id) REFERENCES post(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX check_in_account_created_idx ON check_in (account_id, created_at, id)`);
    await q.query(`CREATE INDEX check_in_post_id_idx ON check_in (post_id)`);
    await q.query(`CREATE INDEX check_in_shared_post_id_idx ON check_in (shared_post_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS check_in`);
    await q.query(`DROP TABLE IF EXISTS check_in_day`);
    await q.query(`DELETE FROM post WHERE kind = 'CHECK_IN'`);
    await q.query(`DELETE FROM space WHERE slug = 'check-ins'`);
    await q.query(`ALTER TABLE post DROP CONSTRAINT post_kind_check`);
    await q.query(`ALTER TABLE post ADD CONSTRAINT post_kind_check CHECK (kind IN ('THREAD', 'REPLY'))`);
  }
}
