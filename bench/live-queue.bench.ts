/**
 * The moderators' live queue, end to end: a member submits a crisis post, the worker holds
 * it, and the case reaches an open dashboard over graphql-ws. POLICY wants an URGENT case on
 * the dashboard within a second; this prints how long it takes, submit to dashboard (queue
 * pickup, screening, commit and the cross-instance event included), on the embedded
 * Postgres backend and on Redis when REDIS_URL is set. Figures only; nothing is asserted.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { startKindred } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { embeddedBenchEnv, benchGql as gql } from './support/bench-kindred';

const ROUNDS = 10;
const TARGET_MS = 1000;

const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { token account { id } } }`;
const START = `mutation S($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const LIVE = `subscription { moderationCaseChanged { id priority post { id } } }`;

async function measure(backend: 'postgres' | 'redis', log: (line: string) => void): Promise<void> {
  const { dataDir, env } = await embeddedBenchEnv({
    POST_RATE_LIMIT: '1000',
    REDIS_URL: backend === 'postgres' ? '' : process.env.REDIS_URL,
  });
  const running = await startKindred(loadConfig(env), { api: true, workers: true });
  const url = running.url as string;
  try {
    const passphrase = 'a bench passphrase';
    const moderator = (await gql<{ register: { token: string; account: { id: string } } }>(url, REGISTER, { input: { passphrase } }))
      .register;
    const author = (await gql<{ register: { token: string } }>(url, REGISTER, { input: { passphrase } })).register;
    await running.app.get(DataSource).query(`UPDATE account SET role = 'MODERATOR' WHERE id = $1`, [moderator.account.id]);
    const spaceId = (await gql<{ spaces: Array<{ id: string }> }>(url, '{ spaces { id } }', {})).spaces[0].id;

    const arrivals = new Map<string, number>();
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${moderator.token}` },
      retryAttempts: 0,
    });
    const dispose = client.subscribe<{ moderationCaseChanged: { post: { id: string } } }>(
      { query: LIVE },
      {
        next: (result) => result.data && arrivals.set(result.data.moderationCaseChanged.post.id, performance.now()),
        error: () => undefined,
        complete: () => undefined,
      },
    );

    const submit = async (round: number): Promise<number> => {
      const body = `I can't do this anymore. Tonight I'm going to take every pill I have saved up. (${backend} ${round})`;
      const started = performance.now();
      const { startThread } = await gql<{ startThread: { id: string } }>(
        url,
        START,
        { input: { spaceId, title: 'Tonight', body } },
        author.token,
      );
      const deadline = started + 30_000;
      while (!arrivals.has(startThread.id) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      return (arrivals.get(startThread.id) ?? Number.NaN) - started;
    };

    await submit(-1); // warm-up: connection, JIT, first job
    const latencies: number[] = [];
    for (let round = 0; round < ROUNDS; round++) latencies.push(await submit(round));
    dispose();
    await client.dispose();

    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const worst = sorted[sorted.length - 1];
    log(
      `${backend.padEnd(8)} crisis post -> moderator dashboard  median ${median.toFixed(0)} ms  worst ${worst.toFixed(0)} ms  ` +
        `(${ROUNDS} posts; worst is ${(worst / TARGET_MS).toFixed(2)}x the ${TARGET_MS} ms target)`,
    );
  } finally {
    await running.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchLiveQueue(log: (line: string) => void = console.log): Promise<void> {
  await measure('postgres', log);
  if (loadConfig().redisUrl) await measure('redis', log);
  else log('redis    skipped: set REDIS_URL to measure the Redis backend too');
}
