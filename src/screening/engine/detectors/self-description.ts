/**
 * Is a person-first term the author describing themselves, even where quotation or a
 * reporting verb would otherwise make it someone else's words?
 *
 * Members tell how they introduce themselves ("house meeting tonight: 'hi, I'm Derek, I'm an
 * addict'"), pick their words after someone else spoke ("my counselor said don't use that
 * word... anyway I'm 80 days clean"), and say they are owning a word ("I'll say it: I was a
 * druggie"). A first-person subject right before the term, in its own clause, makes it the
 * author's self-description; a reporter other than the author in that same clause ("she said
 * I was an addict", "my aunt called me a junkie") keeps it a report.
 */
import type { Doc } from '../doc';
import { clauseOf, inLexicon, matches, sentenceOf } from '../doc';
import type { Match } from '../pattern';

/** How far before the term the first-person subject may sit ("I was a bit of an addict"). */
const SUBJECT_WINDOW = 6;
/** How far before the term a self-naming phrase may end ("calls himself an old dope fiend"). */
const NAMING_WINDOW = 3;

const PERSON_MARKERS = ['secondMarker', 'otherSpecificMarker', 'otherGenericMarker'];

function isPerson(doc: Doc, k: number): boolean {
  return PERSON_MARKERS.some((lex) => inLexicon(doc, lex, k));
}

/**
 * A first-person subject ("I", "we", "soy") before the term in its clause, with no other person
 * named in between: "I'm an addict", "i was addict to pills", "soy una addict".
 */
export function hasSelfSubject(doc: Doc, from: number): boolean {
  const clause = clauseOf(doc, from);
  let linked = false;
  for (let k = from - 1; k >= Math.max(clause.start, from - SUBJECT_WINDOW); k--) {
    // "soy", "fui" carry their own verb; "I" needs one ("I'm", "I was", "I had"), so "I hate the word" is not a self-description.
    if (inLexicon(doc, 'selfSubject', k)) return linked || inLexicon(doc, 'selfVerb', k);
    if (isPerson(doc, k) || inLexicon(doc, 'selfMarker', k)) return false;
    if (inLexicon(doc, 'linkVerb', k)) linked = true;
  }
  return false;
}

/** Who says the reported words: the author when the nearest person before the verb is "I"/"we" or none is written. */
function reporterIsAuthor(doc: Doc, m: Match): boolean {
  const clause = clauseOf(doc, m.start);
  for (let k = m.start - 1; k >= clause.start; k--) {
    if (inLexicon(doc, 'selfSubject', k)) return true;
    if (isPerson(doc, k) || inLexicon(doc, 'selfMarker', k) || inLexicon(doc, 'relation', k) || doc.tokens[k].cap) return false;
  }
  return true;
}

/**
 * The term is the author's own self-description although quoted or after a reporting verb.
 * The last reporting phrase before it decides: said by the author ("I said", "Said ...", "we
 * say"), or by someone else in an earlier clause when the author takes the word back in a
 * clause of their own ("..., I was addict for one year").
 */
export function isOwnSelfDescription(doc: Doc, from: number): boolean {
  if (!hasSelfSubject(doc, from)) return ownPossessive(doc, from);
  const last = lastReport(doc, from);
  if (last === undefined || reporterIsAuthor(doc, last)) return true;
  const clause = clauseOf(doc, from);
  return last.end <= clause.start && !doc.quoted[from] && opensWithSelf(doc, clause.start, from);
}

/** The last reporting phrase before the term in its sentence, own speech ("proud to say") aside. */
function lastReport(doc: Doc, from: number): Match | undefined {
  const sentence = sentenceOf(doc, from);
  const own = matches(doc, 'context.ownSpeech');
  let last: Match | undefined;
  for (const m of matches(doc, 'context.reporting')) {
    if (m.start < sentence.start || m.end > from || own.some((o) => o.start <= m.start && o.end >= m.end)) continue;
    if (!last || m.start > last.start) last = m;
  }
  return last;
}

/**
 * The author's own writing quoted with no one else speaking in the sentence: 'Writing my step
 * four. "My habit cost me my job."' A possessive right before the term makes it theirs;
 * any reporting verb in the sentence ('"my junkie son", she said') keeps it a report.
 */
function ownPossessive(doc: Doc, from: number): boolean {
  const sentence = sentenceOf(doc, from);
  if (matches(doc, 'context.reporting').some((m) => m.start >= sentence.start && m.end <= sentence.end)) return false;
  // Nobody else named before it either ('my sister introduced me as "my addict brother"').
  for (let k = sentence.start; k < from; k++) if (isPerson(doc, k) || inLexicon(doc, 'relation', k)) return false;
  const clause = clauseOf(doc, from);
  for (let k = from - 1; k >= Math.max(clause.start, from - 2); k--) if (inLexicon(doc, 'selfPossessive', k)) return true;
  return false;
}

/** The clause opens with its first-person subject ("I was...", "anyway im..."), not "she said i...". */
function opensWithSelf(doc: Doc, start: number, from: number): boolean {
  for (let k = start; k < Math.min(from, start + 3); k++) if (inLexicon(doc, 'selfSubject', k)) return true;
  return false;
}

/**
 * Someone naming themselves ("my brother calls himself a dope fiend", "do you still call
 * yourself an addict", "do you still feel like a junkie"): a self-description, not a label
 * the author aims at them.
 */
export function isSelfNamed(doc: Doc, from: number): boolean {
  const clause = clauseOf(doc, from);
  return matches(doc, 'context.selfNaming').some((m) => {
    if (m.end > from || from - m.end > NAMING_WINDOW || m.start < clause.start) return false;
    for (let k = m.end; k < from; k++) if (isPerson(doc, k)) return false;
    return true;
  });
}
