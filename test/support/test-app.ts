import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { RunningKindred, startKindred } from '../../src/bootstrap';
import { currentRequestId } from '../../src/common/request-context';
import { loadConfig } from '../../src/config/config';
import { TEST_STATE_FILE, TestState } from '../setup/test-env';

export interface GqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GqlResponse<T> {
  data?: T;
  errors?: GqlError[];
}

export interface TestApp {
  url: string;
  baseUrl: string;
  queue: 'postgres' | 'redis';
  /** Connected as the app's restricted role, like the app itself. */
  dataSource: DataSource;
  /** The database's owner (the test cluster's superuser), for what the app may not do. */
  ownerUrl: string;
  running: RunningKindred;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever its own query selects
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  /**
   * Counts SQL statements the app's DataSource issues while fn runs. The counter sees the
   * whole pool, so it refuses an app with background work (the sweeper, screening workers):
   * their statements would land in the count. Start the app with WORKERS=off to count.
   */
  countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number }>;
  /**
   * Sends one GraphQL request over HTTP and counts the SQL statements issued on its behalf,
   * and only those: the request carries its own X-Request-Id, and a statement counts when it
   * runs in that request's context. Background work (sweepers, workers, other requests) can
   * never land in the count, however busy the machine.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever its own query selects
  countRequestQueries<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ result: GqlResponse<T>; count: number }>;
  close(): Promise<void>;
}

export function testState(): TestState {
  return JSON.parse(fs.readFileSync(TEST_STATE_FILE, 'utf8')) as TestState;
}

/**
 * A fresh, empty database on the shared test cluster; migrations run when the app starts.
 * The owner's URL (the cluster's superuser) and the app's restricted role's, as in production.
 */
export async function createTestDatabase(): Promise<{ ownerUrl: string; appUrl: string }> {
  const { postgresAdminUrl, postgresAppUrl } = testState();
  const name = `kindred_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { ownerUrl: postgresAdminUrl.replace(/\/postgres$/, `/${name}`), appUrl: postgresAppUrl.replace(/\/postgres$/, `/${name}`) };
}

let activeCounter: { dataSource: DataSource; count: number } | null = null;
/** Statement counts by the X-Request-Id of the request being counted. */
const requestCounters = new Map<string, { count: number }>();
const originalQuery = PostgresQueryRunner.prototype.query;
PostgresQueryRunner.prototype.query = function countedQuery(this: PostgresQueryRunner, ...args: Parameters<typeof originalQuery>) {
  if (activeCounter && this.connection === activeCounter.dataSource) activeCounter.count += 1;
  const requestId = requestCounters.size > 0 ? currentRequestId() : undefined;
  if (requestId !== undefined) {
    const counter = requestCounters.get(requestId);
    if (counter) counter.count += 1;
  }
  return originalQuery.apply(this, args);
} as typeof originalQuery;

/**
 * Starts the real application (API + in-process screening workers) on a random port over
 * a fresh database (or the one given), on the Postgres queue backend or on Redis.
 */
export async function startTestApp(
  options: { queue?: 'postgres' | 'redis'; env?: Record<string, string>; database?: { ownerUrl: string; appUrl: string } } = {},
): Promise<TestApp> {
  const queue = options.queue ?? 'postgres';
  const state = testState();
  if (queue === 'redis' && !state.redisUrl) throw new Error(`Redis-backed test requested but ${state.redisSkipReason}`);
  const database = options.database ?? (await createTestDatabase());
  const env: Record<string, string> = {
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.ownerUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    SWEEP_INTERVAL_SECONDS: '1',
    PENDING_GRACE_SECONDS: '3',
    QUEUE_PREFIX: `kt${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Test members are seconds old; the account-age and standing rules have their own tests.
    REPORT_MIN_ACCOUNT_AGE_HOURS: '0',
    REPORT_TRUST_MIN_DAYS_ACTIVE: '0',
    REPORT_TRUST_MIN_PUBLISHED_POSTS: '0',
    // Every test registers from 127.0.0.1; the registration limit has its own tests.
    REGISTRATIONS_PER_CLIENT: '1000000',
    // Tests write rows with SQL and read them back signed out at once; the response cache learns
    // of such writes by NOTIFY, a moment later, so a cached answer could be the one before. The
    // cache has its own suite (response-cache) and the browser suite runs with it: those opt in.
    RESPONSE_CACHE_TTL_SECONDS: '0',
    ...(queue === 'redis' ? { REDIS_URL: state.redisUrl as string } : {}),
    ...options.env,
  };
  const workers = env.WORKERS !== 'off';
  const running = await startKindred(loadConfig(env), { api: true, workers });
  const url = running.url as string;
  const dataSource = running.app.get(DataSource);

  async function gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse<T>> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResponse<T>;
  }

  return {
    url,
    baseUrl: url.replace(/\/graphql$/, ''),
    queue,
    dataSource,
    ownerUrl: database.ownerUrl,
    running,
    gql,
    async countQueries(fn) {
      if (workers) throw new Error('countQueries needs an app started with WORKERS=off: the sweeper and the workers share the pool');
      activeCounter = { dataSource, count: 0 };
      try {
        const result = await fn();
        return { result, count: activeCounter.count };
      } finally {
        activeCounter = null;
      }
    },
    async countRequestQueries<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const requestId = `counted-${randomBytes(8).toString('hex')}`;
      const counter = { count: 0 };
      requestCounters.set(requestId, counter);
      try {
        const result = await gql<T>(query, variables, token, { 'x-request-id': requestId });
        return { result, count: counter.count };
      } finally {
        requestCounters.delete(requestId);
      }
    },
    close: () => running.close(),
  };
}

/** Whether the Redis-backed suite can run here; in CI (CI=true) global setup already failed without it. */
export function redisAvailable(): boolean {
  return testState().redisUrl !== null;
}

export type QueueBackend = 'postgres' | 'redis';

/** The queue backends a suite runs on: both where Redis is available (always in CI), else Postgres only. */
export function queueBackends(): QueueBackend[] {
  return redisAvailable() || process.env.CI === 'true' ? ['postgres', 'redis'] : ['postgres'];
}
