import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderators' decisions kept as screening's training examples: one per post (the key, so a
 * later decision replaces the earlier), with the case, the decision, the categories it says the
 * post has and the revision the moderator read. No copy of the text: the export reads the post,
 * and deleting a post deletes its example (ON DELETE CASCADE, in the deleting transaction).
 * Generated from DecisionExampleEntity, then written out by hand: the same statements.
 */
export class DecisionExamples1796492241385 implements MigrationInterface {
  name = 'DecisionExamples1796492241385';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_example (
        post_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        decision text NOT NULL,
        kind text NOT NULL,
        categories text[] NOT NULL,
        revision int NOT NULL,
        decided_at timestamptz NOT NULL,
        CONSTRAINT decision_example_decision_check CHECK (decision IN ('APPROVE', 'REJECT', 'REMOVE')),
        CONSTRAINT decision_example_kind_check CHECK (kind IN ('FALSE_HOLD', 'CONFIRMED_HOLD', 'MISS', 'CONFIRMED_PUBLISH')),
        CONSTRAINT decision_example_post_id_fkey FOREIGN KEY (post_id) REFERENCES post(id) ON DELETE CASCADE,
        CONSTRAINT decision_example_case_id_fkey FOREIGN KEY (case_id) REFERENCES moderation_case(id) ON DELETE CASCADE
      )`);
    // A case deleted (with its post) finds its example by index, not by a scan.
    await q.query(`CREATE INDEX decision_example_case_id_idx ON decision_example (case_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS decision_example`);
  }
}
