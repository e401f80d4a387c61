/** Shared by the corpus specs: read a labeled JSONL fixture. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Outcome, Priority, ScreeningCategory } from './types';

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
