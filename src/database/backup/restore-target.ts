import { Client, escapeIdentifier } from 'pg';
import { ADVISORY_LOCK } from '../advisory-locks';
import { appliedMigrations, listForeignKeys, listTables, tablesWithRows } from './backup-catalog';
import { BackupFormatError, BackupHeader } from './backup-format';
import { loadOrderViolations } from './load-order';

/** The target is not one a restore may write to; nothing was changed. */
export class RestoreRefusedError extends Error {}

/**
 * Tables the migrations fill themselves (the spaces): a new database has their rows, with
 * ids of its own. A restore replaces them with the backup's, which its threads point to.
 */
export const SEEDED_BY_MIGRATIONS: ReadonlySet<string> = new Set(['space']);

/** A restore never overwrites: any of these tables holding rows stops it. */
export function refuseNonEmpty(tables: readonly string[]): void {
  if (tables.length > 0) {
    throw new RestoreRefusedError(
      `the target already holds data (tables ${tables.join(', ')}): a restore never overwrites data. ` +
        'Restore into a new DATA_DIR or an empty database.',
    );
  }
}

/** Checks the target once more under lock: another process may have written or migrated since the first look. */
export async function prepareTarget(client: Client, header: BackupHeader): Promise<void> {
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
