/** Shared by the corpus specs: read a labeled JSONL fixture and screen it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screenText } from './index';
import type { Outcome, Priority, ScreeningCategory, ScreeningDecision } from './types';

export interface Labeled {
  id: string;
  text: string;
  outcome: Outcome;
  categories: ScreeningCategory[];
  priority?: Priority;
  terms?: string[];
}

export function readFixture(name: string): Labeled[] {
  return readFileSync(resolve(__dirname, '../../../test/fixtures', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labeled);
}

/** HOLD and REJECT both keep a post from other members. */
export function isHeld(outcome: string): boolean {
  return outcome === 'HOLD' || outcome === 'REJECT';
}

export interface ScreenedPost {
  post: Labeled;
  decision: ScreeningDecision;
}

/** A fixture screened with the bundled rules, split by its labels into benign posts and holds. */
export function screenFixture(name: string): { posts: Labeled[]; results: ScreenedPost[]; benign: ScreenedPost[]; holds: ScreenedPost[] } {
  const posts = readFixture(name);
  const results = posts.map((post) => ({ post, decision: screenText(post.text) }));
  return { posts, results, benign: results.filter((r) => !isHeld(r.post.outcome)), holds: results.filter((r) => isHeld(r.post.outcome)) };
}
