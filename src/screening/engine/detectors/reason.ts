/** Building explainable reasons: every reason names its words and why they matter here. */
import type { Doc } from '../doc';
import { overlaps, quote, spanOf } from '../doc';
import type { Match } from '../pattern';
import type { Reason, ScreeningCategory, Severity } from '../types';

/** Between a reason's why and the member's words it quotes. */
export const QUOTE_SEPARATOR = ': "';

export function reason(doc: Doc, category: ScreeningCategory, severity: Severity, from: number, to: number, why: string): Reason {
  const span = spanOf(doc, from, to);
  return { category, severity, start: span.start, end: span.end, detail: `${why}${QUOTE_SEPARATOR}${quote(doc, from, to)}"` };
}

/**
 * A reason's why without the member's words it quotes, for records that outlive those words
 * (the append-only audit log, a case whose post's words were erased). Rules write the why,
 * and none puts the separator in it, so the first one is where the quote starts.
 */
export function withoutQuote(detail: string): string {
  const at = detail.indexOf(QUOTE_SEPARATOR);
  return at < 0 ? detail : detail.slice(0, at);
}

/** Drop matches that overlap any of `cancel` (an idiom, an exclusion). */
export function without(ms: readonly Match[], cancel: readonly Match[]): Match[] {
  return cancel.length === 0 ? [...ms] : ms.filter((m) => !cancel.some((c) => overlaps(m, c)));
}
