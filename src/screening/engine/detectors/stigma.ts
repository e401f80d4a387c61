/**
 * STIGMA and person-first suggestions.
 *
 * Every stigmatizing term used in its drug-use sense gets a private suggestion (docs/policy.md
 * table), whoever it describes, unless the author is quoting or reporting it ("my counselor
 * called me a junkie") or talking about the word itself. Ambiguous words only count in
 * their drug sense: the rule data lists the senses ("90 days [clean]") and the exclusions
 * ("clean needles", "coffee addict", "forum user", "slipped on ice").
 *
 * Labels for people are held as stigma (NORMAL) when aimed at others: at a member ("you're a
 * junkie"), at people in general with contempt ("these junkies", "those addicts", "lazy
 * addicts"), or derogatory labels for anyone else ("he's a crackhead"). About oneself ("I'm an
 * addict, day 30") they are a nudge. Contempt phrases ("once an addict always an addict") and
 * medication stigma ("just trading one drug for another", "not really clean on Suboxone") are
 * held on their own.
 */
import type { Doc } from '../doc';
import { clauseOf, inLexicon, matches, overlaps, sentenceOf, spanOf } from '../doc';
import { targetOf } from '../context/addressee';
import { isNegated } from '../context/negation';
import { isMention, isReportedSpeech } from '../context/quotation';
import { tenseOf } from '../context/tense';
import type { Match } from '../pattern';
import { TERM_EXCLUDE_LIST, TERM_LIST } from '../rules';
import type { Reason, Suggestion } from '../types';
import { reason } from './reason';
import { hasSelfSubject, isOwnSelfDescription, isSelfNamed } from './self-description';

interface TermHit {
  kind: string;
  from: number;
  to: number;
}

/**
 * The author quoting their own words about themselves ("I said 'hi, I'm Jess and I'm an
 * addict'"): a self-description, so the private suggestion still fits. Someone else's words
 * ("my cousin called me a junkie") stay a report.
 */
function quotesSelf(doc: Doc, from: number, to: number): boolean {
  const s = sentenceOf(doc, from);
  const ownWords = matches(doc, 'context.ownSpeech').some((m) => m.start >= s.start && m.end <= from);
  return ownWords && targetOf(doc, from, to) === 'self';
}

/**
 * Words the sentence later gives to someone else: "once an addict always an addict is what my
 * uncle says about me", "..., that's what my GP says".
 */
function reportedLater(doc: Doc, index: number): boolean {
  const s = sentenceOf(doc, index);
  return matches(doc, 'context.reportingAfter').some((m) => m.start > index && m.end <= s.end);
}

function reported(doc: Doc, index: number): boolean {
  return isReportedSpeech(doc, index) || reportedLater(doc, index);
}

/** The author's self-description inside a quote or after someone else spoke, never talk about the word itself. */
function ownWords(doc: Doc, from: number): boolean {
  return !isMention(doc, from) && isOwnSelfDescription(doc, from);
}

function termHits(doc: Doc): TermHit[] {
  const hits: TermHit[] = [];
  for (const kind of doc.rules.personFirst.keys()) {
    const exclude = matches(doc, TERM_EXCLUDE_LIST(kind));
    for (const m of matches(doc, TERM_LIST(kind))) {
      const focus = { start: m.focusStart, end: m.focusEnd };
      if (exclude.some((x) => overlaps(x, focus))) continue;
      if (reported(doc, focus.start) && !quotesSelf(doc, focus.start, focus.end) && !ownWords(doc, focus.start)) continue;
      hits.push({ kind, from: focus.start, to: focus.end });
    }
  }
  // One suggestion per place: the longest term wins ("former addict" over "addict").
  hits.sort((a, b) => a.from - b.from || b.to - b.from - (a.to - a.from));
  const kept: TermHit[] = [];
  for (const h of hits) {
    const clash = kept.findIndex((k) => h.from < k.to && k.from < h.to);
    if (clash < 0) kept.push(h);
    else if (h.to - h.from > kept[clash].to - kept[clash].from) kept[clash] = h;
  }
  return kept;
}

/** How far before a label a contempt word may sit: "those lazy junkies", "a bunch of dirty addicts". */
const CONTEMPT_WINDOW = 3;

function sentenceHasContempt(doc: Doc, index: number): boolean {
  const s = sentenceOf(doc, index);
  const clause = clauseOf(doc, index);
  const inside = (m: Match): boolean => m.start >= s.start && m.end <= s.end && !isReportedSpeech(doc, m.start);
  // A contempt word qualifies the label itself; "I just thought..." elsewhere in the sentence does not.
  const qualifies = (m: Match): boolean => m.start >= clause.start && m.end <= index && index - m.end <= CONTEMPT_WINDOW && inside(m);
  // A contempt predicate ("are all liars", "never change") says what the label's people are.
  const said = (m: Match): boolean => inside(m) && tenseOf(doc, m.start, m.end) !== 'past';
  return (
    matches(doc, 'stigma.contempt').some(qualifies) ||
    matches(doc, 'stigma.contemptPhrase').some(said) ||
    matches(doc, 'stigma.contemptPredicate').some(said)
  );
}

function isOtherDirected(doc: Doc, h: TermHit): boolean {
  if (isNegated(doc, h.from)) return false;
  // "I was a dope fiend", "soy una addict", "my brother calls himself a dope fiend": people naming themselves.
  if (hasSelfSubject(doc, h.from) || isSelfNamed(doc, h.from)) return false;
  const target = targetOf(doc, h.from, h.to);
  if (target === 'self') return false;
  if (target === 'second') return true;
  let derogatory = false;
  for (let k = h.from; k < h.to; k++) if (inLexicon(doc, 'derogatoryLabel', k)) derogatory = true;
  const contempt = sentenceHasContempt(doc, h.from);
  const plural = doc.tokens[h.to - 1].key.endsWith('s');
  if (target === 'otherGeneric' || target === 'otherSpecific' || plural) return derogatory || contempt;
  return contempt;
}

function mentionsMedication(doc: Doc, m: Match): boolean {
  const s = sentenceOf(doc, m.start);
  const prev = m.start > 0 && s.start > 0 ? doc.sentences[doc.tokens[s.start - 1].sentence] : s;
  for (let k = prev.start; k < s.end; k++) if (inLexicon(doc, 'moud', k)) return true;
  return false;
}

export function detectStigma(doc: Doc): { reasons: Reason[]; suggestions: Suggestion[] } {
  const reasons: Reason[] = [];
  const suggestions: Suggestion[] = [];
  for (const h of termHits(doc)) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- termHits only finds kinds of these rules
    const rule = doc.rules.personFirst.get(h.kind)!;
    const span = spanOf(doc, h.from, h.to);
    suggestions.push({ term: doc.text.slice(span.start, span.end), suggestion: rule.suggestion, explanation: rule.explanation, ...span });
    if (rule.label && isOtherDirected(doc, h)) {
      reasons.push(reason(doc, 'STIGMA', 'HOLD', h.from, h.to, 'stigmatizing label aimed at others'));
    } else {
      reasons.push(reason(doc, 'STIGMA', 'NUDGE', h.from, h.to, 'person-first language suggestion'));
    }
  }
  const stated = (m: Match): boolean =>
    !isNegated(doc, m.start) && !isReportedSpeech(doc, m.start) && tenseOf(doc, m.start, m.end) !== 'past';
  for (const m of matches(doc, 'stigma.contemptPhrase')) {
    if (stated(m)) reasons.push(reason(doc, 'STIGMA', 'HOLD', m.start, m.end, 'contempt for people who use drugs'));
  }
  for (const m of matches(doc, 'stigma.medication')) {
    if (stated(m)) reasons.push(reason(doc, 'STIGMA', 'HOLD', m.start, m.end, 'medication stigma (MOUD is treatment)'));
  }
  for (const m of matches(doc, 'stigma.medicationContext')) {
    if (!stated(m) || !mentionsMedication(doc, m) || targetOf(doc, m.start, m.end) === 'self') continue;
    reasons.push(reason(doc, 'STIGMA', 'HOLD', m.start, m.end, 'medication stigma (MOUD is treatment)'));
  }
  return { reasons, suggestions };
}
