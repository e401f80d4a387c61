/**
 * Submit → PUBLISHED, end to end, the way members and readers meet it. Kindred runs as it is
 * deployed, in processes of its own: `npm start` (API and screening workers in one process),
 * and `WORKERS=off npm start` beside `npm run worker`. This process is only the clients:
 * members start threads at a steady rate over GraphQL, and a signed-in reader (another
 * member) polls the feed every POLL_MS and notes when each thread appears in it (the API
 * has no subscription for members' posts). Then the pipeline's throughput (THROUGHPUT_POSTS
 * queued at once, screened and published) beside BullMQ's throughput for a no-op job on the
 * same backend. On BullMQ's Postgres backend on the embedded database, and on Redis when
 * REDIS_URL is set or redis-server is on PATH.
 *
 * Where the time goes, per post, from the server's own records: the post's commit time, the
 * job's added / started / finished times, the decision's time. CPU per post, from /proc,
 * for each server process, Postgres and Redis. Figures only; nothing here asserts a time.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Job } from 'bullmq';
import { Client } from 'pg';
import { loadConfig } from '../src/config/config';
import { prepareDatabase } from '../src/database/prepare-database';
import { createQueueConnection, QueueConnection } from '../src/queue/queue-connection';
import { QueueName, ScreenPostJob, screenPostJobId } from '../src/queue/queue-names';
import { BenchFigure, BenchSection, percentile } from './report';
import { BenchRedis, benchRedis } from './redis-server';
import { embeddedBenchEnv, benchGql as gql } from './support/bench-kindred';

/** PUBLISH_BENCH_* shorten the runs while developing; the issue's figures are 6 s at 50 and 100 posts/s, and 500 posts. */
const SECONDS = Number(process.env.PUBLISH_BENCH_SECONDS ?? 6);
const RATES = (process.env.PUBLISH_BENCH_RATES ?? '50,100').split(',').map(Number);
const THROUGHPUT_POSTS = Number(process.env.PUBLISH_BENCH_THROUGHPUT_POSTS ?? 500);
const MEMBERS = 50;
/**
 * The reader confirms each post became visible; it does not time it. Polling a signed-in feed
 * of hundreds of threads every 10 ms cost about a core on 2 and slowed the very pipeline it
 * watched, so the figures are the server's own records and the reader polls at a gentle pace.
 */
const POLL_MS = Number(process.env.PUBLISH_BENCH_POLL_MS ?? 200);
const READER_PAGE_MAX = 1000;
const TARGET = 'p99 < 250 ms';
const PASSPHRASE = 'a bench passphrase';

const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { token } }`;
const START = `mutation S($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const FEED = `query Feed($first: Int!) { threads(first: $first) { edges { node { id } } } }`;

const OPENINGS = [
  'Day {n} and I am still here.',
  'Went to my home group meeting tonight.',
  'Called my sponsor this morning before work.',
  'Slept through the night for the first time in weeks.',
  'My daughter asked me to read her a story at bedtime.',
  'Picked up my one-year chip on Sunday.',
  'Walked the dog around the block before dinner.',
  'Had coffee with an old friend who knew me before.',
  'Started a gratitude list on the fridge.',
  'Cooked a real breakfast for the family today.',
  'Went to the clinic for my appointment and stayed honest.',
  'Spent the afternoon in the garden with my mother.',
];
const MIDDLES = [
  'The evening was quieter than last week and I noticed it.',
  'I wrote down three things that went right and read them twice.',
  'Some moments were heavy, so I took a walk and breathed slowly.',
  'I listened more than I talked, and that felt good.',
  'My counselor reminded me that progress is not a straight line.',
  'I let myself rest instead of pushing through everything.',
  'We laughed at an old movie and I felt present for all of it.',
  'I asked for help with the dishes and the world kept turning.',
  'The meeting speaker said something about patience that stayed with me.',
  'I drank a lot of water and went to bed early.',
  'A neighbour waved and I waved back without hiding.',
];
const CLOSINGS = [
  'Grateful for this group.',
  'Thank you all for reading.',
  'One day at a time, friends.',
  'Sending kindness to anyone having a hard night.',
  'Hope your week is gentle.',
  'Glad this group is here.',
  'Proud of a small good day.',
];

/** Calm, varied recovery-forum posts that screening publishes; no two alike (screening counts an author's repeats). */
export function calmPost(i: number): { title: string; body: string } {
  const opening = OPENINGS[i % OPENINGS.length].replace('{n}', String(30 + (i % 400)));
  const middle = MIDDLES[Math.floor(i / OPENINGS.length) % MIDDLES.length];
  const closing = CLOSINGS[Math.floor(i / (OPENINGS.length * MIDDLES.length)) % CLOSINGS.length];
  return { title: `Check-in ${i + 1}`, body: `${opening} ${middle} ${closing} (check-in ${i + 1})` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time of a process and of its children it reaped (Linux /proc), in ms; 0 without /proc. */
function processCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime (fields 14 to 17 of stat) in clock ticks of 10 ms.
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) * 10;
  } catch {
    return 0;
  }
}

/** CPU of the embedded cluster: the postmaster (with the backends it reaped) and its live backends. */
function postgresCpuMs(dataDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  let total = processCpuMs(postmaster);
  for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (parent === postmaster) total += processCpuMs(Number(entry));
    } catch {
      // Exited meanwhile: its time is in the postmaster's reaped-children time now.
    }
  }
  return total;
}

type CpuReadings = Record<string, number>;

/** The highest resident set size a process reached so far (VmHWM), in MB; null off Linux. */
function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function cpuPerPost(before: CpuReadings, after: CpuReadings, posts: number): string {
  return Object.keys(after)
    .map((name) => `${name} ${((after[name] - (before[name] ?? 0)) / posts).toFixed(1)}`)
    .join(', ');
}

/** One post: the clients' times, then the server's records (all epoch ms, one host, one clock). */
interface Trace {
  id: string;
  sent: number;
  answered: number;
  seen?: number;
  committed?: number;
  added?: number;
  taken?: number;
  decided?: number;
  finished?: number;
}

/** Notes when threads appear in the feed of a signed-in member who did not write them: one request a poll. */
class Reader {
  /** Awaited thread ids, by the order they were started in. */
  private readonly awaited = new Map<string, number>();
  private started = 0;
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly seen: (id: string, at: number) => void,
  ) {
    this.loop = this.run();
  }

  watch(id: string): void {
    this.awaited.set(id, this.started++);
  }

  get waiting(): number {
    return this.awaited.size;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const started = Date.now();
      if (this.awaited.size > 0) {
        // Publishing moves a thread to the top of the feed: as deep as the threads started
        // since the oldest one awaited is always deep enough.
        const first = Math.min(READER_PAGE_MAX, this.started - Math.min(...this.awaited.values()) + 20);
        const data = await gql<{ threads: { edges: Array<{ node: { id: string } }> } }>(this.url, FEED, { first }, this.token);
        const now = Date.now();
        for (const { node } of data.threads.edges) if (this.awaited.delete(node.id)) this.seen(node.id, now);
      }
      await sleep(Math.max(0, POLL_MS - (Date.now() - started)));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}

/** A Kindred process (`node dist/src/main.js` or `worker.js`), ready when it says so. */
interface ServerProcess {
  pid: number;
  url: string | null;
  stop(): Promise<void>;
}

async function startServer(script: 'main' | 'worker', env: Record<string, string | undefined>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, '..', 'src', `${script}.js`)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let timer: NodeJS.Timeout | undefined;
  const url = await new Promise<string | null>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /Kindred is ready: (\S+)/.exec(out);
      const api = ready && /API: (\S+?)\)/.exec(out);
      if (ready) resolve(api ? api[1] : ready[1]);
      else if (out.includes('screening workers running')) resolve(null);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready: ${out.slice(-2000)}`)));
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not say it was ready within 2 minutes: ${out.slice(-2000)}`));
    }, 120_000);
  }).finally(() => clearTimeout(timer));
  child.removeAllListeners('exit');
  child.stdout?.removeAllListeners('data');
  child.stdout?.resume();
  return {
    pid: child.pid as number,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One deployment under test: the database, the queue, the server processes and the clients. */
interface Stand {
  label: string;
  backend: 'postgres' | 'redis';
  url: string;
  tokens: string[];
  reader: Reader;
  traces: Map<string, Trace>;
  /** The app's database, as its owner: to read the posts' times. */
  db: Client;
  queue: QueueConnection;
  cpu: () => CpuReadings;
  /** Each server process's peak RSS so far, for the notes. */
  peakRss: () => string;
  spaceId: string;
  next: number;
}

async function submit(stand: Stand, i: number, watch: boolean): Promise<string | null> {
  const sent = Date.now();
  try {
    const post = calmPost(stand.next++);
    const data = await gql<{ startThread: { id: string } }>(
      stand.url,
      START,
      { input: { spaceId: stand.spaceId, ...post } },
      stand.tokens[i % stand.tokens.length],
    );
    const id = data.startThread.id;
    stand.traces.set(id, { id, sent, answered: Date.now() });
    if (watch) stand.reader.watch(id);
    return id;
  } catch (error) {
    console.error(`submit failed: ${(error as Error).message}`);
    return null;
  }
}

/** The server's own times for the posts: commit (post row), job added, started, finished, and the decision. */
async function serverTimes(stand: Stand, traces: Trace[]): Promise<void> {
  const rows = (await stand.db.query(
    `SELECT id, revision, (extract(epoch FROM created_at) * 1000)::float8 AS committed, (extract(epoch FROM published_at) * 1000)::float8 AS decided
       FROM post WHERE id = ANY($1::uuid[])`,
    [traces.map((t) => t.id)],
  )) as { rows: Array<{ id: string; revision: number; committed: number; decided: number | null }> };
  const queue = stand.queue.createQueue<ScreenPostJob>(QueueName.SCREENING);
  try {
    for (const row of rows.rows) {
      const trace = stand.traces.get(row.id);
      if (!trace) continue;
      trace.committed = row.committed;
      trace.decided = row.decided ?? undefined;
      const job: Job<ScreenPostJob> | undefined = await queue.getJob(screenPostJobId({ postId: row.id, revision: row.revision }));
      if (job) {
        trace.added = job.timestamp;
        trace.taken = job.processedOn;
        trace.finished = job.finishedOn;
      }
    }
  } finally {
    await queue.close();
  }
}

function stageNote(label: string, traces: Trace[]): string {
  const span = (from: keyof Trace, to: keyof Trace) => {
    const values = traces.flatMap((t) => {
      const a = t[from];
      const b = t[to];
      return typeof a === 'number' && typeof b === 'number' ? [b - a] : [];
    });
    return values.length === 0 ? 'n/a' : `${percentile(values, 50).toFixed(0)}/${percentile(values, 99).toFixed(0)}`;
  };
  return (
    `${label}: p50/p99 ms: sent→committed ${span('sent', 'committed')}, committed→job added ${span('committed', 'added')}, ` +
    `added→taken ${span('added', 'taken')}, taken→decided ${span('taken', 'decided')}, decided→job finished ${span('decided', 'finished')}, ` +
    `decided→seen ${span('decided', 'seen')}; sent→answered ${span('sent', 'answered')}`
  );
}

/** Posts at `rate` for SECONDS and waits (30 s at most) for the reader to see each; figures, stages and CPU per post. */
async function steadyRate(stand: Stand, rate: number, figures: BenchFigure[], notes: string[]): Promise<void> {
  const count = Math.round(rate * SECONDS);
  const cpuBefore = stand.cpu();
  const start = Date.now();
  const submissions: Array<Promise<string | null>> = [];
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / rate - Date.now();
    if (wait > 0) await sleep(wait);
    submissions.push(submit(stand, i, true));
  }
  const ids = (await Promise.all(submissions)).filter((id): id is string => id !== null);
  const deadline = Date.now() + 30_000;
  while (stand.reader.waiting > 0 && Date.now() < deadline) await sleep(20);
  const cpu = cpuPerPost(cpuBefore, stand.cpu(), count);
  const traces = ids.map((id) => stand.traces.get(id) as Trace);
  await serverTimes(stand, traces);

  // Submit → PUBLISHED from the server's records: sent, then the job's completion, which
  // follows the commit that published the post (its published_at is that transaction's start).
  const latencies = traces.flatMap((t) => (t.finished === undefined || t.decided === undefined ? [] : [t.finished - t.sent]));
  const unseen = traces.filter((t) => t.seen === undefined).length + (count - traces.length);
  figures.push(
    { name: `${stand.label}, ${rate} posts/s: submit → PUBLISHED p50`, value: percentile(latencies, 50), unit: 'ms' },
    { name: `${stand.label}, ${rate} posts/s: submit → PUBLISHED p99`, value: percentile(latencies, 99), unit: 'ms', target: TARGET },
  );
  notes.push(stageNote(`${stand.label}, ${rate} posts/s (${count} posts${unseen > 0 ? `, ${unseen} not seen published` : ''})`, traces));
  notes.push(`  CPU ms per post: ${cpu}; peak RSS so far: ${stand.peakRss()}`);
}

/** THROUGHPUT_POSTS posts queued while the queue is paused, then the time until every one is screened and published (or held). */
async function pipelineThroughput(stand: Stand): Promise<number> {
  const queue = stand.queue.createQueue<ScreenPostJob>(QueueName.SCREENING);
  await queue.pause();
  const ids: string[] = [];
  for (let i = 0; i < THROUGHPUT_POSTS; i += 20) {
    const batch = await Promise.all(Array.from({ length: Math.min(20, THROUGHPUT_POSTS - i) }, (_, k) => submit(stand, i + k, false)));
    ids.push(...batch.filter((id): id is string => id !== null));
  }
  const started = Date.now();
  await queue.resume();
  for (;;) {
    const { rows } = (await stand.db.query(`SELECT count(*)::int AS n FROM post WHERE id = ANY($1::uuid[]) AND status <> 'PENDING'`, [
      ids,
    ])) as {
      rows: Array<{ n: number }>;
    };
    if (rows[0].n >= ids.length) break;
    if (Date.now() - started > 180_000) throw new Error('the throughput run did not finish in 3 minutes');
    await sleep(10);
  }
  const seconds = (Date.now() - started) / 1000;
  await queue.close();
  return ids.length / seconds;
}

/** BullMQ alone: as many no-op jobs, with the screening jobs' options and the server's concurrency, on the same backend. */
async function noopThroughput(connection: QueueConnection, concurrency: number): Promise<number> {
  const name = `bench-noop-${process.pid}-${Date.now()}`;
  const queue = connection.createQueue<{ n: number }>(name);
  await queue.pause();
  for (let i = 0; i < THROUGHPUT_POSTS; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, THROUGHPUT_POSTS - i) }, (_, k) =>
        queue.add('noop', { n: i + k }, { jobId: `noop_${i + k}`, attempts: 5, removeOnComplete: { age: 3600, count: 1000 } }),
      ),
    );
  }
  let done = 0;
  let allDone: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  const worker = connection.createWorker<{ n: number }>(name, () => Promise.resolve(), { concurrency });
  worker.on('completed', () => {
    done += 1;
    if (done === THROUGHPUT_POSTS) allDone();
  });
  await worker.waitUntilReady();
  const started = Date.now();
  await queue.resume();
  await finished;
  const seconds = (Date.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return THROUGHPUT_POSTS / seconds;
}

type Shape = 'one process' | 'worker process';

/** Starts the database (embedded, owned by this bench), the server process(es), the members and the reader; runs `body`; stops it all. */
async function withStand(
  backend: 'postgres' | 'redis',
  redis: BenchRedis | null,
  shape: Shape,
  body: (stand: Stand) => Promise<void>,
): Promise<void> {
  const { dataDir, env: baseEnv } = await embeddedBenchEnv({
    REDIS_URL: redis?.url ?? '',
    QUEUE_PREFIX: `bench${process.pid}`,
    LOG_LEVEL: 'warn',
    WEB_CLIENT: 'off',
    // Many members post at once, and the reader asks for deep pages of the feed.
    POST_RATE_LIMIT: '100000',
    REGISTRATIONS_PER_CLIENT: '100000',
    PAGE_SIZE_MAX: String(READER_PAGE_MAX),
    QUERY_COST_MAX: '10000000',
  });
  // The bench owns the embedded database (as `npm start` would); the servers reach it by URL.
  const { config, database } = await prepareDatabase(loadConfig(baseEnv));
  const env = { ...baseEnv, DATABASE_URL: database.url, DATABASE_OWNER_URL: database.ownerUrl ?? '' };
  const servers: ServerProcess[] = [];
  const db = new Client({ connectionString: database.ownerUrl ?? database.url });
  const queue = createQueueConnection({ redisUrl: config.redisUrl, databaseUrl: database.url, prefix: config.queuePrefix });
  let reader: Reader | null = null;
  try {
    servers.push(await startServer('main', shape === 'one process' ? env : { ...env, WORKERS: 'off' }));
    // The worker says it is running at the 'log' level only.
    if (shape === 'worker process') servers.push(await startServer('worker', { ...env, LOG_LEVEL: 'log' }));
    await db.connect();
    const url = servers[0].url as string;
    const tokens: string[] = [];
    for (let i = 0; i < MEMBERS; i++)
      tokens.push((await gql<{ register: { token: string } }>(url, REGISTER, { input: { passphrase: PASSPHRASE } })).register.token);
    const readerToken = (await gql<{ register: { token: string } }>(url, REGISTER, { input: { passphrase: PASSPHRASE } })).register.token;
    const traces = new Map<string, Trace>();
    reader = new Reader(url, readerToken, (id, at) => {
      const trace = traces.get(id);
      if (trace) trace.seen = at;
    });
    const names = shape === 'one process' ? ['API+workers process'] : ['API process', 'worker process'];
    const cpu = (): CpuReadings => {
      const readings: CpuReadings = {};
      servers.forEach((server, i) => (readings[names[i]] = processCpuMs(server.pid)));
      readings.postgres = postgresCpuMs(dataDir);
      if (redis?.pid) readings.redis = processCpuMs(redis.pid);
      return readings;
    };
    const peakRss = (): string =>
      servers
        .map((server, i) => {
          const mb = peakRssMb(server.pid);
          return `${names[i]} ${mb === null ? 'n/a' : `${mb.toFixed(0)} MB`}`;
        })
        .join(', ');
    const spaceId = (await gql<{ spaces: Array<{ id: string }> }>(url, '{ spaces { id } }', {})).spaces[0].id;
    const stand: Stand = { label: `${backend}, ${shape}`, backend, url, tokens, reader, traces, db, queue, cpu, peakRss, spaceId, next: 0 };
    await body(stand);
  } finally {
    await reader?.stop();
    for (const server of [...servers].reverse()) await server.stop();
    await queue.close();
    await db.end().catch(() => undefined);
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(
  backend: 'postgres' | 'redis',
  redis: BenchRedis | null,
  shapes: string[],
  figures: BenchFigure[],
  notes: string[],
): Promise<void> {
  const concurrency = loadConfig().workerConcurrency;
  if (shapes.includes('one-process')) {
    await withStand(backend, redis, 'one process', async (stand) => {
      await steadyRate(stand, 10, [], []); // warm-up: connections, JIT, the screening threads
      for (const rate of RATES) await steadyRate(stand, rate, figures, notes);
      const pipeline = await pipelineThroughput(stand);
      const noop = await noopThroughput(stand.queue, concurrency);
      figures.push({
        name: `${backend}: pipeline throughput (${THROUGHPUT_POSTS} posts screened and published)`,
        value: pipeline,
        unit: 'posts/s',
        baseline: { name: `BullMQ no-op jobs, ${backend}`, value: noop },
      });
    });
  }
  if (shapes.includes('worker-process')) {
    await withStand(backend, redis, 'worker process', async (stand) => {
      await steadyRate(stand, 10, [], []);
      for (const rate of RATES) await steadyRate(stand, rate, figures, notes);
    });
  }
}

export async function benchPublish(log: (line: string) => void = console.log): Promise<BenchSection> {
  const figures: BenchFigure[] = [];
  const load = os.loadavg()[0];
  const notes: string[] = [
    `${SECONDS} s at each rate from ${MEMBERS} members; submit → PUBLISHED is sent → the screening job's completion (after the publishing commit); ` +
      `a signed-in reader polls the feed every ${POLL_MS} ms to confirm each post is visible (decided→seen); ` +
      `${os.availableParallelism()} cores, load average ${load.toFixed(1)} at the start (other work on this host slows every figure)`,
  ];
  const only = process.env.PUBLISH_BENCH_BACKENDS?.split(',');
  const shapes = (process.env.PUBLISH_BENCH_SHAPES ?? 'one-process,worker-process').split(',');
  if (!only || only.includes('postgres')) {
    log('postgres backend (embedded database) ...');
    await measure('postgres', null, shapes, figures, notes);
  }
  if (!only || only.includes('redis')) {
    const redis = await benchRedis();
    if (!redis) notes.push('redis: skipped (no REDIS_URL, and no redis-server on PATH)');
    else {
      log(`redis backend (${redis.url}) ...`);
      try {
        await measure('redis', redis, shapes, figures, notes);
      } finally {
        await redis.stop();
      }
    }
  }
  notes.push(`load average ${os.loadavg()[0].toFixed(1)} at the end`);
  return { section: 'publish', figures, notes };
}
