import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/common/net/free-port';

/**
 * The operator's experience, with the built server as a real process: `npm start` on the
 * embedded database under DATA_DIR, the CLI granting a role while the server runs, Ctrl-C,
 * and a restart that keeps every row. `npm test` builds dist/ before jest runs.
 */
const ROOT = path.join(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');

interface Server {
  process: ChildProcess;
  url: string;
  output: () => string;
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Kindred is ready: .*?(http\S+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1], output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

function stop(server: Server): Promise<number | null> {
  return new Promise((resolve) => {
    server.process.removeAllListeners('exit');
    server.process.once('exit', (code) => resolve(code));
    server.process.kill('SIGINT');
  });
}

async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: T; errors?: Array<{ extensions?: { code?: string } }> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T };
}

describe('running Kindred as an operator would', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: Server | null = null;

  beforeAll(async () => {
    if (!fs.existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-operator-'));
    fs.chmodSync(dataDir, 0o755);
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      DATABASE_URL: '',
      REDIS_URL: '',
    };
  });

  afterAll(async () => {
    if (server) await stop(server);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on the embedded database, grants a role from the CLI while running, stops on Ctrl-C and keeps data across a restart', async () => {
    server = await startServer(env);
    expect(server.url).toBe(`http://localhost:${env.PORT}/graphql`);
    const url = `http://127.0.0.1:${env.PORT}/graphql`;
    const health = await fetch(`http://127.0.0.1:${env.PORT}/health`);
    expect(health.status).toBe(200);

    const registered = await gql<{ register: { token: string; account: { member: { pseudonym: string } } } }>(
      url,
      `mutation { register(input: {passphrase: "a long enough passphrase", pseudonym: "OperatorOwl7"}) { token account { member { pseudonym } } } }`,
    );
    expect(registered.data?.register.account.member.pseudonym).toBe('OperatorOwl7');

    const granted = spawnSync(process.execPath, [CLI, 'grant-role', 'OperatorOwl7', 'ADMIN'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(granted.stderr).toBe('');
    expect(granted.status).toBe(0);
    expect(granted.stdout).toContain('OperatorOwl7 is now ADMIN');
    const me = await gql<{ me: { member: { role: string } } }>(url, '{ me { member { role } } }', {}, registered.data?.register.token);
    expect(me.data?.me.member.role).toBe('ADMIN');

    // The server and the CLI ran as the restricted role the embedded start made: its password
    // is kept in DATA_DIR for the owner only, never printed, and the role cannot rewrite the
    // audit entry the CLI just wrote, nor switch the trigger off.
    const appSecretFile = path.join(dataDir, 'postgres-app.secret');
    expect(fs.statSync(appSecretFile).mode & 0o777).toBe(0o600);
    const appSecret = fs.readFileSync(appSecretFile, 'utf8').trim();
    expect(server.output()).not.toContain(appSecret);
    expect(granted.stdout + granted.stderr).not.toContain(appSecret);
    const asApp = new Client({ connectionString: `postgres://kindred_app:${appSecret}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/kindred` });
    await asApp.connect();
    try {
      const { rows } = await asApp.query(`SELECT note FROM moderation_action WHERE action = 'ROLE_CHANGE'`);
      expect(rows).toEqual([{ note: 'MEMBER -> ADMIN' }]);
      await expect(asApp.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
      await expect(asApp.query('ALTER TABLE moderation_action DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
      await expect(asApp.query(`UPDATE moderation_action SET note = 'rewritten'`)).rejects.toThrow(/permission denied/);
      await expect(asApp.query('DELETE FROM moderation_action')).rejects.toThrow(/permission denied/);
    } finally {
      await asApp.end();
    }

    const refused = spawnSync(process.execPath, [CLI, 'grant-role', 'NobodyByThisName', 'ADMIN'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(refused.status).not.toBe(0);

    expect(await stop(server)).toBe(0);
    server = null;
    // The embedded cluster stopped with the server: no postmaster left behind.
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    server = await startServer(env);
    const signIn = await gql<{ signIn: { account: { member: { role: string } } } }>(
      url,
      `mutation { signIn(input: {pseudonym: "operatorowl7", passphrase: "a long enough passphrase"}) { account { member { role } } } }`,
    );
    expect(signIn.data?.signIn.account.member.role).toBe('ADMIN');
  }, 180_000);
});
