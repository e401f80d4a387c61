/**
 * One analysed post: normalized text, tokens, sentences, clauses, every phrase match (grouped
 * by list), and which tokens sit inside quotation marks. Built once per screening; detectors
 * and context helpers only read it.
 */
import { normalize, Normalized } from './normalize';
import { Match } from './pattern';
import { computeQuoted } from './context/quotation';
import { ScreeningRules } from './rules';
import { Token, TokenRange, tokenize } from './tokenize';

export interface Doc {
  text: string;
  norm: Normalized;
  tokens: Token[];
  sentences: TokenRange[];
  clauses: TokenRange[];
  rules: ScreeningRules;
  quoted: boolean[];
  byList: Map<string, Match[]>;
}

export function analyze(text: string, rules: ScreeningRules): Doc {
  const norm = normalize(text);
  const { tokens, sentences, clauses } = tokenize(text, norm, rules.expansions, rules.spelledWords);
  const byList = new Map<string, Match[]>();
  for (const m of rules.matcher.matchAll(tokens)) {
    let arr = byList.get(m.list);
    if (!arr) byList.set(m.list, (arr = []));
    arr.push(m);
  }
  return { text, norm, tokens, sentences, clauses, rules, quoted: computeQuoted(norm.text, text, tokens, norm), byList };
}

const NONE: Match[] = [];

export function matches(doc: Doc, list: string): Match[] {
  return doc.byList.get(list) ?? NONE;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Is the token one of the lexicon's one-word entries (in any of its spellings)? */
export function inLexicon(doc: Doc, name: string, index: number): boolean {
  const t = doc.tokens[index];
  const lex = doc.rules.lexicons.get(name);
  return t !== undefined && lex !== undefined && t.forms.some((f) => lex.single.has(f));
}

/** Original-text span of tokens [from, to). */
export function spanOf(doc: Doc, from: number, to: number): { start: number; end: number } {
  return { start: doc.tokens[from].start, end: doc.tokens[to - 1].end };
}

export function sentenceOf(doc: Doc, index: number): { start: number; end: number } {
  return doc.sentences[doc.tokens[index].sentence];
}

export function clauseOf(doc: Doc, index: number): { start: number; end: number } {
  return doc.clauses[doc.tokens[index].clause];
}

/** The original words of a match, for a moderator-facing detail line. */
export function quote(doc: Doc, from: number, to: number): string {
  const s = spanOf(doc, from, to);
  const words = doc.text.slice(s.start, s.end).replace(/\s+/g, ' ');
  return words.length > 60 ? `${words.slice(0, 57)}...` : words;
}
