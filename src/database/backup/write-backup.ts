import { once } from 'node:events';
import { open, readFile, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, Gzip } from 'node:zlib';
import { Client, escapeIdentifier } from 'pg';
import { projectRoot } from '../../config/project-root';
import { to as copyTo } from 'pg-copy-streams';
import { headerLine, TABLE_END_LINE, tableStartLine, trailerLine } from './backup-format';
import { appliedMigrations, ledgerExists, listForeignKeys, listSequences, listTables } from './backup-catalog';
import { loadOrder } from './load-order';

export interface BackupSummary {
  tables: number;
  rows: number;
}

async function kindredVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(projectRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

async function write(gzip: Gzip, data: string | Buffer): Promise<void> {
  if (!gzip.write(data)) await once(gzip, 'drain');
}

/** fsync a file or a directory, so a rename that follows is not undone by a power cut. */
async function sync(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes the whole of Kindred's schema `public` to `file` (see backup-format.ts), from one
 * consistent snapshot while the server keeps running: a REPEATABLE READ transaction sees
 * every table as of its first query, whatever commits meanwhile.
 *
 * BullMQ's tables (schema `bullmq`) are left out on purpose: every job is derived from the
 * database. A restored PENDING post is older than the grace period, so the sweeper enqueues
 * it again on the first pass (ARCHITECTURE, "Never lose a post"), and the on-call watch
 * alerts again about an URGENT case still unclaimed; a restore into a Redis deployment would
 * have no use for them either.
 *
 * The file is written beside its final name and renamed when complete, so FILE is either
 * the previous backup or a whole new one, never half of one; it is created owner-only
 * (0600), as it holds members' words and the installation's secrets.
 */
export async function writeBackup(url: string, file: string, now: () => Date = () => new Date()): Promise<BackupSummary> {
  const client = new Client({ connectionString: url, application_name: 'kindred-backup' });
  client.on('error', () => undefined);
  await client.connect();
  const temporary = `${file}.tmp`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (!(await ledgerExists(client))) throw new Error('this database holds no Kindred schema (no migrations table): nothing to back up');
    const migrations = await appliedMigrations(client);
    const tables = await listTables(client);
    const order = loadOrder(
      tables.map((table) => table.name),
      await listForeignKeys(client),
    );
    const ordered = [...tables].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    const sequences = await listSequences(client);
    const { rows: version } = await client.query<{ server_version: string }>('SHOW server_version');

    await rm(temporary, { force: true });
    const handle = await open(temporary, 'wx', 0o600);
    const gzip = createGzip();
    const written = pipeline(gzip, handle.createWriteStream());
    // The pipeline's failure (a full disk) is awaited below; until then it must not go unhandled.
    written.catch(() => undefined);
    const counts: Record<string, number> = {};
    try {
      await write(
        gzip,
        headerLine({
          kindredVersion: await kindredVersion(),
          createdAt: now().toISOString(),
          serverVersion: version[0].server_version,
          migrations,
          tables: ordered,
          sequences,
        }),
      );
      for (const table of ordered) {
        await write(gzip, tableStartLine(table.name));
        const columns = table.columns.map(escapeIdentifier).join(', ');
        const copy = client.query(copyTo(`COPY ${escapeIdentifier(table.name)} (${columns}) TO STDOUT`));
        for await (const chunk of copy) await write(gzip, chunk as Buffer);
        counts[table.name] = copy.rowCount;
        await write(gzip, `${TABLE_END_LINE}\n`);
      }
      await write(gzip, trailerLine({ rows: counts }));
      gzip.end();
      await written;
    } catch (error) {
      gzip.destroy();
      await written.catch(() => undefined);
      throw error;
    }
    await sync(temporary);
    await rename(temporary, file);
    await sync(path.dirname(path.resolve(file)));
    return { tables: ordered.length, rows: Object.values(counts).reduce((sum, count) => sum + count, 0) };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    // Ending the session ends its read-only transaction, even one cut off in the middle of a COPY.
    await client.end().catch(() => undefined);
  }
}
