import { Client, escapeIdentifier } from 'pg';
import type { BackupSequence, BackupTable } from './backup-format';
import type { ForeignKey } from './load-order';

/**
 * What a backup and a restore read from PostgreSQL's catalog, about Kindred's schema
 * (`public`). TypeORM's ledger `migrations` is not data: a backup records its names in the
 * header, and a restore's own migrations write it. BullMQ's schema is left out (see write-backup.ts).
 */
export const LEDGER_TABLE = 'migrations';

/**
 * Tables of derived data that triggers keep as the other tables change: left out of a backup,
 * and filled again by the same triggers while a restore loads the rows they count.
 */
export const DERIVED_TABLES: readonly string[] = ['space_thread_count'];

/** Base tables and the columns a COPY can write (generated columns are computed again), less the ledger and derived tables. */
export async function listTables(client: Client): Promise<BackupTable[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition AND c.relname <> ALL($1::text[])
      GROUP BY c.relname
      ORDER BY c.relname`,
    [[LEDGER_TABLE, ...DERIVED_TABLES]],
  );
  return rows;
}

export async function listForeignKeys(client: Client): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT t.relname::text AS "table", r.relname::text AS "references", k.condeferrable AS deferrable
       FROM pg_constraint k
       JOIN pg_class t ON t.oid = k.conrelid
       JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'
      ORDER BY 1, 2`,
  );
  return rows;
}

/**
 * Columns fed by a sequence (serial or identity) and its last value; null when it was never
 * used, or when this role may not read it (a restore then goes by the column's largest value).
 */
export async function listSequences(client: Client): Promise<BackupSequence[]> {
  const { rows } = await client.query<{ table: string; column: string; last_value: string | null }>(
    `SELECT c.relname::text AS "table", a.attname::text AS "column", s.last_value::text AS last_value
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_sequences s ON format('%I.%I', s.schemaname, s.sequencename) = pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> $1
      ORDER BY 1, 2`,
    [LEDGER_TABLE],
  );
  return rows.map((row) => ({ table: row.table, column: row.column, lastValue: row.last_value }));
}

export async function ledgerExists(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`public.${LEDGER_TABLE}`]);
  return rows[0].exists;
}

/** Migration names applied, oldest first; empty for a database never migrated. */
export async function appliedMigrations(client: Client): Promise<string[]> {
  if (!(await ledgerExists(client))) return [];
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${escapeIdentifier(LEDGER_TABLE)} ORDER BY timestamp, id`);
  return rows.map((row) => row.name);
}
