/**
 * Tense and time: past survival ("I tried to end my life in 2019") vs present intent ("tonight
 * I'm taking every pill"). Markers are phrase lists; the cue's own clause decides first, then
 * its sentence. Order of strength: an intent/immediacy marker (tonight, anymore, going to)
 * beats an explicit past time (in 2019, used to), then a recent time (last night), then a
 * past verb governing the cue (tried to..., wanted to...), then a weak present (today, now,
 * still), then any past-tense verb in the clause (was, thought).
 */
import type { Doc } from '../doc';
import { matches } from '../doc';

export type Tense = 'present' | 'recent' | 'past';

const ORDER: Array<[string, Tense]> = [
  ['context.presentStrong', 'present'],
  ['context.pastStrong', 'past'],
  ['context.recent', 'recent'],
  ['context.presentWeak', 'present'],
  ['context.pastVerb', 'past'],
];

interface Marker {
  list: string;
  start: number;
  end: number;
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
}

function classify(markers: Marker[], cue: { start: number; end: number }, opts: TenseOptions): Tense | null {
  const startVerb = opts.startVerb ?? true;
  const clauseVerbs = opts.clauseVerbs ?? true;
  const outside = markers.filter((m) => m.end <= cue.start || m.start >= cue.end);
  const has = (list: string): boolean => outside.some((m) => m.list === list);
  if (has('context.presentStrong')) return 'present';
  if (has('context.pastStrong')) return 'past';
  if (has('context.recent')) return 'recent';
  // A past verb right before the cue, or opening it, governs it: "tried to kill myself",
  // "thought about ending my life", "wanted to die".
  const near = markers.some(
    (m) => m.list === 'context.pastVerb' && ((m.end <= cue.start && m.end >= cue.start - 3) || (startVerb && m.start === cue.start)),
  );
  if (near) return 'past';
  if (has('context.presentWeak')) return 'present';
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
  const own = classify(reachable(byClause[doc.tokens[start].clause]), cue, opts);
  if (own) return own;
  const sentence = doc.sentences[doc.tokens[start].sentence];
  const first = doc.tokens[sentence.start].clause;
  const last = doc.tokens[sentence.end - 1].clause;
  const all: Marker[] = [];
  for (let c = first; c <= last; c++) all.push(...byClause[c]);
  return classify(reachable(all), cue, opts) ?? 'present';
}

/** Any marker of `list` in the cue's clause (outside the cue)? */
export function clauseHas(doc: Doc, list: string, start: number, end: number): boolean {
  return markersByClause(doc)[doc.tokens[start].clause].some((m) => m.list === list && (m.end <= start || m.start >= end));
}
