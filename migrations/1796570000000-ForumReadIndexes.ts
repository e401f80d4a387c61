import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8, "flat at a million posts": the per-page counts read indexes only. A thread's
 * published replies (replyCount, on every thread of the feed) were counted by fetching every
 * reply row of the thread; a space's published threads (threadCount) by reading the whole post
 * table. Partial indexes holding only the public rows answer both from the index (the
 * visibility map kept by vacuum), and the first also serves an anonymous reader's page of
 * replies in order. PostEntity declares the same indexes (test/entities-match-schema).
 */
export class ForumReadIndexes1796570000000 implements MigrationInterface {
  name = 'ForumReadIndexes1796570000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX post_public_reply_idx ON post (thread_id, created_at, id) WHERE kind = 'REPLY' AND status = 'PUBLISHED' AND NOT hidden_by_reports`,
    );
    await q.query(
      `CREATE INDEX post_public_thread_idx ON post (id) WHERE kind = 'THREAD' AND status = 'PUBLISHED' AND NOT hidden_by_reports`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS post_public_thread_idx`);
    await q.query(`DROP INDEX IF EXISTS post_public_reply_idx`);
  }
}
