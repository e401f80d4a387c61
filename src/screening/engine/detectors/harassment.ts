/**
 * HARASSMENT: insults or threats aimed at a member ("you're pathetic", "kys", "you deserve to
 * relapse"). Reported ("he told me I was worthless"), quoted and negated ("you are NOT a
 * failure") forms are support, not harassment.
 */
import type { Doc } from '../doc';
import { clauseOf, inLexicon, matches } from '../doc';
import { isNegated } from '../context/negation';
import { isReportedSpeech } from '../context/quotation';
import type { Reason } from '../types';
import { reason, without } from './reason';

export function detectHarassment(doc: Doc): Reason[] {
  const out: Reason[] = [];
  const exclude = matches(doc, 'harassment.exclude');
  const aimed = (start: number): boolean => !isNegated(doc, start) && !isReportedSpeech(doc, start);
  for (const m of without(matches(doc, 'harassment.direct'), exclude)) {
    if (aimed(m.start)) out.push(reason(doc, 'HARASSMENT', 'HOLD', m.start, m.end, 'insult or threat aimed at someone'));
  }
  // "you're (such a|just a) <insult>": the insult must follow the address closely, through
  // filler words only, so "you feel like a failure" (empathy) is not an insult.
  for (const m of without(matches(doc, 'harassment.anchor'), exclude)) {
    const clause = clauseOf(doc, m.start);
    for (let k = m.end; k < Math.min(clause.end, m.end + 5); k++) {
      if (inLexicon(doc, 'insult', k)) {
        if (aimed(m.start)) out.push(reason(doc, 'HARASSMENT', 'HOLD', m.start, k + 1, 'insult aimed at a member'));
        break;
      }
      if (!inLexicon(doc, 'insultFiller', k)) break;
    }
  }
  return out;
}
