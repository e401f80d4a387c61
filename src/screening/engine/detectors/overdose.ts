/**
 * OVERDOSE_EMERGENCY: someone is overdosing NOW. Present signs ("his lips are blue", "isn't
 * breathing") fire; a past overdose ("she overdosed two years ago") and harm-reduction
 * teaching ("if someone is not breathing, call 911", "signs of overdose: ...") do not.
 * Weaker signs ("passed out", "took too much") need two together, or a strong one.
 */
import type { Doc } from '../doc';
import { clauseOf, inLexicon, matches, overlaps, sentenceOf } from '../doc';
import { isNegated } from '../context/negation';
import { tenseOf } from '../context/tense';
import type { Match } from '../pattern';
import type { Reason } from '../types';
import { reason, without } from './reason';
import { familyList, SELF_HARM_FAMILIES } from './self-harm-families';

/** Teaching, not telling: a conditional in the cue's clause, or "signs of" in its sentence. */
export function isHypothetical(doc: Doc, m: Match): boolean {
  const c = clauseOf(doc, m.start);
  const s = sentenceOf(doc, m.start);
  return (
    matches(doc, 'context.hypothetical').some((h) => h.start >= c.start && h.end <= m.start) ||
    matches(doc, 'context.informational').some((h) => h.start >= s.start && h.end <= s.end)
  );
}

/**
 * A list of signs under a teaching question or heading ("How do you recognize an overdose?
 * Blue lips, slow breathing."): informational words in the sentence before, and no person
 * in the cue's own sentence (an emergency names someone: he, my friend, her lips).
 */
function teachingList(doc: Doc, m: Match): boolean {
  const si = doc.tokens[m.start].sentence;
  if (si === 0) return false;
  const prev = doc.sentences[si - 1];
  const s = doc.sentences[si];
  if (!matches(doc, 'context.informational').some((h) => h.start >= prev.start && h.end <= prev.end)) return false;
  for (let k = s.start; k < s.end; k++) {
    if (inLexicon(doc, 'selfMarker', k) || inLexicon(doc, 'secondMarker', k) || inLexicon(doc, 'otherSpecificMarker', k)) return false;
  }
  return true;
}

/** An emergency is a state: only explicit times or a verb governing the sign make it past. */
const EVENT = { startVerb: false, clauseVerbs: false };

export function detectOverdose(doc: Doc): Reason[] {
  const idioms = matches(doc, 'overdose.idiom');
  const selfHarm = SELF_HARM_FAMILIES.flatMap((family) => matches(doc, familyList(family, false)));
  const live = (list: string): Match[] =>
    without(matches(doc, list), idioms).filter(
      (m) =>
        !isNegated(doc, m.start, 3) &&
        !isHypothetical(doc, m) &&
        !teachingList(doc, m) &&
        tenseOf(doc, m.start, m.end, EVENT) !== 'past' &&
        !selfHarm.some((s) => overlaps(s, m)),
    );
  const out: Reason[] = [];
  const strong = live('overdose.strong');
  for (const m of strong) out.push(reason(doc, 'OVERDOSE_EMERGENCY', 'HOLD', m.start, m.end, 'sign of an overdose happening now'));
  const weak = live('overdose.weak');
  const distinct = new Set(weak.map((m) => m.source));
  // One weak sign counts beside a call for help ("took too much... please someone").
  const urgent = distinct.size === 1 && live('overdose.urgency').length > 0;
  if (strong.length === 0 && (distinct.size >= 2 || urgent)) {
    const first = weak[0];
    const last = weak[weak.length - 1];
    out.push(
      reason(doc, 'OVERDOSE_EMERGENCY', 'HOLD', first.start, Math.max(first.end, last.end), 'several signs of an overdose happening now'),
    );
  }
  return out;
}
