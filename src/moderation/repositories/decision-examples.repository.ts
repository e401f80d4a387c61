import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ScreeningCategory } from '../../screening/engine/vocabulary';
import type { ExampleKind, LabeledDecision } from '../decision-label';

export interface NewDecisionExample {
  postId: string;
  caseId: string;
  decision: LabeledDecision;
  kind: ExampleKind;
  categories: ScreeningCategory[];
  revision: number;
  decidedAt: Date;
}

/** An example as the export reads it: the label with the post's words as they are now. */
export interface StoredExample {
  postId: string;
  title: string | null;
  body: string;
  decision: LabeledDecision;
  categories: ScreeningCategory[];
}

/**
 * Which examples may leave the database: the post still has its words (not erased, not
 * withdrawn by its author, who asked for them to go) and they are the words the moderator read
 * (no edit since; an edited post is screened again and may be decided again).
 */
const EXPORTABLE = `FROM decision_example e JOIN post p ON p.id = e.post_id
  WHERE p.body_erased_at IS NULL AND p.withdrawn_at IS NULL AND p.revision = e.revision AND p.body <> ''`;

interface ExampleRow {
  post_id: string;
  title: string | null;
  body: string;
  decision: LabeledDecision;
  categories: ScreeningCategory[];
}

/** Moderators' decisions kept as screening's training examples (decision-example.entity.ts). */
@Injectable()
export class DecisionExamplesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the example in the caller's transaction; a post has one, so a later decision replaces the earlier. */
  async record(manager: EntityManager, example: NewDecisionExample): Promise<void> {
    await manager.query(
      `INSERT INTO decision_example (post_id, case_id, decision, kind, categories, revision, decided_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7)
       ON CONFLICT (post_id) DO UPDATE
         SET case_id = EXCLUDED.case_id, decision = EXCLUDED.decision, kind = EXCLUDED.kind,
             categories = EXCLUDED.categories, revision = EXCLUDED.revision, decided_at = EXCLUDED.decided_at`,
      [example.postId, example.caseId, example.decision, example.kind, example.categories, example.revision, example.decidedAt],
    );
  }

  /** The examples of posts whose words are being erased, in the eraser's transaction. */
  async deleteForPosts(manager: EntityManager, postIds: readonly string[]): Promise<void> {
    if (postIds.length === 0) return;
    await manager.query(`DELETE FROM decision_example WHERE post_id = ANY($1::uuid[])`, [postIds]);
  }

  /** Every exportable example with the post's current words, oldest decision first. */
  async exportable(): Promise<StoredExample[]> {
    const rows = (await this.dataSource.query(
      `SELECT e.post_id, p.title, p.body, e.decision, e.categories ${EXPORTABLE} ORDER BY e.decided_at, e.post_id`,
    )) as ExampleRow[];
    return rows.map((row) => ({
      postId: row.post_id,
      title: row.title,
      body: row.body,
      decision: row.decision,
      categories: row.categories,
    }));
  }

  /** How many examples an export would write now. */
  async countExportable(): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT count(*)::int AS count ${EXPORTABLE}`)) as Array<{ count: number }>;
    return rows[0]?.count ?? 0;
  }
}
