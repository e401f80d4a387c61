import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a reporter was told about their report, once: `answer` is the plain outcome
 * (ACTED_ON, LEFT_UP, POST_GONE; report-answers.ts) and `answered_at` when it was written,
 * in the same transaction as the decision or withdrawal that closed the case. A case that
 * comes back (the author edits after a request for changes) keeps its earlier answers, so a
 * reporter is never told twice. Null for a report whose case is still open.
 */
export class ReportAnswers1796630000000 implements MigrationInterface {
  name = 'ReportAnswers1796630000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report ADD COLUMN answer text, ADD COLUMN answered_at timestamptz`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report DROP COLUMN IF EXISTS answered_at, DROP COLUMN IF EXISTS answer`);
  }
}
