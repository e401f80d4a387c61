/**
 * What a benchmark section reports: named figures, each optionally beside a baseline measured
 * in the same run, as a ratio. `npm run bench` prints them as a table and writes the same
 * figures as JSON; nothing here asserts a time.
 */
export interface BenchFigure {
  /** What was measured, e.g. "anonymous feed, 50 connections: requests/s". */
  name: string;
  value: number;
  unit: string;
  /** The same quantity for the baseline measured in the same run. */
  baseline?: { name: string; value: number };
  /** A target the issue sets, stated for the reader (never asserted). */
  target?: string;
}

export interface BenchSection {
  section: string;
  figures: BenchFigure[];
  /** Free-form lines worth reading beside the table (query plans, peak RSS, notes). */
  notes?: string[];
}

/** value / baseline, the way the table shows it. */
export function ratio(figure: BenchFigure): number | null {
  if (!figure.baseline || figure.baseline.value === 0) return null;
  return figure.value / figure.baseline.value;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** One fixed-width table per section. */
export function formatSection(section: BenchSection): string {
  const rows = section.figures.map((figure) => {
    const r = ratio(figure);
    return [
      figure.name,
      `${formatNumber(figure.value)} ${figure.unit}`,
      figure.baseline ? `${formatNumber(figure.baseline.value)} ${figure.unit} (${figure.baseline.name})` : '',
      r === null ? '' : `${(r * 100).toFixed(1)}%`,
      figure.target ?? '',
    ];
  });
  const header = ['figure', 'value', 'baseline', 'ratio', 'target'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...(section.notes ?? [])].join('\n');
}

/** Percentile of an unsorted sample (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
