import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every case of a post, resolved ones included, found by index: a moderator reading a case
 * sees the author's other cases (their posts by post_author_id_idx, then their cases by this
 * one), and deleting posts cascades to their cases without scanning the table. The partial
 * unique index covers unresolved cases only.
 * ModerationCaseEntity declares the same index (test/entities-match-schema holds them together).
 */
export class ModerationCasePostIndex1796546770419 implements MigrationInterface {
  name = 'ModerationCasePostIndex1796546770419';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX moderation_case_post_id_idx ON moderation_case (post_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS moderation_case_post_id_idx`);
  }
}
