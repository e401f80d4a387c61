/**
 * DRUG_SOURCING: buying, selling, trading or asking where to get drugs or diverted
 * medication. A request or offer phrase fires in the present; "I used to buy from a dealer"
 * (past), "never buy pills off the street" (negated) do not. Harm-reduction supplies
 * (naloxone, test strips) are never "drugs" here, and MOUD asked about in a treatment context
 * ("where can I get Suboxone, my insurance...") is care, not sourcing.
 */
import type { Doc } from '../doc';
import { inLexicon, matches, overlaps, sentenceOf } from '../doc';
import { isNegated } from '../context/negation';
import { tenseOf } from '../context/tense';
import type { Match } from '../pattern';
import type { Reason } from '../types';
import { reason, without } from './reason';

const sentenceFlags = new WeakMap<Doc, Map<string, boolean[]>>();

/** Does the token's sentence contain a word of `lexicon`? Computed once per sentence. */
function sentenceHas(doc: Doc, index: number, lexicon: string): boolean {
  let byLex = sentenceFlags.get(doc);
  if (!byLex) sentenceFlags.set(doc, (byLex = new Map()));
  let flags = byLex.get(lexicon);
  if (!flags) {
    flags = doc.sentences.map(() => false);
    for (let k = 0; k < doc.tokens.length; k++) if (inLexicon(doc, lexicon, k)) flags[doc.tokens[k].sentence] = true;
    byLex.set(lexicon, flags);
  }
  return flags[doc.tokens[index].sentence];
}

/** A word naming a drug someone could buy: not a test strip, not prescribed care. */
export function isDrugMention(doc: Doc, k: number): boolean {
  if (!inLexicon(doc, 'drug', k) || inLexicon(doc, 'harmReduction', k)) return false;
  // fentanyl test strips: a harm-reduction supply, not a drug
  const next = doc.tokens[k + 1];
  const prev = doc.tokens[k - 1];
  if (
    next &&
    next.sentence === doc.tokens[k].sentence &&
    (next.key === 'test' || next.key.startsWith('strip')) &&
    !inLexicon(doc, 'moud', k)
  )
    return false;
  if (prev && prev.sentence === doc.tokens[k].sentence && prev.key === 'test') return false;
  if (inLexicon(doc, 'moud', k) && sentenceHas(doc, k, 'treatmentContext')) {
    const s = sentenceOf(doc, k);
    return matches(doc, 'sourcing.override').some((o) => o.start >= s.start && o.end <= s.end);
  }
  return true;
}

function containsDrugWord(doc: Doc, m: Match): boolean {
  for (let k = m.start; k < m.end; k++) if (inLexicon(doc, 'drug', k)) return true;
  return false;
}

function hasValidDrug(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isDrugMention(doc, k)) return true;
  return false;
}

export function detectSourcing(doc: Doc): Reason[] {
  const exclude = matches(doc, 'sourcing.exclude');
  const present = (m: Match): boolean => !isNegated(doc, m.start) && tenseOf(doc, m.start, m.end, { clauseVerbs: false }) !== 'past';
  const out: Reason[] = [];
  const fired: Match[] = [];
  for (const [list, what] of [
    ['sourcing.request', 'asking where to get drugs'],
    ['sourcing.offer', 'offering drugs'],
  ] as const) {
    for (const m of without(matches(doc, list), exclude)) {
      if (!present(m)) continue;
      if (containsDrugWord(doc, m) && !hasValidDrug(doc, m.start, m.end)) continue;
      fired.push(m);
      out.push(reason(doc, 'DRUG_SOURCING', 'HOLD', m.start, m.end, what));
    }
  }
  // A weak signal (hmu, dm me, paying cash, my plug) counts beside a drug named nearby: in its
  // sentence, or anywhere in a short post.
  const shortPost = doc.sentences.length <= 3;
  let drugAnywhere: boolean | null = null;
  for (const m of without(matches(doc, 'sourcing.signal'), exclude)) {
    if (fired.some((f) => overlaps(f, m)) || !present(m)) continue;
    const s = sentenceOf(doc, m.start);
    if (!hasValidDrug(doc, s.start, s.end)) {
      drugAnywhere ??= doc.tokens.some((_, k) => isDrugMention(doc, k));
      if (!(shortPost && drugAnywhere)) continue;
    }
    fired.push(m);
    out.push(reason(doc, 'DRUG_SOURCING', 'HOLD', m.start, m.end, 'transaction language next to a drug name'));
  }
  // A soft signal (dm me, pm me, text me) is common outside any deal, so it counts only with
  // a drug named in its own sentence ("need subs asap text me").
  for (const m of without(matches(doc, 'sourcing.softSignal'), exclude)) {
    if (fired.some((f) => overlaps(f, m)) || !present(m)) continue;
    const s = sentenceOf(doc, m.start);
    if (!hasValidDrug(doc, s.start, s.end)) continue;
    fired.push(m);
    out.push(reason(doc, 'DRUG_SOURCING', 'HOLD', m.start, m.end, 'contact request next to a drug name'));
  }
  // A pronoun request ("who would buy them?", "what are they worth?") refers back: it counts
  // when a drug is named in its sentence or the one just before it.
  for (const m of without(matches(doc, 'sourcing.anaphoric'), exclude)) {
    if (fired.some((f) => overlaps(f, m)) || !present(m)) continue;
    const s = sentenceOf(doc, m.start);
    const prevSentence = doc.tokens[m.start].sentence - 1;
    const from = prevSentence >= 0 ? doc.sentences[prevSentence].start : s.start;
    if (!hasValidDrug(doc, from, s.end)) continue;
    fired.push(m);
    out.push(reason(doc, 'DRUG_SOURCING', 'HOLD', m.start, m.end, 'asking to buy or sell the drugs just named'));
  }
  return out;
}
