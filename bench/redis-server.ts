import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../src/common/net/free-port';

/** A Redis for a bench: REDIS_URL when set, else a throwaway redis-server from PATH, else null (the bench says it skipped). */
export interface BenchRedis {
  url: string;
  /** The server's process id when this started it (for its CPU time); null for REDIS_URL. */
  pid: number | null;
  /** Stops the server this started; nothing for REDIS_URL. */
  stop(): Promise<void>;
}

export function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function benchRedis(): Promise<BenchRedis | null> {
  const configured = process.env.REDIS_URL?.trim();
  if (configured) return { url: configured, pid: null, stop: () => Promise.resolve() };
  if (!redisServerOnPath()) return null;
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-bench-redis-'));
  // No persistence: a bench's jobs are worth nothing after it, and fsync would only add noise.
  const server: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') break;
    if (Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    pid: server.pid ?? null,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once('exit', () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        server.kill('SIGTERM');
      }),
  };
}
