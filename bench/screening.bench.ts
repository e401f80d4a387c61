/**
 * Screening engine benchmarks: throughput on the dev corpus, on long posts, and the worst
 * case on crafted adversarial posts. Prints figures and ratios; never asserts (timing is
 * machine-dependent; correctness of the linear-time design is guarded by adversarial.spec).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultRules, screenText } from '../src/screening/engine';
import { analyze } from '../src/screening/engine/doc';
import { loadModel } from '../src/screening/model/load-model';
import { modelOpinion } from '../src/screening/model/opinion';

export interface BenchResult {
  name: string;
  posts: number;
  ms: number;
  postsPerSecond: number;
  charsPerSecond: number;
  worstMs: number;
}

function corpusTexts(): string[] {
  const path = resolve(process.cwd(), 'test/fixtures/screening-dev.jsonl');
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

function run(name: string, texts: readonly string[], repeat: number): BenchResult {
  for (const t of texts.slice(0, 20)) screenText(t); // warm-up
  let worst = 0;
  let chars = 0;
  const start = performance.now();
  for (let r = 0; r < repeat; r++) {
    for (const t of texts) {
      const s = performance.now();
      screenText(t);
      worst = Math.max(worst, performance.now() - s);
      chars += t.length;
    }
  }
  const ms = performance.now() - start;
  const posts = texts.length * repeat;
  return { name, posts, ms, postsPerSecond: (posts / ms) * 1000, charsPerSecond: (chars / ms) * 1000, worstMs: worst };
}

/** ~10,000-character posts stitched from corpus sentences. */
export function longPosts(texts: readonly string[], count: number, size = 10_000): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let k = i; s.length < size; k++) s += `${texts[k % texts.length]} `;
    out.push(s.slice(0, size));
  }
  return out;
}

/** 20,000-character inputs aimed at the usual backtracking and blow-up traps. */
export function adversarialPosts(size = 20_000): Array<[string, string]> {
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [
    ['separators', fill('.-_*~ ')],
    ['spelled near-miss j.j.j.', fill('j.')],
    ['spelled letters j u n k', fill('j u n k ')],
    ['digits', fill('6145550192 ')],
    ['digit words', fill('six one four ')],
    ['spaces', ' '.repeat(size)],
    ['one long word', fill('a')],
    ['stretched letters', fill('junkiiiiiiie')],
    ['emoji', fill('\u{1F64F}\u{1F3FD}\u200d')],
    ['nested quotes', fill('"\'"\'“‘ ')],
    ['at signs', fill('a@b@')],
    ['near-miss phrase', fill('kill my kill your kill ')],
    ['stars as vowels', fill('j*nk** ')],
    ['cues repeated', fill('I want to die tonight. ')],
    ['look-alikes', fill('\u0430\u0435\u043e\uff4a\uff55 ')],
  ];
}

export interface StageTimes {
  medianMs: number;
  p99Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function stage(samples: number[]): StageTimes {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
}

/**
 * Per typical post, the rules alone, the model alone (its features, scores and any explanation,
 * on the tokens the rules already made) and the whole engine with the model after the rules
 * (the model is asked only when the rules would publish), each timed post by post.
 */
export function benchRulesAndModel(
  log: (line: string) => void = console.log,
  repeat = 50,
): { rules: StageTimes; model: StageTimes; total: StageTimes } | null {
  const t0 = performance.now();
  const model = loadModel({ kind: 'bundled' });
  if (!model) return null;
  log(`model ${model.version} read once in ${(performance.now() - t0).toFixed(1)} ms`);
  const rules = defaultRules();
  const opinion = modelOpinion(model);
  const texts = corpusTexts();
  const docs = texts.map((t) => analyze(t, rules));
  for (const [i, t] of texts.entries()) {
    screenText(t, undefined, rules, opinion);
    opinion.review(docs[i]);
  }
  const samples = { rules: [] as number[], model: [] as number[], total: [] as number[] };
  for (let r = 0; r < repeat; r++) {
    for (const [i, t] of texts.entries()) {
      let s = performance.now();
      screenText(t, undefined, rules);
      samples.rules.push(performance.now() - s);
      s = performance.now();
      opinion.review(docs[i]);
      samples.model.push(performance.now() - s);
      s = performance.now();
      screenText(t, undefined, rules, opinion);
      samples.total.push(performance.now() - s);
    }
  }
  const result = { rules: stage(samples.rules), model: stage(samples.model), total: stage(samples.total) };
  log(`per post, dev corpus (${texts.length} posts x ${repeat})    median      p99`);
  for (const [name, t] of [
    ['rules only', result.rules],
    ["model only (on the rules' tokens)", result.model],
    ['total (rules, then model)', result.total],
  ] as const) {
    log(`  ${name.padEnd(38)} ${t.medianMs.toFixed(3).padStart(7)} ms ${t.p99Ms.toFixed(3).padStart(7)} ms`);
  }
  return result;
}

export function benchScreening(log: (line: string) => void = console.log): BenchResult[] {
  const t0 = performance.now();
  defaultRules();
  log(`rules compiled once in ${(performance.now() - t0).toFixed(1)} ms`);
  const texts = corpusTexts();
  const results: BenchResult[] = [];
  const corpus = run('dev corpus (60 posts x 200)', texts, 200);
  results.push(corpus);
  const long = run('long posts (10,000 chars) x 20', longPosts(texts, 20), 1);
  results.push(long);
  for (const r of results) {
    log(
      `${r.name.padEnd(36)} ${r.postsPerSecond.toFixed(0).padStart(8)} posts/s  ${(r.charsPerSecond / 1e6).toFixed(2)} M chars/s  worst ${r.worstMs.toFixed(2)} ms`,
    );
  }
  log(`chars/s ratio long vs short: ${(long.charsPerSecond / corpus.charsPerSecond).toFixed(2)} (1.0 = linear)`);
  let worst = 0;
  let worstName = '';
  for (const [name, text] of adversarialPosts()) {
    screenText(text);
    const s = performance.now();
    screenText(text);
    const ms = performance.now() - s;
    if (ms > worst) [worst, worstName] = [ms, name];
    log(`adversarial ${name.padEnd(26)} ${String(text.length).padStart(6)} chars  ${ms.toFixed(1).padStart(7)} ms`);
  }
  const typical = (10_000 / long.charsPerSecond) * 1000 * 2;
  log(`adversarial worst: ${worstName} ${worst.toFixed(1)} ms = ${(worst / typical).toFixed(2)}x a typical 20,000-char post`);
  results.push({
    name: `adversarial worst (${worstName})`,
    posts: 1,
    ms: worst,
    postsPerSecond: 1000 / worst,
    charsPerSecond: (20_000 / worst) * 1000,
    worstMs: worst,
  });
  return results;
}
