/** Building explainable reasons: every reason names its words and why they matter here. */
import type { Doc } from '../doc';
import { overlaps, quote, spanOf } from '../doc';
import type { Match } from '../pattern';
import type { Reason, ScreeningCategory, Severity } from '../types';

export function reason(doc: Doc, category: ScreeningCategory, severity: Severity, from: number, to: number, why: string): Reason {
  const span = spanOf(doc, from, to);
  return { category, severity, start: span.start, end: span.end, detail: `${why}: "${quote(doc, from, to)}"` };
}

/** Drop matches that overlap any of `cancel` (an idiom, an exclusion). */
export function without(ms: readonly Match[], cancel: readonly Match[]): Match[] {
  return cancel.length === 0 ? [...ms] : ms.filter((m) => !cancel.some((c) => overlaps(m, c)));
}
