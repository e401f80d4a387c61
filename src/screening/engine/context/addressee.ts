/**
 * Who a label is aimed at. "I'm an addict" (self) is a nudge; "these junkies" (people in
 * general) and "you're a junkie" (a member) are stigma. The nearest person marker before the
 * word, within its clause, decides; "addicts like me" looks one step ahead. "such", "kind",
 * "type" point at people in general only when no one else is named: "I was such a pillhead"
 * is about the author.
 */
import type { Doc } from '../doc';
import { clauseOf, inLexicon } from '../doc';

export type Target = 'self' | 'second' | 'otherSpecific' | 'otherGeneric' | 'unknown';

const MARKERS: Array<[string, Target]> = [
  ['selfMarker', 'self'],
  ['secondMarker', 'second'],
  ['otherSpecificMarker', 'otherSpecific'],
  ['otherGenericMarker', 'otherGeneric'],
];

export function targetOf(doc: Doc, start: number, end: number, window = 6): Target {
  const clause = clauseOf(doc, start);
  const t = doc.tokens;
  if (end + 1 < clause.end && t[end].key === 'like' && inLexicon(doc, 'selfMarker', end + 1)) return 'self';
  let weak = false;
  for (let k = start - 1; k >= Math.max(clause.start, start - window); k--) {
    for (const [lex, target] of MARKERS) if (inLexicon(doc, lex, k)) return target;
    if (inLexicon(doc, 'otherGenericWeakMarker', k)) weak = true;
  }
  return weak ? 'otherGeneric' : 'unknown';
}
