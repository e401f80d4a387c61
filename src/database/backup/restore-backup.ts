import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Client, DatabaseError, escapeIdentifier } from 'pg';
import { from as copyFrom, CopyStreamQuery } from 'pg-copy-streams';
import { DataSource, MigrationInterface } from 'typeorm';
import { ADVISORY_LOCK } from '../advisory-locks';
import { dataSourceOptions, runMigrationsLocked } from '../data-source';
import { appliedMigrations, listForeignKeys, listSequences, listTables, tablesWithRows } from './backup-catalog';
import { BackupFormatError, BackupHeader, BackupTable } from './backup-format';
import { BackupParser } from './backup-parser';
import { loadOrderViolations } from './load-order';
import { planRestore } from './migration-plan';

/** The target is not one a restore may write to; nothing was changed. */
export class RestoreRefusedError extends Error {}

/**
 * Tables the migrations fill themselves (the spaces): a new database has their rows, with
 * ids of its own. A restore replaces them with the backup's, which its threads point to.
 */
const SEEDED_BY_MIGRATIONS: ReadonlySet<string> = new Set(['space']);

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** This code's migrations newer than the backup's, still to apply (prepareDatabase does). */
  later: string[];
}

/** zlib's errors say "incorrect header check"; the operator needs to hear what that means for the file. */
function unreadable(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new BackupFormatError(
      `the file is not a complete gzip stream (${(error as Error).message}): it is truncated, corrupt, or not a Kindred backup`,
    );
  }
  return error as Error;
}

/**
 * PostgreSQL's message about a row it refused can quote the row's values (members' words):
 * only the error's code, the constraint or column and the row's number are passed on.
 */
function refused(error: unknown, table: string | null): Error {
  if (!(error instanceof DatabaseError)) return unreadable(error);
  const row = /line (\d+)/.exec(error.where ?? '')?.[1];
  const details = [
    `SQLSTATE ${error.code}`,
    error.constraint && `constraint ${error.constraint}`,
    error.column && `column ${error.column}`,
    row && `row ${row}`,
  ];
  return new BackupFormatError(
    `${table ? `table ${table}` : 'the backup'} could not be loaded (${details.filter(Boolean).join(', ')}): ` +
      'the file is corrupt or does not fit this schema; nothing was restored',
  );
}

function backupStream(file: string): AsyncIterable<Buffer> & { destroy(): void } {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  // Until a reader iterates, an error (a truncated file) would be unhandled and end the process;
  // the stream keeps it, and the reader's loop throws it.
  gunzip.on('error', () => undefined);
  return input.pipe(gunzip);
}

/** The header alone, to decide about versions before touching any database. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const parser = new BackupParser();
  const stream = backupStream(file);
  try {
    for await (const chunk of stream) {
      const header = parser.push(chunk).find((event) => event.kind === 'header');
      if (header) return header.header;
    }
  } catch (error) {
    throw unreadable(error);
  } finally {
    stream.destroy();
  }
  parser.finish();
  throw new BackupFormatError('the file has no header: it is not a Kindred backup');
}

/** This code's migrations, oldest first, as TypeORM orders them (by the name's 13-digit timestamp). */
function codeMigrations(dataSource: DataSource): Map<string, MigrationInterface> {
  const named = dataSource.migrations.map((migration) => [migration.name ?? migration.constructor.name, migration] as const);
  return new Map(named.sort(([a], [b]) => Number(a.slice(-13)) - Number(b.slice(-13))));
}

/** Brings the target to exactly the backup's schema: its migrations and no later ones. */
async function migrateTo(ownerUrl: string, names: readonly string[], code: Map<string, MigrationInterface>): Promise<void> {
  const classes = names.map((name) => (code.get(name) as MigrationInterface).constructor as new () => MigrationInterface);
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { migrations: classes, extra: { max: 2 } }));
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function refuseNonEmpty(tables: readonly string[]): void {
  if (tables.length > 0) {
    throw new RestoreRefusedError(
      `the target already holds data (tables ${tables.join(', ')}): a restore never overwrites data. ` +
        'Restore into a new DATA_DIR or an empty database.',
    );
  }
}

/**
 * Loads a backup into an empty target as the schema's owner: checks the file's versions
 * against this code and the target, migrates the target to the backup's schema, then loads
 * every table in one transaction. Either all of the backup is in, or nothing is.
 */
export async function restoreBackup(file: string, ownerUrl: string): Promise<RestoreSummary> {
  const header = await readBackupHeader(file);
  const client = new Client({ connectionString: ownerUrl, application_name: 'kindred-restore' });
  client.on('error', () => undefined);
  await client.connect();
  const migrator = new DataSource(dataSourceOptions(ownerUrl, { extra: { max: 1 } }));
  try {
    const present = (await listTables(client)).map((table) => table.name);
    refuseNonEmpty(
      await tablesWithRows(
        client,
        present.filter((name) => !SEEDED_BY_MIGRATIONS.has(name)),
      ),
    );
    await migrator.initialize();
    const code = codeMigrations(migrator);
    const plan = planRestore(header.migrations, [...code.keys()], await appliedMigrations(client));
    if (!plan.ok) throw new RestoreRefusedError(plan.reason);
    await migrateTo(ownerUrl, header.migrations, code);
    const rows = await load(client, file, header);
    for (const table of header.tables) await client.query(`ANALYZE ${escapeIdentifier(table.name)}`);
    return { tables: header.tables.length, rows, later: plan.later };
  } finally {
    if (migrator.isInitialized) await migrator.destroy();
    await client.end().catch(() => undefined);
  }
}

/** Checks the target once more under lock: another process may have written or migrated since the first look. */
async function prepareTarget(client: Client, header: BackupHeader): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK.MIGRATIONS]);
  const applied = await appliedMigrations(client);
  if (applied.join() !== header.migrations.join()) {
    throw new RestoreRefusedError(
      "the target's schema changed while the restore was preparing it: is Kindred running on it? Stop it and try again",
    );
  }
  const tables = new Map((await listTables(client)).map((table) => [table.name, table]));
  for (const table of header.tables) {
    const columns = new Set(tables.get(table.name)?.columns ?? []);
    const missing = table.columns.filter((column) => !columns.has(column));
    if (!tables.has(table.name) || missing.length > 0) {
      throw new BackupFormatError(`the backup's table ${table.name} does not fit the schema its migrations make: the file is corrupt`);
    }
  }
  const names = [...tables.keys()];
  await client.query(`LOCK TABLE ${names.map(escapeIdentifier).join(', ')} IN ACCESS EXCLUSIVE MODE`);
  refuseNonEmpty(
    await tablesWithRows(
      client,
      names.filter((name) => !SEEDED_BY_MIGRATIONS.has(name)),
    ),
  );
  const violations = loadOrderViolations(
    header.tables.map((table) => table.name),
    await listForeignKeys(client),
  );
  if (violations.length > 0) throw new BackupFormatError(`the backup loads ${violations.join(', ')}: the file is corrupt`);
  // post -> thread is deferrable: checked at COMMIT, once both tables are in.
  await client.query('SET CONSTRAINTS ALL DEFERRED');
  for (const table of header.tables) {
    if (SEEDED_BY_MIGRATIONS.has(table.name)) await client.query(`DELETE FROM ${escapeIdentifier(table.name)}`);
  }
}

interface TableCopy {
  table: string;
  stream: CopyStreamQuery;
  done: Promise<void>;
}

function startCopy(client: Client, table: BackupTable): TableCopy {
  const columns = table.columns.map(escapeIdentifier).join(', ');
  const stream = client.query(copyFrom(`COPY ${escapeIdentifier(table.name)} (${columns}) FROM STDIN`));
  const done = finished(stream);
  done.catch(() => undefined);
  return { table: table.name, stream, done };
}

async function writeRows(copy: TableCopy, data: Buffer): Promise<void> {
  // The database refusing a row ends the stream with an error instead of a drain.
  if (!copy.stream.write(data)) await Promise.race([once(copy.stream, 'drain'), copy.done]);
}

/**
 * Sequences continue after the largest restored value, or after the value the backup saw if
 * that is larger (rows taken since), so no restored id is handed out again.
 */
async function resetSequences(client: Client, header: BackupHeader): Promise<void> {
  const restored = new Set(header.tables.map((table) => table.name));
  for (const sequence of await listSequences(client)) {
    if (!restored.has(sequence.table)) continue;
    const seen = header.sequences.find((entry) => entry.table === sequence.table && entry.column === sequence.column)?.lastValue ?? null;
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), v) FROM (SELECT greatest((SELECT max(${escapeIdentifier(sequence.column)}) FROM ${escapeIdentifier(sequence.table)}), $3::bigint) AS v) s WHERE v IS NOT NULL`,
      [`public.${escapeIdentifier(sequence.table)}`, sequence.column, seen],
    );
  }
}

async function load(client: Client, file: string, header: BackupHeader): Promise<number> {
  const parser = new BackupParser();
  let stream: ReturnType<typeof backupStream> | null = null;
  // A holder, not a variable: the catch below must see the copy the loop left open.
  const open: { copy: TableCopy | null } = { copy: null };
  let total = 0;
  await client.query('BEGIN');
  try {
    await prepareTarget(client, header);
    stream = backupStream(file);
    try {
      for await (const chunk of stream) {
        for (const event of parser.push(chunk)) {
          const copy = open.copy;
          if (event.kind === 'tableStart') open.copy = startCopy(client, event.table);
          else if (event.kind === 'rows' && copy) await writeRows(copy, event.data);
          else if (event.kind === 'tableEnd' && copy) {
            copy.stream.end();
            await copy.done;
            if (copy.stream.rowCount !== event.rows) {
              throw new BackupFormatError(`table ${event.table}: ${event.rows} row(s) in the file, ${copy.stream.rowCount} loaded`);
            }
            total += event.rows;
            open.copy = null;
          }
        }
      }
    } catch (error) {
      throw refused(error, open.copy?.table ?? null);
    }
    parser.finish();
    await resetSequences(client, header);
    // Deferred keys (post -> thread) are checked here.
    await client.query('COMMIT').catch((error: unknown) => Promise.reject(refused(error, null)));
    return total;
  } catch (error) {
    if (open.copy) {
      // Ends the COPY with CopyFail, so the connection can take the ROLLBACK.
      open.copy.stream.destroy(error as Error);
      await open.copy.done.catch(() => undefined);
    }
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    stream?.destroy();
  }
}
