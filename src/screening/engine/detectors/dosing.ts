/**
 * DOSING_INSTRUCTIONS: how to use for effect, get high on a prescribed medication, beat a
 * drug test, crush/snort/inject. A cue needs instruction or question framing in its sentence
 * or the one beside it (how, tip, works better, if you..., "does that work?"), so a story ("I used to crush my pills") or a doctor's
 * taper ("tapered my buprenorphine from 16mg to 12mg") is not instruction. Harm-reduction
 * advice in the same sentence (naloxone, never use alone) cancels.
 */
import type { Doc } from '../doc';
import { matches, overlaps, sentenceOf } from '../doc';
import { isNegated } from '../context/negation';
import { tenseOf } from '../context/tense';
import type { Match } from '../pattern';
import type { Reason } from '../types';
import { reason } from './reason';

function sentenceHasList(doc: Doc, list: string, m: Match): boolean {
  const s = sentenceOf(doc, m.start);
  return matches(doc, list).some((x) => x.start >= s.start && x.end <= s.end);
}

/** Framing in the cue's sentence or the one beside it: "Mouthwash work?" after the cue. */
function framedNearby(doc: Doc, m: Match): boolean {
  const si = doc.tokens[m.start].sentence;
  return matches(doc, 'dosing.framing').some((x) => Math.abs(doc.tokens[x.start].sentence - si) <= 1);
}

/** The dosing.exclude phrase about being in recovery ("I've been clean"). */
const RECOVERY_WORDS = '(clean|sober';

export function detectDosing(doc: Doc): Reason[] {
  const out: Reason[] = [];
  // "how many of my mom's pills would it take" beside self-harm is a method, not a dose for effect.
  const selfHarmMethod = matches(doc, 'selfHarm.method');
  for (const [list, what] of [
    ['dosing.effect', 'asking or telling how much to use for effect'],
    ['dosing.method', 'how to take a drug for a stronger effect'],
    ['dosing.test', 'how to beat a drug test'],
  ] as const) {
    for (const m of matches(doc, list)) {
      if (selfHarmMethod.some((x) => overlaps(x, m))) continue;
      if (isNegated(doc, m.start) || tenseOf(doc, m.start, m.end, { clauseVerbs: false }) === 'past') continue;
      if (!framedNearby(doc, m)) continue;
      // Asking how much of a street drug to take is use for effect even beside recovery words
      // ("how much fent should I use if I've been clean for two weeks"): after a break in use it
      // is an overdose-risk question (dosing.override).
      // Only the recovery-words exclusion gives way; harm-reduction advice still cancels.
      const s = sentenceOf(doc, m.start);
      const wish = list === 'dosing.effect' && sentenceHasList(doc, 'dosing.override', m);
      const excluded = matches(doc, 'dosing.exclude').some(
        (x) => x.start >= s.start && x.end <= s.end && !(wish && x.source.includes(RECOVERY_WORDS)),
      );
      if (excluded) continue;
      out.push(reason(doc, 'DOSING_INSTRUCTIONS', 'HOLD', m.start, m.end, what));
    }
  }
  return out;
}
