import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../../src/common/net/free-port';

/**
 * The real parts of a deployment, each as its own OS process, so a test can kill or stop
 * any one of them: the built API and worker from dist/, redis-server and the embedded
 * Postgres. Everything listens on loopback only.
 */
export const ROOT = path.join(__dirname, '..', '..', '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const WORKER = path.join(ROOT, 'dist', 'src', 'worker.js');

/** Generous limits so the burst measures fault tolerance, not the rate limiter. */
export const GENEROUS_LIMITS: Record<string, string> = {
  POST_RATE_LIMIT: '100000',
  POST_RATE_WINDOW_SECONDS: '60',
  // Every member registers from 127.0.0.1; the registration limit has its own tests.
  REGISTRATIONS_PER_CLIENT: '1000',
  LOG_LEVEL: 'warn',
  // Heal quickly: the sweeper looks every 2 s for posts pending longer than 5 s.
  SWEEP_INTERVAL_SECONDS: '2',
  PENDING_GRACE_SECONDS: '5',
};

export function assertBuilt(): void {
  if (!fs.existsSync(MAIN) || !fs.existsSync(WORKER))
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:faults does it)');
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntil(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  describe: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms\n${describe()}`);
}

/** A child process whose output is kept (the tail) for the failure message. */
export class Managed {
  private child: ChildProcess | null = null;
  private tail = '';

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: Record<string, string>,
  ) {}

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return `--- ${this.name} (last output) ---\n${this.tail}`;
  }

  spawn(): ChildProcess {
    // stdin is a pipe the child may watch: it closes when this test process dies.
    const child = spawn(this.command, this.args, { cwd: ROOT, env: { ...process.env, ...this.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    return child;
  }

  /** SIGKILL: no shutdown hook runs, as when a machine or container dies. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Sends the signal and waits (bounded) for the exit; escalates to SIGKILL. */
  async signal(signal: NodeJS.Signals, timeoutMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
      }, timeoutMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
  }
}

export type Role = 'api' | 'worker';

/** The built API (WORKERS=off) or `npm run worker`, with the given database and queue. */
export class KindredProcess extends Managed {
  readonly url: string;

  constructor(
    name: string,
    readonly role: Role,
    private readonly port: number,
    private readonly heartbeatFile: string,
    env: Record<string, string>,
  ) {
    super(name, process.execPath, [role === 'api' ? MAIN : WORKER], {
      ...GENEROUS_LIMITS,
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      WORKERS: 'off',
      WORKER_HEARTBEAT_FILE: heartbeatFile,
    });
    this.url = `http://127.0.0.1:${port}/graphql`;
  }

  /** Starts and waits until the API answers /health or the worker's heartbeat file appears. */
  async start(): Promise<void> {
    fs.rmSync(this.heartbeatFile, { force: true });
    const child = this.spawn();
    let exited = false;
    child.once('exit', () => (exited = true));
    const ready = async () => {
      if (exited) throw new Error(`${this.name} exited while starting\n${this.output()}`);
      if (this.role === 'worker') return fs.existsSync(this.heartbeatFile);
      if (!(await portOpen(this.port))) return false;
      const response = await fetch(`http://127.0.0.1:${this.port}/health`).catch(() => null);
      return response !== null && response.status < 500;
    };
    await waitUntil(this.name, ready, 120_000, () => this.output());
  }
}

/** redis-server without persistence: a restart loses every queued job, the harshest case. */
export class RedisProcess extends Managed {
  constructor(readonly port: number) {
    super('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {});
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.spawn();
    await waitUntil(
      'redis',
      () => portOpen(this.port),
      30_000,
      () => this.output(),
    );
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }
}

/**
 * The embedded Postgres, stoppable and restartable on the same port and data directory. A
 * small host process (postgres-host.js) owns the postmaster; stopping the host stops it.
 */
export class PostgresCluster {
  private host: Managed | null = null;
  private url: string | null = null;
  private appUrl: string | null = null;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  /** A new, not yet started cluster: keep it before starting, so a failed start is still cleaned up. */
  static async create(): Promise<PostgresCluster> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-faults-'));
    // As root the postmaster runs as 'postgres', which must reach the directory.
    fs.chmodSync(dataDir, 0o755);
    return new PostgresCluster(dataDir, await freePort());
  }

  /** The URL of the given database on this cluster, as its owner. */
  urlFor(database: string): string {
    if (!this.url) throw new Error('postgres has not started');
    return this.url.replace(/\/kindred$/, `/${database}`);
  }

  /** The URL of the given database as the app's restricted role (made by the embedded start). */
  appUrlFor(database: string): string {
    if (!this.appUrl) throw new Error('postgres has not started');
    return this.appUrl.replace(/\/kindred$/, `/${database}`);
  }

  /** A new database; returns its owner's URL. */
  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.urlFor(name);
  }

  /** Fast shutdown: every open session is cut, as in a failover or a crash of the server. */
  async pause(): Promise<void> {
    await this.host?.signal('SIGTERM', 60_000);
  }

  async resume(): Promise<void> {
    const host = new Managed('postgres', process.execPath, [path.join(__dirname, 'postgres-host.js'), this.dataDir, String(this.port)], {});
    const child = host.spawn();
    this.host = host;
    let exited = false;
    child.once('exit', () => (exited = true));
    await waitUntil(
      'postgres',
      () => {
        if (exited) throw new Error(`postgres host exited\n${host.output()}`);
        const match = /POSTGRES READY (\S+) (\S+)/.exec(host.output());
        if (match) [this.url, this.appUrl] = [match[1], match[2]];
        return match !== null;
      },
      120_000,
      () => host.output(),
    );
  }

  async destroy(): Promise<void> {
    await this.pause();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
