/**
 * Word tokens over normalized text, each carrying its ORIGINAL span, its sentence and clause,
 * and the spelling variants a member may have used (leetspeak, stretched letters, `*` for a
 * vowel). Detectors never look at characters again: they match token sequences.
 *
 * Linear: one scan, constant work per character, a bounded number of forms per token.
 */
import { Normalized } from './normalize';

export interface Token {
  /** Canonical spelling: lowercased, apostrophes dropped, runs of 3+ letters squeezed to 1. */
  key: string;
  /** key plus variants: runs squeezed to 2, leetspeak decoded, `*` read as each vowel. */
  forms: string[];
  /** Original UTF-16 span. */
  start: number;
  end: number;
  sentence: number;
  clause: number;
  /** Written Capitalized in the original (a name, a place). */
  cap: boolean;
  numeric: boolean;
  /** Produced by a texting expansion (kms -> kill myself); shares the original span. */
  expanded: boolean;
}

export interface TokenRange {
  start: number;
  end: number;
}

export interface Tokenized {
  tokens: Token[];
  /** Token index ranges, [start, end). */
  sentences: TokenRange[];
  clauses: TokenRange[];
}

interface Raw {
  ns: number;
  ne: number;
  text: string;
  sentence: number;
  clause: number;
}

/** Characters that join two word characters into one word: don't, j*nkie, k!ll, a$$. */
const CONNECTORS = new Set(["'", '*', '!', '|', '$']);
/** Single-character separators that spell a word out: j.u.n.k.i.e, j-u-n-k-i-e, j u n k i e. */
const SPELL_SEPARATORS = new Set(['.', '-', '_', '*', '~', '+', '|', '/', ' ', '\u2022', '\u00b7', ',']);
const CLAUSE_PUNCT = new Set([',', ':', '(', ')', '"', '[', ']', '{', '}']);
/** Words that open a new clause: "I wanted to die back then, but today I coach others". */
const CLAUSE_WORDS = new Set(['but', 'though', 'although', 'however', 'whereas', 'except']);
const CLITICS: Record<string, string> = { re: 'are', m: 'am', ll: 'will', ve: 'have', d: 'would' };
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g', $: 's', '!': 'i', '|': 'l' };
const VOWELS = ['a', 'e', 'i', 'o', 'u'];
const LETTER = /\p{L}|\p{N}/u;
const MAX_FORMS = 64;
/** 16mg, 30s, 4b, 5th: a number with a unit is not leetspeak (5ubs and 0xy are). */
const UNIT = /^[0-9]+(?:mg|mcg|ml|s|g|k|x|am|pm|th|st|nd|rd|[a-d]|lbs|yrs|hrs|mins|min|ish|yo|mo|m)$/;

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 48 && k <= 57) || k === 95 || (k >= 65 && k <= 90);
  return LETTER.test(c);
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && c >= 'a' && c <= 'z';
}

/** Abbreviations that stand before a name and keep their sentence going ("St. Mary's"). */
const TITLE_ABBREVIATIONS = new Set(['st', 'mt', 'ft', 'dr', 'mr', 'mrs', 'ms', 'jr', 'sr']);

function scan(t: string): Raw[] {
  const raws: Raw[] = [];
  let sentence = 0;
  let clause = 0;
  let pendingSentence = false;
  let pendingClause = false;
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t[i];
    const dollarWord = c === '$' && isLetter(t[i + 1]) && !isWordChar(t[i - 1]);
    if (isWordChar(c) || dollarWord) {
      let j = i + 1;
      while (j < n) {
        if (isWordChar(t[j])) j++;
        else if (CONNECTORS.has(t[j]) && isWordChar(t[j - 1]) && isWordChar(t[j + 1])) j++;
        else break;
      }
      if (pendingSentence) {
        sentence++;
        clause++;
      } else if (pendingClause) clause++;
      pendingSentence = pendingClause = false;
      raws.push({ ns: i, ne: j, text: t.slice(i, j), sentence, clause });
      i = j;
      continue;
    }
    if (c === '!' || c === '?' || c === '\n' || c === ';') pendingSentence = true;
    // "I want to die... of embarrassment": a run of dots is a pause inside the sentence.
    else if (c === '.' && (t[i + 1] === '.' || t[i - 1] === '.')) pendingClause = true;
    // "St. Mary's", "Dr. Patel": a title abbreviation before a name does not end the sentence.
    else if (
      c === '.' &&
      t[i + 1] === ' ' &&
      isWordChar(t[i + 2]) &&
      raws.length > 0 &&
      raws[raws.length - 1].ne === i &&
      TITLE_ABBREVIATIONS.has(raws[raws.length - 1].text)
    )
      pendingClause = false;
    else if (c === '.' && !isWordChar(t[i + 1])) pendingSentence = true;
    else if (CLAUSE_PUNCT.has(c)) pendingClause = true;
    else if (c === '-' && (t[i - 1] === ' ' || t[i + 1] === ' ')) pendingClause = true;
    i++;
  }
  return raws;
}

/** One-letter words (and texting u, r) that may stand before a spelled-out word ("u r a j u n k i e"). */
const LETTER_WORDS = new Set(['a', 'i', 'u', 'r']);

/**
 * j.u.n.k.i.e -> junkie: runs of single characters joined by one repeated separator. A run
 * spaced with blanks needs 4 characters ("a b c" is too often real words), or 3 when the
 * joined word is a known one (`known`: texting forms, drug names, labels: "k m s", "o x y").
 * Leading one-letter words ("a", "i", "u", "r") of a blank-spaced run that is not itself a
 * known word are words of their own ("once a j u n k i e", "u r a j u n k i e").
 */
function mergeSpelledOut(raws: Raw[], t: string, known?: (word: string) => boolean): Raw[] {
  const out: Raw[] = [];
  let i = 0;
  while (i < raws.length) {
    const first = raws[i];
    let j = i;
    let sep: string | null = null;
    if (first.ne - first.ns === 1) {
      while (j + 1 < raws.length) {
        const next = raws[j + 1];
        const gap = next.ns - raws[j].ne;
        if (next.ne - next.ns !== 1 || gap !== 1 || next.sentence !== first.sentence) break;
        const g = t[raws[j].ne];
        if (!SPELL_SEPARATORS.has(g) || (sep !== null && g !== sep)) break;
        sep = g;
        j++;
      }
    }
    let count = j - i + 1;
    const blank = sep === ' ' || sep === ',';
    if (blank && count >= 5 && known) {
      let word = '';
      for (let k = i; k <= j; k++) word += raws[k].text;
      // "u n a l i v e" is one known word; "u r a j u n k i e" is three words and a spelled one.
      if (!known(word)) {
        while (count >= 5 && LETTER_WORDS.has(raws[i].text)) {
          out.push(raws[i]);
          i++;
          count--;
        }
      }
    }
    let needed = blank ? 4 : 3;
    // ...but not from a one-letter word: "i m a nurse" is "I'm a nurse", not "ima".
    if (blank && count === 3 && known && !LETTER_WORDS.has(raws[i].text)) {
      let word = '';
      for (let k = i; k <= j; k++) word += raws[k].text;
      if (known(word)) needed = 3;
    }
    if (count >= needed) {
      let text = '';
      for (let k = i; k <= j; k++) text += raws[k].text;
      out.push({ ns: raws[i].ns, ne: raws[j].ne, text, sentence: raws[i].sentence, clause: raws[i].clause });
      i = j + 1;
    } else {
      out.push(raws[i]);
      i++;
    }
  }
  return out;
}

/**
 * "un-alive", "sewer slide", "un alive": two words whose joined spelling is a texting form
 * (`unalive`, `sewerslide`) are read as that form. Only letters, each part 2+ letters, joined
 * form 6+ letters, separated by one hyphen or blank: short joins ("2 day") stay apart.
 */
function mergeSplitForms(raws: Raw[], t: string, expansions: ReadonlyMap<string, readonly string[]>): Raw[] {
  if (expansions.size === 0) return raws;
  const out: Raw[] = [];
  const alpha = (s: string): boolean => /^[a-z]{2,}$/.test(s);
  for (let i = 0; i < raws.length; i++) {
    const a = raws[i];
    const b = raws[i + 1];
    if (b && b.sentence === a.sentence && b.ns - a.ne === 1 && (t[a.ne] === '-' || t[a.ne] === ' ') && alpha(a.text) && alpha(b.text)) {
      const joined = a.text + b.text;
      if (joined.length >= 6 && expansions.has(joined)) {
        out.push({ ns: a.ns, ne: b.ne, text: joined, sentence: a.sentence, clause: a.clause });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** don't -> do not, I'm -> i am, she's -> shes; texting forms are handled by expansions. */
export function splitClitics(s: string): string[] {
  if (!s.includes("'")) return [s];
  if (s.endsWith("n't") && s.length > 3) {
    const base = s.slice(0, -3);
    if (base === 'ai') return ['aint'];
    const fixed = base === 'ca' ? 'can' : base === 'wo' ? 'will' : base === 'sha' ? 'shall' : base;
    return [fixed.replace(/'/g, ''), 'not'];
  }
  const q = s.lastIndexOf("'");
  const tail = s.slice(q + 1);
  if (q > 0 && CLITICS[tail] !== undefined) return [s.slice(0, q).replace(/'/g, ''), CLITICS[tail]];
  return [s.replace(/'/g, '')];
}

/** Collapse runs of the same letter longer than `keep` down to `keep` (digits untouched). */
function squeeze(s: string, keep: number): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    run = i > 0 && s[i - 1] === c ? run + 1 : 1;
    if (run <= keep || !isLetter(c)) out += c;
  }
  return out;
}

function hasLongRun(s: string): boolean {
  for (let i = 2; i < s.length; i++) if (s[i] === s[i - 1] && s[i] === s[i - 2] && isLetter(s[i])) return true;
  return false;
}

/**
 * "kiiiiill" -> kil, kill, kiil, kiill: each stretched run (3+ of a letter) read as one or
 * two letters, since the member's word may have a double letter (kill, need). At most three
 * runs vary (8 variants); further runs are squeezed to one.
 */
function stretchVariants(s: string): string[] {
  const parts: Array<[string, boolean]> = [];
  let i = 0;
  let varied = 0;
  while (i < s.length) {
    let j = i + 1;
    while (j < s.length && s[j] === s[i]) j++;
    const long = j - i >= 3 && isLetter(s[i]);
    parts.push([long ? s[i] : s.slice(i, j), long && varied++ < 3]);
    i = j;
  }
  let variants = [''];
  for (const [text, vary] of parts) {
    variants = vary ? variants.flatMap((v) => [v + text, v + text + text]) : variants.map((v) => v + text);
  }
  return variants;
}

function deLeet(s: string, one: string): string {
  let out = '';
  for (const c of s) out += c === '1' ? one : (LEET[c] ?? c);
  return out;
}

/** Canonical key of one word (after clitic splitting). */
export function canonical(word: string): string {
  let w = word;
  // j_u_n_k_i_e: underscores between single characters are spelling, not a handle.
  if (w.length >= 5 && /^(?:[a-z0-9]_)+[a-z0-9]$/.test(w)) w = w.replace(/_/g, '');
  return hasLongRun(w) ? squeeze(w, 1) : w;
}

export function spellings(word: string, key: string): string[] {
  if (word.length > 40) return [key];
  const out = new Set<string>([key]);
  // Dropped g ("killin", "thinkin", "cuttin"): members write it, phrases spell it out.
  if (/^[a-z]{4,}in$/.test(key)) out.add(`${key}g`);
  if (hasLongRun(word)) for (const v of stretchVariants(word)) out.add(v);
  const bases = Array.from(out);
  for (const b of bases) {
    if (/[0-9$!|]/.test(b) && /[a-z]/.test(b) && !UNIT.test(b)) {
      out.add(deLeet(b, 'i'));
      if (b.includes('1')) out.add(deLeet(b, 'l'));
    }
  }
  for (const f of Array.from(out)) {
    const stars = f.split('*').length - 1;
    if (stars === 0 || stars > 2) continue;
    let variants = [f];
    for (let s = 0; s < stars; s++) {
      const next: string[] = [];
      for (const v of variants) for (const vowel of VOWELS) next.push(v.replace('*', vowel));
      variants = next;
    }
    for (const v of variants) if (out.size < MAX_FORMS) out.add(v);
  }
  return Array.from(out);
}

function isCapitalized(src: string, start: number, end: number): boolean {
  const a = src[start];
  const b = end - start > 1 ? src[start + 1] : undefined;
  if (a === undefined || a === a.toLowerCase() || a !== a.toUpperCase()) return false;
  return b === undefined || b === b.toLowerCase();
}

export function tokenize(
  src: string,
  norm: Normalized,
  expansions: ReadonlyMap<string, readonly string[]>,
  spelledWords?: ReadonlySet<string>,
): Tokenized {
  const known = spelledWords ? (w: string): boolean => expansions.has(w) || spelledWords.has(w) : undefined;
  const raws = mergeSplitForms(mergeSpelledOut(scan(norm.text), norm.text, known), norm.text, expansions);
  const tokens: Token[] = [];
  for (const r of raws) {
    const start = norm.starts[r.ns];
    const end = norm.ends[r.ne - 1];
    const cap = isCapitalized(src, start, end);
    for (const part of splitClitics(r.text)) {
      if (part === '') continue;
      const key = canonical(part);
      const expansion = expansions.get(key);
      const base = { start, end, sentence: r.sentence, clause: r.clause, cap };
      if (expansion) {
        for (const w of expansion) tokens.push({ ...base, key: w, forms: [w], numeric: false, expanded: true });
      } else {
        tokens.push({ ...base, key, forms: spellings(part, key), numeric: /^[0-9]+$/.test(key), expanded: false });
      }
    }
  }
  return { tokens, ...structure(tokens) };
}

/** Renumber sentences and clauses densely and list their token ranges. */
function structure(tokens: Token[]): { sentences: TokenRange[]; clauses: TokenRange[] } {
  const sentences: TokenRange[] = [];
  const clauses: TokenRange[] = [];
  let rawSentence = -1;
  let rawClause = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const newSentence = t.sentence !== rawSentence;
    const newClause = newSentence || t.clause !== rawClause || (CLAUSE_WORDS.has(t.key) && i > 0);
    rawSentence = t.sentence;
    rawClause = t.clause;
    if (newSentence) sentences.push({ start: i, end: i });
    if (newClause) clauses.push({ start: i, end: i });
    t.sentence = sentences.length - 1;
    t.clause = clauses.length - 1;
    sentences[sentences.length - 1].end = i + 1;
    clauses[clauses.length - 1].end = i + 1;
  }
  return { sentences, clauses };
}
