import { Client, escapeIdentifier } from 'pg';
import { ADVISORY_LOCK } from '../advisory-locks';
import { appliedMigrations, listForeignKeys, listTables } from './backup-catalog';
import { BackupFormatError, BackupHeader } from './backup-format';
import { loadOrderViolations } from './load-order';

/** The target is not one a restore may write to; nothing was changed. */
export class RestoreRefusedError extends Error {}

/** The house account that opens the daily check-in threads (src/checkins/house-account.ts). */
const HOUSE_ACCOUNT = "'00000000-0000-4000-8000-00000000c4ec'";

/**
 * Rows the migrations write themselves, by table (null: every row): the spaces, the resource
 * library, and the house account with the mute of its own space. A new database has them, with
 * ids of its own; a restore deletes them and loads the backup's, which its other rows point to.
 */
export const SEEDED_BY_MIGRATIONS: ReadonlyMap<string, string | null> = new Map([
  ['space', null],
  ['resource', null],
  ['account', `id = ${HOUSE_ACCOUNT}`],
  ['space_mute', `account_id = ${HOUSE_ACCOUNT}`],
]);

/** The tables among `names` holding rows other than those the migrations seed: data a restore would overwrite. */
export async function tablesWithData(client: Client, names: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const seeded = SEEDED_BY_MIGRATIONS.get(name);
    if (seeded === null) continue;
    const others = seeded === undefined ? '' : ` WHERE NOT (${seeded})`;
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${escapeIdentifier(name)}${others}) AS any`);
    if (rows[0].any) found.push(name);
  }
  return found;
}

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
  refuseNonEmpty(await tablesWithData(client, names));
  const violations = loadOrderViolations(
    header.tables.map((table) => table.name),
    await listForeignKeys(client),
  );
  if (violations.length > 0) throw new BackupFormatError(`the backup loads ${violations.join(', ')}: the file is corrupt`);
  // post -> thread is deferrable: checked at COMMIT, once both tables are in.
  await client.query('SET CONSTRAINTS ALL DEFERRED');
  for (const table of header.tables) {
    if (!SEEDED_BY_MIGRATIONS.has(table.name)) continue;
    const seeded = SEEDED_BY_MIGRATIONS.get(table.name);
    await client.query(`DELETE FROM ${escapeIdentifier(table.name)}${seeded ? ` WHERE ${seeded}` : ''}`);
  }
}
