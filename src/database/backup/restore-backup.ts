import { Client, escapeIdentifier } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '../data-source';
import { appliedMigrations, listTables } from './backup-catalog';
import { readBackupHeader } from './backup-file-reader';
import { loadBackup } from './load-backup';
import { planRestore } from './migration-plan';
import { refuseNonEmpty, RestoreRefusedError, tablesWithData } from './restore-target';

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** This code's migrations newer than the backup's, still to apply (prepareDatabase does). */
  later: string[];
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
    refuseNonEmpty(await tablesWithData(client, present));
    await migrator.initialize();
    const code = codeMigrations(migrator);
    const plan = planRestore(header.migrations, [...code.keys()], await appliedMigrations(client));
    if (!plan.ok) throw new RestoreRefusedError(`${plan.reason} (it was made by Kindred ${header.kindredVersion})`);
    await migrateTo(ownerUrl, header.migrations, code);
    const rows = await loadBackup(client, file, header);
    for (const table of header.tables) await client.query(`ANALYZE ${escapeIdentifier(table.name)}`);
    return { tables: header.tables.length, rows, later: plan.later };
  } finally {
    if (migrator.isInitialized) await migrator.destroy();
    await client.end().catch(() => undefined);
  }
}
