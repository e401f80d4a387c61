/**
 * Reading Prometheus' text format in tests: the sum of the samples of one metric whose
 * labels include the given ones (null when there is none), and every label value scraped.
 */
export function sampleSum(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  let sum: number | null = null;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const pairs: string[] = match[3] ? (match[3].match(/[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"/g) ?? []) : [];
    if (wanted.every((pair) => pairs.includes(pair))) sum = (sum ?? 0) + Number(match[4]);
  }
  return sum;
}

export function labelValues(text: string): string[] {
  const values: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    for (const match of line.matchAll(/[a-zA-Z_][a-zA-Z0-9_]*="((?:[^"\\]|\\.)*)"/g)) values.push(match[1]);
  }
  return values;
}
