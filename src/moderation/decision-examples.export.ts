import type { DataSource } from 'typeorm';
import { mostUrgent, PRIORITY_OF, type Priority, type ScreeningCategory } from '../screening/engine/vocabulary';
import type { LabeledDecision } from './decision-label';
import { DecisionExamplesRepository } from './repositories/decision-examples.repository';

/** A decision example with the words it labels, as training reads it. */
export interface ExportedExample {
  postId: string;
  text: string;
  categories: ScreeningCategory[];
  decision: LabeledDecision;
}

/** A line of a labeled corpus (test/fixtures/screening-*.jsonl): what `eval` and training read. */
export interface CorpusLine {
  id: string;
  text: string;
  outcome: 'HOLD' | 'PUBLISH';
  categories: ScreeningCategory[];
  priority?: Priority;
}

/** What screening read of the post: a thread's title and its body (a title alone can hold a post), a reply's body. */
export function exampleText(title: string | null, body: string): string {
  return title ? `${title}\n\n${body}` : body;
}

/**
 * Every example whose post still has the words the moderator read, with those words. A plain
 * function of a DataSource, so `train:screening` can take it as an extra source of examples.
 */
export async function loadDecisionExamples(dataSource: DataSource): Promise<ExportedExample[]> {
  const stored = await new DecisionExamplesRepository(dataSource).exportable();
  return stored.map(({ postId, title, body, categories, decision }) => ({ postId, text: exampleText(title, body), categories, decision }));
}

/** The corpus line of an example: HOLD with the categories and their most urgent priority, or PUBLISH. */
export function corpusLine(example: ExportedExample): CorpusLine {
  const priority = mostUrgent(example.categories.map((category) => PRIORITY_OF[category]));
  return priority === null
    ? { id: example.postId, text: example.text, outcome: 'PUBLISH', categories: [] }
    : { id: example.postId, text: example.text, outcome: 'HOLD', categories: example.categories, priority };
}
