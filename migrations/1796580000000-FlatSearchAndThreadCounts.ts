import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8, "flat at a million posts", second part.
 *
 * Search: each post keeps its parsed words in `search_vector`, so ranking a match reads them
 * instead of parsing the title and body again (at a million posts, a common word's 50,000
 * matches were re-parsed on every search). The column is filled by a trigger on every insert
 * and on every update of the title or body (or of the column itself, so nothing else can write
 * it), not declared GENERATED: a generated column makes TypeORM keep its expression in a
 * `typeorm_metadata` table, which backups and restores would then have to carry. It is filled
 * here as a generated column (one rewrite of the table, the quickest way to compute a million
 * values) and then turned into a plain one. The GIN index moves from the expression to the
 * column, keeping its name and its rows (public posts only); `post_public_published_idx` lets
 * search take a common word's newest matches in order, without reading all of them.
 *
 * threadCount: `space_thread_count` holds each space's number of public threads (opening post
 * PUBLISHED and not hidden by reports), kept by triggers on post and thread through every
 * change: publish, edit, hide, show, remove, withdraw, restore, delete (either row first, or
 * both by cascade), a thread moved to another space, TRUNCATE. The trigger functions run as
 * the schema's owner (SECURITY DEFINER): the app's role may read the counts, not write them.
 * It is derived data: backups leave it out and a restore rebuilds it as the rows load.
 */
export class FlatSearchAndThreadCounts1796580000000 implements MigrationInterface {
  name = 'FlatSearchAndThreadCounts1796580000000';

  public async up(q: QueryRunner): Promise<void> {
    const document = `to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || body)`;
    await q.query(`ALTER TABLE post ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${document}) STORED`);
    await q.query(`ALTER TABLE post ALTER COLUMN search_vector DROP EXPRESSION`);
    await q.query(`
      CREATE FUNCTION post_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := to_tsvector('english'::regconfig, coalesce(NEW.title, '') || ' ' || NEW.body);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER post_search_vector BEFORE INSERT OR UPDATE OF title, body, search_vector ON post
      FOR EACH ROW EXECUTE FUNCTION post_search_vector()`);
    await q.query(`DROP INDEX post_search_idx`);
    await q.query(`CREATE INDEX post_search_idx ON post USING gin (search_vector) WHERE status = 'PUBLISHED' AND NOT hidden_by_reports`);
    await q.query(`CREATE INDEX post_public_published_idx ON post (published_at, id) WHERE status = 'PUBLISHED' AND NOT hidden_by_reports`);

    await q.query(`
      CREATE TABLE space_thread_count (
        space_id uuid PRIMARY KEY REFERENCES space(id) ON DELETE CASCADE,
        public_threads int NOT NULL DEFAULT 0
      )`);
    await q.query(`
      INSERT INTO space_thread_count (space_id, public_threads)
      SELECT t.space_id, count(*)::int FROM thread t JOIN post p ON p.id = t.id
       WHERE p.kind = 'THREAD' AND p.status = 'PUBLISHED' AND NOT p.hidden_by_reports
       GROUP BY t.space_id`);
    // One place adds to a space's count; owned by the schema's owner, callable by no one else.
    await q.query(`
      CREATE FUNCTION space_thread_count_add(target_space uuid, delta int) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        INSERT INTO space_thread_count AS c (space_id, public_threads) VALUES (target_space, delta)
        ON CONFLICT (space_id) DO UPDATE SET public_threads = c.public_threads + EXCLUDED.public_threads
      $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION space_thread_count_add(uuid, int) FROM PUBLIC`);

    // A post's side. The thread row, if there is one yet, says the space. INSERT: the thread
    // row is written after its opening post (its foreign key to post is immediate), so this
    // finds none and the thread's trigger counts it; kept for any other order. DELETE runs
    // BEFORE: when a thread's deletion cascades to its opening post the thread row is already
    // gone (and was counted off by the thread's trigger); when the post goes first, it is here.
    await q.query(`
      CREATE FUNCTION post_thread_count() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      DECLARE
        before_counts boolean := false;
        after_counts boolean := false;
        opening_id uuid;
        thread_space uuid;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          before_counts := OLD.kind = 'THREAD' AND OLD.status = 'PUBLISHED' AND NOT OLD.hidden_by_reports;
          opening_id := OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          after_counts := NEW.kind = 'THREAD' AND NEW.status = 'PUBLISHED' AND NOT NEW.hidden_by_reports;
          opening_id := NEW.id;
        END IF;
        IF before_counts <> after_counts THEN
          SELECT t.space_id INTO thread_space FROM thread t WHERE t.id = opening_id;
          IF FOUND THEN
            PERFORM space_thread_count_add(thread_space, CASE WHEN after_counts THEN 1 ELSE -1 END);
          END IF;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER post_thread_count AFTER INSERT OR UPDATE OF kind, status, hidden_by_reports ON post
      FOR EACH ROW WHEN (NEW.kind = 'THREAD') EXECUTE FUNCTION post_thread_count()`);
    await q.query(`
      CREATE TRIGGER post_thread_count_delete BEFORE DELETE ON post
      FOR EACH ROW WHEN (OLD.kind = 'THREAD' AND OLD.status = 'PUBLISHED' AND NOT OLD.hidden_by_reports)
      EXECUTE FUNCTION post_thread_count()`);

    // A thread's side: its opening post, if still there, says whether it counts.
    await q.query(`
      CREATE FUNCTION thread_thread_count() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      DECLARE
        opening_id uuid;
      BEGIN
        IF TG_OP = 'DELETE' THEN opening_id := OLD.id; ELSE opening_id := NEW.id; END IF;
        PERFORM 1 FROM post p
         WHERE p.id = opening_id AND p.kind = 'THREAD' AND p.status = 'PUBLISHED' AND NOT p.hidden_by_reports;
        IF FOUND THEN
          IF TG_OP <> 'INSERT' THEN PERFORM space_thread_count_add(OLD.space_id, -1); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM space_thread_count_add(NEW.space_id, 1); END IF;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER thread_thread_count AFTER INSERT ON thread FOR EACH ROW EXECUTE FUNCTION thread_thread_count()`);
    await q.query(`
      CREATE TRIGGER thread_thread_count_move AFTER UPDATE OF space_id ON thread
      FOR EACH ROW WHEN (OLD.space_id IS DISTINCT FROM NEW.space_id) EXECUTE FUNCTION thread_thread_count()`);
    await q.query(`CREATE TRIGGER thread_thread_count_delete BEFORE DELETE ON thread FOR EACH ROW EXECUTE FUNCTION thread_thread_count()`);

    // TRUNCATE fires no row triggers: emptying either table empties the counts.
    await q.query(`
      CREATE FUNCTION thread_count_truncated() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        DELETE FROM space_thread_count;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER post_thread_count_truncate AFTER TRUNCATE ON post FOR EACH STATEMENT EXECUTE FUNCTION thread_count_truncated()`,
    );
    await q.query(
      `CREATE TRIGGER thread_thread_count_truncate AFTER TRUNCATE ON thread FOR EACH STATEMENT EXECUTE FUNCTION thread_count_truncated()`,
    );
    await q.query(`DROP INDEX post_public_thread_idx`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX post_public_thread_idx ON post (id) WHERE kind = 'THREAD' AND status = 'PUBLISHED' AND NOT hidden_by_reports`,
    );
    await q.query(`DROP TRIGGER thread_thread_count_truncate ON thread`);
    await q.query(`DROP TRIGGER post_thread_count_truncate ON post`);
    await q.query(`DROP TRIGGER thread_thread_count_delete ON thread`);
    await q.query(`DROP TRIGGER thread_thread_count_move ON thread`);
    await q.query(`DROP TRIGGER thread_thread_count ON thread`);
    await q.query(`DROP TRIGGER post_thread_count_delete ON post`);
    await q.query(`DROP TRIGGER post_thread_count ON post`);
    await q.query(`DROP FUNCTION thread_count_truncated()`);
    await q.query(`DROP FUNCTION thread_thread_count()`);
    await q.query(`DROP FUNCTION post_thread_count()`);
    await q.query(`DROP FUNCTION space_thread_count_add(uuid, int)`);
    await q.query(`DROP TABLE space_thread_count`);

    await q.query(`DROP INDEX post_public_published_idx`);
    await q.query(`DROP INDEX post_search_idx`);
    await q.query(`DROP TRIGGER post_search_vector ON post`);
    await q.query(`DROP FUNCTION post_search_vector()`);
    await q.query(`ALTER TABLE post DROP COLUMN search_vector`);
    await q.query(`
      CREATE INDEX post_search_idx ON post
      USING gin (to_tsvector('english', coalesce(title, '') || ' ' || body))
      WHERE status = 'PUBLISHED' AND NOT hidden_by_reports`);
  }
}
