/**
 * `screen`: JSONL in ({"id","text"[,"recentDuplicateCount"]}), one JSONL decision out per
 * line. A malformed line gets {"line", "error"[, "id"]} and the rest still run. Returns the
 * exit code: 0, or 1 when any line was malformed.
 */
import { createInterface } from 'node:readline';
import { screenText } from '../engine';
import type { ScreeningDecision } from '../engine';
import type { Screener } from '../screener';

export function decisionLine(id: unknown, d: ScreeningDecision): Record<string, unknown> {
  return {
    id,
    outcome: d.outcome,
    categories: d.categories,
    priority: d.priority,
    reasons: d.reasons.map((r) => ({ category: r.category, severity: r.severity, start: r.start, end: r.end, detail: r.detail })),
    suggestions: d.suggestions.map((s) => ({ term: s.term, suggestion: s.suggestion, start: s.start, end: s.end })),
    crisisResources: d.crisisResources,
  };
}

/** Screen one input line; returns the output object (a decision or an error). */
export function screenLine(line: string, lineNumber: number, screen: Screener): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { line: lineNumber, error: `invalid JSON: ${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line: lineNumber, error: 'expected a JSON object' };
  const v = value as Record<string, unknown>;
  const withId = v.id !== undefined ? { id: v.id } : {};
  if (typeof v.text !== 'string') return { line: lineNumber, ...withId, error: 'missing or non-string "text"' };
  const dup = v.recentDuplicateCount;
  if (dup !== undefined && (typeof dup !== 'number' || !Number.isInteger(dup) || dup < 0)) {
    return { line: lineNumber, ...withId, error: '"recentDuplicateCount" must be a non-negative integer' };
  }
  const context = dup !== undefined ? { recentDuplicateCount: dup } : undefined;
  return decisionLine(v.id ?? null, screen(v.text, context));
}

function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (output.write(text)) resolve();
    else output.once('drain', () => resolve());
  });
}

export async function runScreenCommand(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, screener?: Screener): Promise<number> {
  const screen: Screener = screener ?? ((text, context) => screenText(text, context));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let failed = false;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const out = screenLine(line, lineNumber, screen);
    if ('error' in out) failed = true;
    await write(output, `${JSON.stringify(out)}\n`);
  }
  return failed ? 1 : 0;
}
