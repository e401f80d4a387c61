/**
 * How long GET /health takes while several long screenDraft requests (from as many members)
 * are in flight, with the engine on the event loop (as before the screening pool: the
 * baseline, measured in the same run) and in the pool's worker threads. Figures and ratios
 * only; nothing is asserted.
 */
import * as fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startKindred } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { loadScreener } from '../src/screening/screener';
import { ScreeningPool } from '../src/screening/pool/screening-pool';
import type { ScreeningTask, ScreeningTaskResult } from '../src/screening/pool/screening-task';
import { benchGql as post, embeddedBenchEnv } from './support/bench-kindred';

const DRAFTS = 10;
const DRAFT_CHARS = 20_000;
const ROUNDS = 5;
const CALM = 'Today I went to my meeting and talked with my sponsor about the week, and it helped. ';
const DRAFT = `query D($body: String!) { screenDraft(body: $body) { outcome } }`;
const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { token } }`;

interface Round {
  healthMs: number;
  draftsMs: number;
  loopMaxMs: number;
}

/**
 * One round: DRAFTS long drafts sent at once and, as soon as the server has begun screening
 * two of them, GET /health; returns how long each took.
 */
async function round(url: string, baseUrl: string, tokens: string[], tag: string, screeningsStarted: () => number): Promise<Round> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  const base = screeningsStarted();
  const drafts = tokens.map((token, i) =>
    post(url, DRAFT, { body: `${tag} ${i}. ${CALM.repeat(Math.ceil(DRAFT_CHARS / CALM.length))}`.slice(0, DRAFT_CHARS) }, token),
  );
  while (screeningsStarted() - base < 2) await new Promise((resolve) => setImmediate(resolve));
  const healthStarted = performance.now();
  const health = await fetch(`${baseUrl}/health`);
  await health.text();
  const healthMs = performance.now() - healthStarted;
  await Promise.all(drafts);
  const draftsMs = performance.now() - started;
  loop.disable();
  return { healthMs, draftsMs, loopMaxMs: loop.max / 1e6 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchDraftHealth(log: (line: string) => void = console.log): Promise<void> {
  const { dataDir, env } = await embeddedBenchEnv({
    WORKERS: 'off',
    SCREEN_DRAFT_RATE_LIMIT: '100000',
    // One account per draft, all from this one client: more than the registration limit allows.
    REGISTRATIONS_PER_CLIENT: '1000',
    SCREENING_QUEUE_MAX: '1000',
  });
  const config = loadConfig(env);
  const running = await startKindred(config, { api: true, workers: false });
  const url = running.url as string;
  const baseUrl = url.replace(/\/graphql$/, '');
  try {
    // One member per draft: each account's checks are serialized by its rate-limit lock, so
    // the burst that stalls a server comes from many accounts at once.
    const tokens: string[] = [];
    for (let i = 0; i < DRAFTS; i++)
      tokens.push(
        ((await post(url, REGISTER, { input: { passphrase: 'a bench passphrase' } })) as { register: { token: string } }).register.token,
      );
    const pool = running.app.get(ScreeningPool);

    // The baseline: the same requests with the engine run on the event loop, as screenDraft
    // did before the pool. Bench only: the app itself has no inline path.
    const screen = loadScreener(config.screening.rulesDir, config.screening.model);
    const inline = (task: ScreeningTask): Promise<ScreeningTaskResult> =>
      Promise.resolve({
        bodyDecision: screen(task.body, task.context),
        titleDecision: task.title ? screen(task.title, task.context) : null,
        threadId: 0,
      });

    let screeningsStarted = 0;
    const inPool = ScreeningPool.prototype.tryScreen;
    const results: Record<'inline' | 'pool', Round[]> = { inline: [], pool: [] };
    for (const mode of ['inline', 'pool'] as const) {
      pool.tryScreen = (task) => {
        screeningsStarted += 1;
        return mode === 'inline' ? inline(task) : inPool.call(pool, task);
      };
      await round(url, baseUrl, tokens, `warm-up ${mode}`, () => screeningsStarted);
      for (let i = 0; i < ROUNDS; i++) results[mode].push(await round(url, baseUrl, tokens, `${mode} ${i}`, () => screeningsStarted));
    }
    Reflect.deleteProperty(pool, 'tryScreen');

    const summary = (mode: 'inline' | 'pool') => ({
      health: median(results[mode].map((r) => r.healthMs)),
      drafts: median(results[mode].map((r) => r.draftsMs)),
      loop: median(results[mode].map((r) => r.loopMaxMs)),
    });
    const before = summary('inline');
    const after = summary('pool');
    const line = (name: string, s: ReturnType<typeof summary>) =>
      `${name.padEnd(22)} /health ${s.health.toFixed(0).padStart(6)} ms   all drafts ${s.drafts.toFixed(0).padStart(6)} ms   worst event-loop stall ${s.loop.toFixed(0).padStart(6)} ms`;
    log(
      `${DRAFTS} screenDrafts of ${DRAFT_CHARS} characters in flight, then GET /health (median of ${ROUNDS} rounds, ${pool.threads} screening thread(s)):`,
    );
    log(line('engine on event loop', before));
    log(line('screening pool', after));
    log(
      `/health is ${(before.health / after.health).toFixed(1)}x faster with the pool; the worst stall is ${(before.loop / after.loop).toFixed(1)}x shorter; drafts take ${(after.drafts / before.drafts).toFixed(2)}x as long`,
    );
  } finally {
    await running.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
