/**
 * Negation: "I'm not going to hurt myself", "never buy off the street". A negator within a few
 * words before a cue, in the same clause, cancels it, unless the negator governs another verb
 * ("I can't stop thinking about...": context.negationException). Negators inside the cue
 * itself ("I don't want to wake up") are part of the cue, so only earlier words count.
 */
import type { Doc } from '../doc';
import { clauseOf, inLexicon, matches } from '../doc';

export function isNegated(doc: Doc, start: number, window = 6): boolean {
  const clause = clauseOf(doc, start);
  const from = Math.max(clause.start, start - window);
  for (let k = start - 1; k >= from; k--) {
    if (!inLexicon(doc, 'negator', k)) continue;
    const excepted = matches(doc, 'context.negationException').some((m) => m.start === k && m.end <= start);
    if (!excepted) return true;
  }
  return false;
}
