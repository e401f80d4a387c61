/**
 * "Flat at a million posts" (issue 8): the reads a visitor makes (the feed, a deep feed page,
 * a space page, a thread with 500 replies, search) on a nearly empty forum (the baseline: the
 * same seeder, BASELINE_POSTS posts, so the same queries return pages) and again after
 * `seed-load` writes BENCH_SCALE_POSTS more (default 1,000,000), in one run. Reports p50/p99
 * sequential and under a short concurrent run, each beside its baseline, the seeding time,
 * the database size, the process's peak RSS under load, and the EXPLAIN (ANALYZE, BUFFERS)
 * of every statement the requests issue, condensed. Figures only; nothing is asserted.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import * as ts from 'typescript';
import { startKindred } from '../src/bootstrap';
import { LONG_THREAD_TITLE } from '../src/cli/seed/seed-plan';
import { loadConfig } from '../src/config/config';
import { BenchFigure, BenchSection, percentile } from './report';
import { embeddedBenchEnv } from './support/bench-kindred';

const BASELINE_POSTS = 1000;
const SEQUENTIAL = Number(process.env.BENCH_SCALE_REQUESTS || 300);
const CONCURRENCY = 8;
const CONCURRENT_EACH = 25;
/** How deep the "old position" of the feed is, in threads (page ~1000 of 20), or the last page of a smaller forum. */
const DEEP_POSITION = 20_000;
const SPACE_SLUG = 'cravings-coping';
const SEARCHES = { 'search, a common word': 'meeting', 'search, two rarer words': 'naloxone kit' };
const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');

/**
 * The web client's own documents (web/src/api/documents.ts: string constants only), read from
 * the source so the bench selects exactly what the client does; importing the file would
 * compile it into dist/web, the folder the client is served from.
 */
function clientDocuments(): Record<'FEED' | 'SPACE' | 'THREAD' | 'SEARCH', string> {
  const source = fs.readFileSync(path.join(ROOT, 'web', 'src', 'api', 'documents.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } });
  const exports: Record<string, string> = {};
  // The client's constants, from this repository's own source.
  new Function('exports', outputText)(exports);
  return exports as Record<'FEED' | 'SPACE' | 'THREAD' | 'SEARCH', string>;
}
let documents: ReturnType<typeof clientDocuments> | null = null;
const docs = () => (documents ??= clientDocuments());

interface Gql {
  (query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

function gqlAt(url: string): Gql {
  return async (query, variables = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** Runs `seed-load` as the operator would, joining the running embedded cluster; returns its wall time. */
function seed(env: NodeJS.ProcessEnv, posts: number, seedValue: number, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'seed-load', '--posts', String(posts), '--seed', String(seedValue)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (/posts|seeded/.test(line)) log(`  seed-load: ${line.trim()}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`seed-load exited ${code}:\n${output}`)),
    );
  });
}

interface Operation {
  name: string;
  /** One visit: the requests a client sends for the page. */
  run(): Promise<unknown>;
}

interface Latency {
  p50: number;
  p99: number;
  concurrentP50: number;
  concurrentP99: number;
  samples: number;
}

/** Each operation stops sampling after this long (at least MIN_SAMPLES), so a slow one cannot run for an hour. */
const BUDGET_MS = Number(process.env.BENCH_SCALE_BUDGET_SECONDS || 45) * 1000;
const MIN_SAMPLES = 10;
/** BENCH_SCALE_KEEP_DATA=1 leaves the seeded DATA_DIR behind (e.g. to time a migration on it); else it is removed. */
const KEEP_DATA = process.env.BENCH_SCALE_KEEP_DATA === '1';

async function measure(operation: Operation, sampleRss: () => void): Promise<Latency> {
  for (let i = 0; i < 5; i++) await operation.run();
  const sequential: number[] = [];
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL && (i < MIN_SAMPLES || performance.now() - started < BUDGET_MS); i++) {
    const at = performance.now();
    await operation.run();
    sequential.push(performance.now() - at);
    if (i % 20 === 0) sampleRss();
  }
  const concurrent: number[] = [];
  const concurrentStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = 0; i < CONCURRENT_EACH && (i < 2 || performance.now() - concurrentStarted < BUDGET_MS); i++) {
        const at = performance.now();
        await operation.run();
        concurrent.push(performance.now() - at);
        sampleRss();
      }
    }),
  );
  return {
    p50: percentile(sequential, 50),
    p99: percentile(sequential, 99),
    concurrentP50: percentile(concurrent, 50),
    concurrentP99: percentile(concurrent, 99),
    samples: sequential.length + concurrent.length,
  };
}

/** The endCursor after `position` threads of the feed (or the last full page of a shorter feed). */
async function deepCursor(gql: Gql, position: number): Promise<{ cursor: string | null; reached: number }> {
  let cursor: string | null = null;
  let reached = 0;
  while (reached < position) {
    const data = await gql(docs().FEED, { first: Math.min(100, position - reached), after: cursor });
    const threads = data.threads as { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    if (!threads.pageInfo.hasNextPage) break;
    reached += threads.edges.length;
    cursor = threads.pageInfo.endCursor;
  }
  return { cursor, reached };
}

function operations(gql: Gql, longThreadId: string, deep: string | null): Operation[] {
  const ops: Operation[] = [
    { name: 'feed threads(first: 20)', run: () => gql(docs().FEED, { first: 20 }) },
    { name: 'feed, deep page (cursor)', run: () => gql(docs().FEED, { first: 20, after: deep }) },
    {
      name: `space page (${SPACE_SLUG}: space + its feed)`,
      run: () => Promise.all([gql(docs().SPACE, { slug: SPACE_SLUG }), gql(docs().FEED, { first: 20, spaceSlug: SPACE_SLUG })]),
    },
    { name: 'thread with 500 replies (first 50)', run: () => gql(docs().THREAD, { id: longThreadId }) },
  ];
  for (const [name, query] of Object.entries(SEARCHES))
    ops.push({ name: `${name} ("${query}")`, run: () => gql(docs().SEARCH, { query }) });
  return ops;
}

/** Every statement one visit of `operation` sends through TypeORM, with its parameters. */
async function capturedSql(operation: Operation): Promise<Array<{ sql: string; parameters: unknown[] }>> {
  const statements: Array<{ sql: string; parameters: unknown[] }> = [];
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function capture(this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
    statements.push({ sql: args[0], parameters: Array.isArray(args[1]) ? (args[1] as unknown[]) : [] });
    return original.apply(this, args);
  } as typeof original;
  try {
    await operation.run();
  } finally {
    PostgresQueryRunner.prototype.query = original;
  }
  return statements.filter((statement) => /^\s*(SELECT|WITH)\b/i.test(statement.sql));
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** "Limit > Nested Loop > [Index Scan thread_activity_idx, Index Scan post_pkey]": node types and index names. */
export function condensePlan(node: PlanNode): string {
  const self = node['Index Name']
    ? `${node['Node Type']} ${node['Index Name']}`
    : node['Relation Name']
      ? `${node['Node Type']} on ${node['Relation Name']}`
      : node['Node Type'];
  const children = node.Plans ?? [];
  if (children.length === 0) return self;
  if (children.length === 1) return `${self} > ${condensePlan(children[0])}`;
  return `${self} > [${children.map(condensePlan).join(', ')}]`;
}

async function plans(dataSource: DataSource, ops: Operation[]): Promise<string[]> {
  const lines: string[] = [];
  for (const operation of ops) {
    lines.push(`  ${operation.name}:`);
    const seen = new Set<string>();
    for (const statement of await capturedSql(operation)) {
      if (seen.has(statement.sql)) continue;
      seen.add(statement.sql);
      const [row] = (await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`, statement.parameters)) as Array<{
        'QUERY PLAN': Array<{ Plan: PlanNode & { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number }; 'Execution Time': number }>;
      }>;
      const [{ Plan: plan, 'Execution Time': ms }] = row['QUERY PLAN'];
      const table = /FROM\s+"?(\w+)"?/i.exec(statement.sql)?.[1] ?? '?';
      const buffers = (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0);
      lines.push(`    ${table}: ${condensePlan(plan)} (${ms.toFixed(2)} ms, ${buffers} buffers)`);
    }
  }
  return lines;
}

interface Phase {
  latency: Map<string, Latency>;
  peakRssMb: number;
  deepReached: number;
  plans: string[];
}

async function phase(url: string, dataSource: DataSource, log: (line: string) => void): Promise<Phase> {
  const gql = gqlAt(url);
  const [{ id: longThreadId }] = (await dataSource.query(`SELECT id FROM post WHERE title = $1 ORDER BY created_at DESC LIMIT 1`, [
    LONG_THREAD_TITLE,
  ])) as Array<{ id: string }>;
  // The old position, or in a small forum the last page that still has a cursor before it.
  const [{ threads }] = (await dataSource.query(`SELECT count(*)::int AS threads FROM thread`)) as Array<{ threads: number }>;
  const deep = await deepCursor(gql, Math.min(DEEP_POSITION, Math.max(1, threads - 20)));
  const ops = operations(gql, longThreadId, deep.cursor);
  let peak = 0;
  const sampleRss = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const latency = new Map<string, Latency>();
  for (const operation of ops) {
    const result = await measure(operation, sampleRss);
    latency.set(operation.name, result);
    log(
      `  ${operation.name}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; ${CONCURRENCY} at once p50 ${result.concurrentP50.toFixed(1)} ms`,
    );
  }
  return { latency, peakRssMb: peak / 2 ** 20, deepReached: deep.reached, plans: await plans(dataSource, ops) };
}

async function databaseSizeMb(dataSource: DataSource): Promise<number> {
  const [{ bytes }] = (await dataSource.query(`SELECT pg_database_size(current_database())::float8 AS bytes`)) as Array<{ bytes: number }>;
  return bytes / 2 ** 20;
}

export async function benchScale(log: (line: string) => void = console.log): Promise<BenchSection> {
  const posts = Number(process.env.BENCH_SCALE_POSTS || 1_000_000);
  const { dataDir, env } = await embeddedBenchEnv({
    WORKERS: 'off',
    // The pages are read signed out: without this the anonymous response cache would answer
    // them from memory, and the figures would say nothing about the queries at a million posts.
    RESPONSE_CACHE_TTL_SECONDS: '0',
    WEB_CLIENT: 'off',
  });
  const running = await startKindred(loadConfig(env), { api: true, workers: false });
  const dataSource = running.app.get(DataSource);
  const url = running.url as string;
  try {
    log(`baseline: ${BASELINE_POSTS} posts`);
    const baselineSeedSeconds = await seed(env, BASELINE_POSTS, 1, log);
    const empty = await phase(url, dataSource, log);
    const emptySize = await databaseSizeMb(dataSource);

    log(`seeding ${posts} more posts`);
    const seedSeconds = await seed(env, posts, 2, log);
    const full = await phase(url, dataSource, log);
    const fullSize = await databaseSizeMb(dataSource);

    const baselineName = `${BASELINE_POSTS} posts`;
    const figures: BenchFigure[] = [];
    for (const [name, at] of full.latency) {
      const before = empty.latency.get(name) as Latency;
      const pairs: Array<[string, Exclude<keyof Latency, 'samples'>]> = [
        ['p50', 'p50'],
        ['p99', 'p99'],
        [`p50, ${CONCURRENCY} at once`, 'concurrentP50'],
        [`p99, ${CONCURRENCY} at once`, 'concurrentP99'],
      ];
      for (const [label, key] of pairs)
        figures.push({
          name: `${name}: ${label}`,
          value: at[key],
          unit: 'ms',
          baseline: { name: baselineName, value: before[key] },
          target: '≤ 2x baseline',
        });
    }
    figures.push({
      name: `seed-load of ${posts} posts: wall time`,
      value: seedSeconds,
      unit: 's',
      baseline: { name: `seed-load of ${BASELINE_POSTS} posts`, value: baselineSeedSeconds },
    });
    figures.push({ name: 'database size', value: fullSize, unit: 'MB', baseline: { name: baselineName, value: emptySize } });
    figures.push({
      name: 'peak RSS of the API process under load',
      value: full.peakRssMb,
      unit: 'MB',
      baseline: { name: baselineName, value: empty.peakRssMb },
    });
    return {
      section: 'scale',
      figures,
      notes: [
        `deep page: after ${full.deepReached} threads (baseline: after ${empty.deepReached}); up to ${SEQUENTIAL} sequential visits per figure, then ${CONCURRENCY} clients x ${CONCURRENT_EACH}, each phase stopping after ${BUDGET_MS / 1000} s (at least ${MIN_SAMPLES} visits).`,
        'RSS is the bench process, which hosts the API (and the small load generator; seeding runs in its own process).',
        `EXPLAIN (ANALYZE, BUFFERS) of each statement a visit sends, at ${posts} posts:`,
        ...full.plans,
        `the same at ${BASELINE_POSTS} posts:`,
        ...empty.plans,
      ],
    };
  } finally {
    await running.close();
    if (KEEP_DATA) log(`kept the database in ${dataDir} (BENCH_SCALE_KEEP_DATA)`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
