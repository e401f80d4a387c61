import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { freePort } from '../src/common/net/free-port';
import { loadConfig } from '../src/config/config';
import { DERIVED_TABLES } from '../src/database/backup/backup-catalog';
import { BackupFormatError } from '../src/database/backup/backup-format';
import { restoreBackup, RestoreSummary } from '../src/database/backup/restore-backup';
import { RestoreRefusedError } from '../src/database/backup/restore-target';
import { writeBackup } from '../src/database/backup/write-backup';
import { dataSourceOptions, runMigrationsLocked } from '../src/database/data-source';
import { prepareDatabase } from '../src/database/prepare-database';
import { DataSource, MigrationInterface } from 'typeorm';
import { databaseFingerprint } from './support/database-fingerprint';
import { calmText, REPLY, startThread, THREAD, waitForScreened, waitPublishedThread } from './support/forum';
import { ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { createTestDatabase, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { HOUSE_ACCOUNT_ID } from '../src/checkins/house-account';

/** The fingerprint's tables a backup holds: all but the derived ones. */
function tablesInBackup<T>(tables: Record<string, T>): T[] {
  return Object.entries(tables)
    .filter(([name]) => !DERIVED_TABLES.includes(name))
    .map(([, table]) => table);
}

/**
 * Backup and restore as an operator runs them: a populated instance backed up while it runs,
 * restored into an empty database (and through the CLI into a new embedded DATA_DIR), then
 * compared table by table, row by row, and used: the thread reads, members sign in, their
 * sessions and page cursors still work. Targets that hold data and damaged files are refused.
 */
const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');

const REACT = `mutation React($input: ReactInput!) { react(input: $input) { id } }`;
const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
const EDIT = `mutation Edit($input: EditPostInput!) { editPost(input: $input) { id status } }`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }`;
const ME = `query { me { id } }`;
const PAGE = `query Page($after: String) { threads(first: 1, after: $after) { edges { node { id } } pageInfo { endCursor } } }`;
const REPLIES = `query Replies($id: ID!) { thread(id: $id) { replies { edges { node { body } } } } }`;
const QUEUE = `query { moderationQueue { edges { node { id } } } }`;

type Database = { ownerUrl: string; appUrl: string };

/** What `restore` does after the load: this code's newer migrations, the queue's schema and the grants. */
async function restoreInto(file: string, target: Database): Promise<RestoreSummary> {
  const summary = await restoreBackup(file, target.ownerUrl);
  const { database } = await prepareDatabase(loadConfig({ DATABASE_URL: target.appUrl, DATABASE_OWNER_URL: target.ownerUrl }));
  await database.stop();
  return summary;
}

/** A database as an older Kindred left it: this code's migrations but the newest. */
async function olderKindredDatabase(): Promise<{ database: Database; skipped: string }> {
  const database = await createTestDatabase();
  const all = new DataSource(dataSourceOptions(database.ownerUrl));
  await all.initialize();
  const migrations = [...all.migrations].sort((a, b) => Number((a.name ?? '').slice(-13)) - Number((b.name ?? '').slice(-13)));
  await all.destroy();
  const older = new DataSource(
    dataSourceOptions(database.ownerUrl, {
      migrations: migrations.slice(0, -1).map((migration) => migration.constructor as new () => MigrationInterface),
    }),
  );
  await older.initialize();
  await runMigrationsLocked(older);
  await older.query(`INSERT INTO account (pseudonym, pseudonym_key, passphrase_hash) VALUES ('OldTimer1', 'oldtimer1', 'not a real hash')`);
  await older.destroy();
  return { database, skipped: migrations[migrations.length - 1].name as string };
}

function run(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

interface Server {
  process: ChildProcess;
  url: string;
}

/** The built server on a DATA_DIR, as `npm start` runs it; resolves once it says it is ready. */
function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Kindred is ready: .*?(http\S+\/graphql)/.exec(output);
      if (match) resolve({ process: child, url: match[1].replace('localhost', '127.0.0.1') });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stopServer(server: Server): Promise<number | null> {
  return new Promise((resolve) => {
    server.process.removeAllListeners('exit');
    server.process.once('exit', (code) => resolve(code));
    server.process.kill('SIGINT');
  });
}

async function post<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return ok((await response.json()) as { data?: T; errors?: Array<{ message: string }> });
}

describe('backing up and restoring Kindred', () => {
  let source: TestApp;
  let sourceDb: Database;
  let dir: string;
  let file: string;
  let author: TestMember;
  let replier: TestMember;
  let moderator: TestMember;
  let threadId: string;
  let cursor: string;
  let server: Server | null = null;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-backup-'));
    fs.chmodSync(dir, 0o755);
    file = path.join(dir, 'kindred.backup.gz');
    sourceDb = await createTestDatabase();
    source = await startTestApp({ database: sourceDb });
    author = await registerMember(source);
    replier = await registerMember(source);
    const reporter = await registerMember(source);
    moderator = await registerMember(source);
    await setRole(source, moderator.accountId, 'MODERATOR');

    threadId = (await startThread(source, author.token, calmText('before the backup'), 'Ninety days')).id;
    await waitPublishedThread(source, threadId);
    const replies: string[] = [];
    for (const text of ['first reply, with a tab\there', 'second reply \\ with a backslash\nand a new line']) {
      replies.push(
        ok(await source.gql<{ reply: { id: string } }>(REPLY, { input: { threadId, body: calmText(text) } }, replier.token)).reply.id,
      );
    }
    const held = await startThread(source, replier.token, 'who has percs near me', 'Looking');
    expect(await waitForScreened(source, replier.token, held.id)).toBe('HELD');
    // An edit is screened again: the thread is back once it is published anew.
    ok(await source.gql(EDIT, { input: { id: threadId, body: calmText('edited before the backup') } }, author.token));
    await waitPublishedThread(source, threadId);
    for (const member of [replier, reporter]) ok(await source.gql(REACT, { input: { postId: threadId, kind: 'SUPPORT' } }, member.token));
    ok(await source.gql(REPORT, { input: { postId: replies[0], reason: 'HARASSMENT', note: 'not kind' } }, reporter.token));
    // Every post screened, so nothing changes under the comparison.
    await waitFor(async () => {
      const [{ pending }] = (await source.dataSource.query(`SELECT count(*)::int AS pending FROM post WHERE status = 'PENDING'`)) as Array<{
        pending: number;
      }>;
      return pending === 0;
    }, 30_000);
    cursor = ok(await source.gql<{ threads: { pageInfo: { endCursor: string } } }>(PAGE, {})).threads.pageInfo.endCursor;
  }, 180_000);

  afterAll(async () => {
    if (server) await stopServer(server);
    await source?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the running instance and restores it into an empty database: the same rows, and the app works on them', async () => {
    const summary = await writeBackup(sourceDb.ownerUrl, file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    const expected = await databaseFingerprint(sourceDb.ownerUrl);
    // Derived tables are left out of the backup; the restore's triggers fill them again (compared below).
    expect(summary.rows).toBe(tablesInBackup(expected.tables).reduce((sum, table) => sum + table.rows, 0));
    expect(expected.tables.space_thread_count.rows).toBeGreaterThan(0);
    for (const table of [
      'account',
      'session',
      'post',
      'thread',
      'reaction',
      'moderation_case',
      'case_reason',
      'report',
      'moderation_action',
      'installation_secret',
      'edit_rate_event',
    ]) {
      expect({ table, rows: expected.tables[table].rows > 0 }).toEqual({ table, rows: true });
    }

    const target = await createTestDatabase();
    await restoreInto(file, target);
    expect(await databaseFingerprint(target.ownerUrl)).toEqual(expected);

    const restored = await startTestApp({ database: target });
    try {
      expect(ok(await restored.gql(THREAD, { id: threadId })).thread).toMatchObject({ id: threadId, title: 'Ninety days' });
      const replies = ok(
        await restored.gql<{ thread: { replies: { edges: Array<{ node: { body: string } }> } } }>(REPLIES, { id: threadId }),
      );
      expect(replies.thread.replies.edges.map((edge) => edge.node.body)).toEqual([
        calmText('first reply, with a tab\there'),
        calmText('second reply \\ with a backslash\nand a new line'),
      ]);
      // Sessions and the installation's secrets came along: tokens and sealed page cursors still work.
      expect(ok(await restored.gql(ME, {}, author.token)).me).toEqual({ id: author.accountId });
      expect(ok(await restored.gql(PAGE, { after: cursor })).threads.edges).toHaveLength(0);
      const signedIn = ok(await restored.gql(SIGN_IN, { input: { pseudonym: author.pseudonym, passphrase: author.passphrase } }));
      expect(typeof signedIn.signIn.token).toBe('string');
      expect(ok(await restored.gql(QUEUE, {}, moderator.token)).moderationQueue.edges.length).toBeGreaterThan(0);
      // The identity sequence continues after the restored rows.
      expect(
        ok(await restored.gql(EDIT, { input: { id: threadId, body: calmText('edited after the restore') } }, author.token)).editPost,
      ).toMatchObject({
        id: threadId,
      });
    } finally {
      await restored.close();
    }

    // A second restore onto it is refused, and changes nothing.
    const before = await databaseFingerprint(target.ownerUrl);
    await expect(restoreBackup(file, target.ownerUrl)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup(file, target.ownerUrl)).rejects.toThrow(
      /already holds data \(tables account, .*\): a restore never overwrites data/,
    );
    expect(await databaseFingerprint(target.ownerUrl)).toEqual(before);
  }, 180_000);

  it('refuses a truncated or corrupt file with a clear message, and loads none of it', async () => {
    if (!fs.existsSync(file)) await writeBackup(sourceDb.ownerUrl, file);
    const whole = fs.readFileSync(file);
    const truncated = path.join(dir, 'truncated.gz');
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const garbage = path.join(dir, 'garbage.gz');
    fs.writeFileSync(garbage, 'PGDMP this is not ours');

    const target = await createTestDatabase();
    await expect(restoreBackup(truncated, target.ownerUrl)).rejects.toThrow(BackupFormatError);
    await expect(restoreBackup(truncated, target.ownerUrl)).rejects.toThrow(/truncated/);
    await expect(restoreBackup(garbage, target.ownerUrl)).rejects.toThrow(/not a complete gzip stream .*not a Kindred backup/);
    // A row PostgreSQL refuses: the message names the table, the error and the row, never its words.
    const tampered = path.join(dir, 'tampered.gz');
    const text = gunzipSync(whole).toString('utf8');
    fs.writeFileSync(tampered, gzipSync(text.replace(/(\{"table":"account"\}\n)[0-9a-f-]{36}/, '$1private words')));
    const error = (await restoreBackup(tampered, target.ownerUrl).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(BackupFormatError);
    expect(error.message).toMatch(/^table account could not be loaded \(SQLSTATE 22P02, .*row 1\)/);
    expect(error.message).not.toContain('private words');
    // A backup from a newer Kindred: refused, naming the migration and the version that made it.
    const newer = path.join(dir, 'newer.gz');
    fs.writeFileSync(newer, gzipSync(text.replace(/("migrations":\[[^\]]*)\]/, '$1,"Future1999999999999"]')));
    await expect(restoreBackup(newer, target.ownerUrl)).rejects.toThrow(
      /newer Kindred \(its newest migration is Future1999999999999, .*\(it was made by Kindred \d+\.\d+\.\d+\)$/,
    );
    const owner = new Client({ connectionString: target.ownerUrl });
    await owner.connect();
    try {
      // None of the backup's members: only the house account the migrations seed themselves.
      const { rows } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM account WHERE id <> $1`, [HOUSE_ACCOUNT_ID]);
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await owner.end();
    }
    // Nothing was half-loaded: the whole file still restores into the same target.
    await restoreInto(file, target);
    expect((await databaseFingerprint(target.ownerUrl)).tables.account.rows).toBeGreaterThan(0);
  });

  it('backs up and restores through the CLI into a new embedded DATA_DIR, and the server starts on it', async () => {
    if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    const cliFile = path.join(dir, 'cli.backup.gz');
    const backedUp = await run(['backup', cliFile], {
      DATABASE_URL: sourceDb.appUrl,
      DATABASE_OWNER_URL: sourceDb.ownerUrl,
      REDIS_URL: '',
    });
    expect(backedUp.status).toBe(0);
    expect(backedUp.stdout).toMatch(/backed up \d+ row\(s\) of \d+ table\(s\) to /);
    const expected = await databaseFingerprint(sourceDb.ownerUrl);

    const dataDir = path.join(dir, 'data');
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DATABASE_OWNER_URL: '',
      REDIS_URL: '',
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      PORT: String(await freePort()),
    };
    expect((await run(['restore'], env)).status).toBe(2);
    const restored = await run(['restore', cliFile], env);
    expect({ status: restored.status, stderr: restored.stderr }).toMatchObject({ status: 0 });
    expect(restored.stdout).toContain(`row(s) of ${tablesInBackup(expected.tables).length} table(s) from ${cliFile}`);
    const again = await run(['restore', cliFile], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('restore refused: the target already holds data');

    server = await startServer(env);
    try {
      const secret = fs.readFileSync(path.join(dataDir, 'postgres.secret'), 'utf8').trim();
      const owner = `postgres://kindred:${secret}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/kindred`;
      expect(await databaseFingerprint(owner)).toEqual(expected);
      expect((await post<{ thread: { title: string } }>(server.url, THREAD, { id: threadId })).thread.title).toBe('Ninety days');
      const signedIn = await post<{ signIn: { token: string } }>(server.url, SIGN_IN, {
        input: { pseudonym: replier.pseudonym, passphrase: replier.passphrase },
      });
      expect(typeof signedIn.signIn.token).toBe('string');
      // The CLI joins the embedded cluster the server runs, and backs it up meanwhile.
      const live = await run(['backup', path.join(dir, 'live.backup.gz')], env);
      expect(live.status).toBe(0);
      expect(fs.statSync(path.join(dir, 'live.backup.gz')).mode & 0o777).toBe(0o600);
    } finally {
      const running = server;
      server = null;
      expect(await stopServer(running)).toBe(0);
    }
    // Several processes in turn (initdb among them): minutes on a busy 2-core machine.
  }, 240_000);

  it("restores a backup from an older Kindred at its own schema, then applies this code's newer migrations", async () => {
    const { database: older, skipped } = await olderKindredDatabase();
    const olderFile = path.join(dir, 'older.backup.gz');
    await writeBackup(older.ownerUrl, olderFile);
    const target = await createTestDatabase();
    expect((await restoreInto(olderFile, target)).later).toEqual([skipped]);
    const restored = await databaseFingerprint(target.ownerUrl);
    expect(restored.migrations[restored.migrations.length - 1]).toBe(skipped);
    // OldTimer1, and the house account that opens the daily check-in threads (seeded by a migration).
    expect(restored.tables.account.rows).toBe(2);
  });
});
