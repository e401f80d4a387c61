import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../src/common/net/free-port';

export type BenchEnv = Record<string, string | undefined>;

/**
 * A fresh DATA_DIR for an embedded database (readable by the postgres user the embedded
 * cluster runs as under root) and the environment that starts Kindred on it, on loopback and
 * free ports, with no DATABASE_URL or REDIS_URL from the caller's shell leaking in.
 */
export async function embeddedBenchEnv(overrides: BenchEnv = {}): Promise<{ dataDir: string; env: BenchEnv }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const env: BenchEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    DATABASE_URL: '',
    DATABASE_OWNER_URL: '',
    REDIS_URL: '',
    LOG_LEVEL: 'error',
    ...overrides,
  };
  return { dataDir, env };
}

/** One GraphQL operation over HTTP; its data, or an error carrying the GraphQL errors. */
export async function benchGql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
