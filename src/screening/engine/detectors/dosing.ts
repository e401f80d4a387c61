/**
 * DOSING_INSTRUCTIONS: how to use for effect, get high on a prescribed medication, beat a
 * drug test, crush/snort/inject. A cue needs instruction or question framing in its sentence
 * (how, tip, works better, if you...), so a story ("I used to crush my pills") or a doctor's
 * taper ("tapered my buprenorphine from 16mg to 12mg") is not instruction. Harm-reduction
 * advice in the same sentence (naloxone, never use alone) cancels.
 */
import type { Doc } from '../doc';
import { matches, sentenceOf } from '../doc';
import { isNegated } from '../context/negation';
import { tenseOf } from '../context/tense';
import type { Match } from '../pattern';
import type { Reason } from '../types';
import { reason } from './reason';

function sentenceHasList(doc: Doc, list: string, m: Match): boolean {
  const s = sentenceOf(doc, m.start);
  return matches(doc, list).some((x) => x.start >= s.start && x.end <= s.end);
}

export function detectDosing(doc: Doc): Reason[] {
  const out: Reason[] = [];
  for (const [list, what] of [
    ['dosing.effect', 'asking or telling how much to use for effect'],
    ['dosing.method', 'how to take a drug for a stronger effect'],
    ['dosing.test', 'how to beat a drug test'],
  ] as const) {
    for (const m of matches(doc, list)) {
      if (isNegated(doc, m.start) || tenseOf(doc, m.start, m.end, { clauseVerbs: false }) === 'past') continue;
      if (!sentenceHasList(doc, 'dosing.framing', m) || sentenceHasList(doc, 'dosing.exclude', m)) continue;
      out.push(reason(doc, 'DOSING_INSTRUCTIONS', 'HOLD', m.start, m.end, what));
    }
  }
  return out;
}
