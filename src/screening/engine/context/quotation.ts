/**
 * Quotation and reported speech. "My counselor called me a junkie" and "someone said 'you're
 * just a dirty user'" report stigma a member suffered; they are not stigma. Quotes are found
 * in one linear scan; reported speech is a phrase list (context.reporting) in the sentence.
 */
import type { Doc } from '../doc';
import { clauseOf, matches, sentenceOf } from '../doc';
import type { Normalized } from '../normalize';
import type { Token } from '../tokenize';

function isWord(c: string | undefined): boolean {
  return c !== undefined && /[a-z0-9]/.test(c);
}

/** For each token: does it sit between quotation marks? Unclosed quotes end at a line break. */
export function computeQuoted(t: string, _original: string, tokens: readonly Token[], norm: Normalized): boolean[] {
  const ranges: Array<[number, number]> = [];
  let dOpen = -1;
  let sOpen = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '"') {
      if (dOpen < 0) dOpen = i;
      else {
        ranges.push([dOpen, i]);
        dOpen = -1;
      }
    } else if (c === "'") {
      const prevWord = isWord(t[i - 1]);
      const nextWord = isWord(t[i + 1]);
      if (!prevWord && nextWord && sOpen < 0) sOpen = i;
      else if (sOpen >= 0 && !nextWord && (prevWord || /[.!?,]/.test(t[i - 1] ?? ''))) {
        ranges.push([sOpen, i]);
        sOpen = -1;
      }
    } else if (c === '\n') {
      dOpen = sOpen = -1;
    }
  }
  const out = new Array<boolean>(tokens.length).fill(false);
  if (ranges.length === 0) return out;
  const orig = ranges.map(([a, b]) => [norm.starts[a], norm.ends[b]] as const).sort((x, y) => x[0] - y[0]);
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const s = tokens[i].start;
    while (r < orig.length && orig[r][1] <= s) r++;
    out[i] = r < orig.length && orig[r][0] < s;
  }
  return out;
}

/**
 * Is the token inside reported speech: a reporting phrase ("called me", "told me", "people
 * say") earlier in its sentence, or just after it in its clause ("...', my dad said")?
 */
/** A reporting verb after the words ("...', my dad said") follows them closely. */
const REPORT_AFTER = 5;

export function isReported(doc: Doc, index: number): boolean {
  const sentence = sentenceOf(doc, index);
  const clause = clauseOf(doc, index);
  // "I just wanted to say", "proud to say": the author's own words, not a report.
  const own = matches(doc, 'context.ownSpeech');
  return matches(doc, 'context.reporting').some(
    (m) =>
      !own.some((o) => o.start <= m.start && o.end >= m.end) &&
      ((m.start >= sentence.start && m.end <= index) || (m.start > index && m.start < clause.end && m.start - index <= REPORT_AFTER)),
  );
}

/** Talk about a word rather than use of it: "the word addict", "labels like junkie". */
export function isMention(doc: Doc, index: number): boolean {
  return matches(doc, 'context.meta').some(
    (m) => m.end <= index && m.end >= index - 1 && doc.tokens[m.start].sentence === doc.tokens[index].sentence,
  );
}

/** Quoted, reported or mentioned: words the author reports rather than says. */
export function isReportedSpeech(doc: Doc, index: number): boolean {
  return doc.quoted[index] || isReported(doc, index) || isMention(doc, index);
}
