import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { TEST_STATE_FILE, TestState } from './test-env';
import { freePort } from '../../src/common/net/free-port';

declare global {
  var __kindredTeardown: (() => Promise<void>) | undefined;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
}

/** A real redis-server from PATH, on a free port, without persistence. */
async function startRedis(): Promise<{ url: string; process: ChildProcess } | null> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return null;
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await waitForPort(port, 10_000);
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

/**
 * Starts one real embedded Postgres (and Redis when there is one) for the whole run.
 * Each test file then creates its own database, so files never see each other's data.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-test-'));
  fs.chmodSync(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres(dataDir, await freePort());
  const adminUrl = (postgres.ownerUrl as string).replace(/\/kindred$/, '/postgres');
  const appUrl = postgres.url.replace(/\/kindred$/, '/postgres');

  let redis: { url: string; process: ChildProcess } | null = null;
  let redisUrl = process.env.REDIS_URL ?? null;
  let redisSkipReason: string | null = null;
  if (!redisUrl) {
    redis = await startRedis();
    redisUrl = redis?.url ?? null;
    if (!redisUrl) redisSkipReason = 'no REDIS_URL and no redis-server on PATH';
  }
  if (!redisUrl && process.env.CI === 'true') {
    await postgres.stop();
    throw new Error('CI=true requires Redis for the Redis-backed suite: install redis-server or set REDIS_URL');
  }

  const state: TestState = { postgresAdminUrl: adminUrl, postgresAppUrl: appUrl, redisUrl, redisSkipReason };
  fs.mkdirSync(path.dirname(TEST_STATE_FILE), { recursive: true });
  fs.writeFileSync(TEST_STATE_FILE, JSON.stringify(state));

  globalThis.__kindredTeardown = async () => {
    redis?.process.kill('SIGTERM');
    await postgres.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(TEST_STATE_FILE, { force: true });
  };
}
