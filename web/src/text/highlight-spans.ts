export interface Span {
  start: number;
  end: number;
  label?: string;
}

export interface ReasonSpan {
  category: string;
  excerpt: string | null;
  start: number | null;
  end: number | null;
}

/** Reasons' spans that still point at the words they were about (an edit can move text). */
export function liveSpans(body: string, reasons: ReasonSpan[]): Span[] {
  return reasons
    .filter(
      (reason) =>
        reason.start !== null && reason.end !== null && reason.excerpt !== null && body.slice(reason.start, reason.end) === reason.excerpt,
    )
    .map((reason) => ({ start: reason.start as number, end: reason.end as number, label: reason.category }));
}

/** The body cut into plain and marked pieces; overlapping spans merge into the first. */
export function splitBySpans(body: string, spans: Span[]): Array<{ text: string; span: Span | null }> {
  const sorted = spans
    .filter((span) => span.start >= 0 && span.end > span.start && span.end <= body.length)
    .sort((a, b) => a.start - b.start);
  const pieces: Array<{ text: string; span: Span | null }> = [];
  let at = 0;
  for (const span of sorted) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    if (start > at) pieces.push({ text: body.slice(at, start), span: null });
    pieces.push({ text: body.slice(start, span.end), span });
    at = span.end;
  }
  if (at < body.length) pieces.push({ text: body.slice(at), span: null });
  return pieces;
}
