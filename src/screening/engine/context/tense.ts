/**
 * Tense and time: past survival ("I tried to end my life in 2019") vs present intent ("tonight
 * I'm taking every pill"). Markers are phrase lists; the cue's own clause decides first, then
 * its sentence. Order of strength: an intent/immediacy marker (tonight, anymore, going to)
 * beats an explicit past time (in 2019, used to), then a recent time (last night), then (for
 * self-harm) the author's ongoing frame (been cutting, keep wishing), then a past verb
 * governing the cue (tried to..., wanted to...), then a present time or weak present (today,
 * again, now, still), then any past-tense verb in the clause (was, thought) that is not inside
 * a condition or a wish ("nobody would notice if I was gone" is not past).
 */
import type { Doc } from '../doc';
import { matches } from '../doc';

export type Tense = 'present' | 'recent' | 'past';

const ORDER: Array<[string, Tense]> = [
  ['context.presentStrong', 'present'],
  ['context.pastStrong', 'past'],
  ['context.recent', 'recent'],
  ['context.presentTime', 'present'],
  ['context.presentWeak', 'present'],
  ['context.pastVerb', 'past'],
];

interface Marker {
  list: string;
  start: number;
  end: number;
}

/** Words that may sit between a past verb and the cue it governs ("thought seriously about killing myself"). */
const GOVERNING_GAP = new Set([
  'to',
  'about',
  'of',
  'on',
  'that',
  'i',
  'just',
  'really',
  'seriously',
  'so',
  'like',
  'how',
  'even',
  'actually',
]);

/** Openers of an unreal clause: a past form after them is a condition or a wish, not a past time. */
const IRREALIS = new Set(['if', 'wish', 'unless']);

/** Ongoing frames: "been cutting", "have been hittin", "keep wishing" (not "had been using", which is past). */
const ONGOING = new Set(['been', 'keep']);

/** Words between the author and an ongoing frame: "I have also been", "I've still been". */
const FRAME_FILLER = new Set(['have', 've', 'also', 'still', 'just', 'really', 'honestly', 'and', 'been']);

/** Subjects that start a new verb: a past verb does not govern a cue past one of them after its object. */
const SUBJECT = new Set(['i', 'he', 'she', 'they', 'we', 'you', 'it']);

/** Words ending in -in that are not a dropped-g -ing ("been on heroin" is not "been cuttin"). */
const NOT_ING = new Set([
  'heroin',
  'insulin',
  'aspirin',
  'vicodin',
  'oxycontin',
  'gabapentin',
  'cousin',
  'within',
  'begin',
  'cabin',
  'basin',
]);

function isIng(word: string): boolean {
  if (word.length <= 4) return false;
  return word.endsWith('ing') || (word.endsWith('in') && !word.endsWith('ain') && !NOT_ING.has(word));
}

/** A past verb within three words after "if" or "wish" in its clause ("if I was gone", "wish I didn't wake up"). */
function irrealis(doc: Doc, start: number): boolean {
  const clause = doc.tokens[start].clause;
  for (let k = start - 1; k >= Math.max(0, start - 3) && doc.tokens[k].clause === clause; k--) {
    if (IRREALIS.has(doc.tokens[k].key)) return true;
  }
  return false;
}

/**
 * The author's own frame: "I (have) (also) been", "I keep", or no subject at all at the start of
 * a clause ("been cuttin w the razor"). "he's been thinking about suicide" is someone else's,
 * told by the author, and "had been" / "I'd been" is past perfect.
 */
function ownSubject(doc: Doc, k: number): boolean {
  const clause = doc.tokens[k].clause;
  for (let j = k - 1; j >= 0 && j >= k - 4 && doc.tokens[j].clause === clause; j--) {
    const key = doc.tokens[j].key;
    if (key === 'had' || key === 'd') return false;
    if (key === 'i' || key === 'we') return true;
    if (SUBJECT.has(key) || !FRAME_FILLER.has(key)) return false;
  }
  return true;
}

/**
 * An ongoing frame before the cue or opening it, in its clause: "been" or "keep" followed by an
 * -ing word within two words ("I've been cuttin", "I been pickin at my arms", "keep wishing").
 * "had been" / "I'd been" is past perfect and does not count.
 */
function ongoingBefore(doc: Doc, cue: { start: number; end: number }): boolean {
  const clause = doc.tokens[cue.start].clause;
  for (let k = cue.start; k >= 0 && k >= cue.start - 6 && doc.tokens[k].clause === clause; k--) {
    const key = doc.tokens[k].key;
    if (!ONGOING.has(key)) continue;
    if (!ownSubject(doc, k)) continue;
    for (let j = k + 1; j <= k + 3 && j < doc.tokens.length && doc.tokens[j].clause === clause; j++) {
      if (j < cue.end && isIng(doc.tokens[j].key)) return true;
    }
  }
  return false;
}

const cache = new WeakMap<Doc, Marker[][]>();

/** Time markers grouped by clause, computed once per document. */
function markersByClause(doc: Doc): Marker[][] {
  let byClause = cache.get(doc);
  if (byClause) return byClause;
  byClause = doc.clauses.map(() => []);
  // A present word inside an explicit past time is part of it: "two years ago tonight",
  // "a year ago today" are anniversaries, not immediacy.
  const pastTimes = matches(doc, 'context.pastStrong');
  const insidePast = (m: { start: number; end: number }): boolean =>
    pastTimes.some((p) => p.start <= m.start && p.end >= m.end && (p.start < m.start || p.end > m.end));
  for (const [list] of ORDER) {
    for (const m of matches(doc, list)) {
      if (list !== 'context.pastStrong' && insidePast(m)) continue;
      if (list === 'context.pastVerb' && irrealis(doc, m.start)) continue;
      byClause[doc.tokens[m.start].clause].push({ list, start: m.start, end: m.end });
    }
  }
  cache.set(doc, byClause);
  return byClause;
}

/**
 * How much a past-tense verb says. Self-harm and stigma read any past verb in the clause
 * ("I was so low that ending it seemed..."); sourcing, dosing and overdose only a verb right
 * before the cue, since "if I haven't used in a while" or "he took something and..." do not
 * put the request or the emergency in the past.
 */
export interface TenseOptions {
  /** A past verb opening the cue itself ("wanted to die") makes it past. */
  startVerb?: boolean;
  /** Any past verb elsewhere in the clause makes it past. */
  clauseVerbs?: boolean;
  /**
   * Self-harm reads the author's ongoing frame ("I've been cuttin", "keep wishing") as present
   * even beside a past verb, and a period inside the cue ("cut my leg again") as present. Off for
   * the others: "three overdoses this week that didn't respond" is a report.
   */
  periods?: boolean;
}

function classify(doc: Doc, markers: Marker[], cue: { start: number; end: number }, opts: TenseOptions): Tense | null {
  const startVerb = opts.startVerb ?? true;
  const clauseVerbs = opts.clauseVerbs ?? true;
  const outside = markers.filter((m) => m.end <= cue.start || m.start >= cue.end);
  const has = (list: string): boolean => outside.some((m) => m.list === list);
  // A period inside the cue counts for self-harm: "cut my leg again".
  const period = markers.some((m) => m.list === 'context.presentTime');
  if (has('context.presentStrong')) return 'present';
  if (has('context.pastStrong')) return 'past';
  if (has('context.recent')) return 'recent';
  const periods = opts.periods ?? false;
  if (periods && ongoingBefore(doc, cue)) return 'present';
  // A past verb right before the cue (only small words between), or opening it, governs it:
  // "tried to kill myself", "thought seriously about ending my life", "wanted to die"; not
  // "when they went to bed I burned my arm".
  const governs = (m: Marker): boolean => {
    if (startVerb && m.start === cue.start) return true;
    if (m.end > cue.start || m.end < cue.start - 3) return false;
    // "was a junkie shooting up" and "was thinking about ending it" are governed; "went to bed
    // I burned my arm" starts a new verb after the first one's object. A quoted subject is the
    // object's words ('had my first "i want to die" thought'), not a new verb.
    let object = false;
    for (let k = m.end; k < cue.start; k++) {
      const key = doc.tokens[k].key;
      if (object && SUBJECT.has(key) && !doc.quoted[k]) return false;
      if (!GOVERNING_GAP.has(key) && !isIng(key)) object = true;
    }
    return true;
  };
  const near = markers.some((m) => m.list === 'context.pastVerb' && governs(m));
  if (near) return 'past';
  // Today, again, this week, for two weeks, lately: the act is this period's, even in a past
  // verb ("burned myself on purpose today", "when they went to bed I cut my leg again").
  if (has('context.presentTime') || (periods && period) || has('context.presentWeak')) return 'present';
  if (clauseVerbs && has('context.pastVerb')) return 'past';
  return null;
}

/** Pictographs (not ©, ®, ™, which sit inside brand names). */
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const NOT_A_STOP = /[\u00a9\u00ae\u2122]/u;

/**
 * Members end a thought with an emoji instead of a full stop ("my mom was sick 😭 i want to
 * die"): a marker on the other side of an emoji does not set the cue's tense. Only tense reads
 * this; sentences stay whole for the other detectors, where emoji often stand in for words
 * ("anyone got 💊 near ...").
 */
function emojiBetween(doc: Doc, a: Marker, cue: { start: number; end: number }): boolean {
  const [from, to] =
    a.end <= cue.start
      ? [doc.tokens[a.end - 1].end, doc.tokens[cue.start].start]
      : [doc.tokens[cue.end - 1].end, doc.tokens[a.start].start];
  if (to <= from) return false;
  for (const ch of doc.text.slice(from, to)) if (PICTOGRAPH.test(ch) && !NOT_A_STOP.test(ch)) return true;
  return false;
}

/** Tense of the cue at tokens [start, end); 'present' when nothing says otherwise. */
export function tenseOf(doc: Doc, start: number, end: number, opts: TenseOptions = {}): Tense {
  const byClause = markersByClause(doc);
  const cue = { start, end };
  const reachable = (ms: Marker[]): Marker[] => ms.filter((m) => !emojiBetween(doc, m, cue));
  const own = classify(doc, reachable(byClause[doc.tokens[start].clause]), cue, opts);
  if (own) return own;
  const sentence = doc.sentences[doc.tokens[start].sentence];
  const first = doc.tokens[sentence.start].clause;
  const last = doc.tokens[sentence.end - 1].clause;
  const all: Marker[] = [];
  for (let c = first; c <= last; c++) all.push(...byClause[c]);
  return classify(doc, reachable(all), cue, opts) ?? 'present';
}

/** Any marker of `list` in the cue's clause (outside the cue)? */
export function clauseHas(doc: Doc, list: string, start: number, end: number): boolean {
  return markersByClause(doc)[doc.tokens[start].clause].some((m) => m.list === list && (m.end <= start || m.start >= end));
}
