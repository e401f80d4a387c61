import { KindredConfig, loadConfig } from '../config/config';
import { BackupFormatError } from '../database/backup/backup-format';
import { readBackupHeader } from '../database/backup/backup-file-reader';
import { restoreBackup } from '../database/backup/restore-backup';
import { RestoreRefusedError } from '../database/backup/restore-target';
import { writeBackup } from '../database/backup/write-backup';
import { resolveDatabase } from '../database/embedded-postgres';
import { prepareDatabase } from '../database/prepare-database';

export const BACKUP_USAGE = `npm run --silent cli -- backup FILE
  Writes a consistent backup of the database \`npm start\` uses (DATA_DIR, or DATABASE_URL and
  DATABASE_OWNER_URL) to FILE (gzip, mode 0600), while the server keeps running. FILE holds
  members' posts and the installation's secrets: keep it private, encrypt it before it leaves the machine.
`;

export const RESTORE_USAGE = `npm run --silent cli -- restore FILE
  Loads a backup into an empty target: a new DATA_DIR, or an empty DATABASE_URL database
  (migrated as DATABASE_OWNER_URL). Refuses a target that holds data. Start Kindred afterwards.
`;

/** The file argument, or the exit code when there is none to work on (`--help`: 0, a usage error: 2). */
function fileArgument(text: string, args: readonly string[]): string | number {
  const [file, ...rest] = args;
  if (file === '--help') {
    process.stdout.write(text);
    return 0;
  }
  if (!file || rest.length > 0) {
    process.stderr.write(text);
    return 2;
  }
  return file;
}

/** `backup FILE`: reads as the owner when there is one, who can also read the sequences' positions. */
export async function runBackupCommand(args: readonly string[]): Promise<number> {
  const file = fileArgument(BACKUP_USAGE, args);
  if (typeof file === 'number') return file;
  const database = await resolveDatabase(loadConfig());
  try {
    const summary = await writeBackup(database.ownerUrl ?? database.url, file);
    process.stdout.write(`backed up ${summary.rows} row(s) of ${summary.tables} table(s) to ${file}\n`);
    return 0;
  } finally {
    await database.stop();
  }
}

/**
 * `restore FILE`: the header is checked before any database is started, so a wrong file
 * leaves no new cluster behind. After the load, the target is prepared as every start
 * prepares it (this code's newer migrations, the queue's schema, the app role's grants).
 */
export async function runRestoreCommand(args: readonly string[]): Promise<number> {
  const file = fileArgument(RESTORE_USAGE, args);
  if (typeof file === 'number') return file;
  const config = loadConfig();
  try {
    await readBackupHeader(file);
    const database = await resolveDatabase(config);
    try {
      const summary = await restoreBackup(file, database.ownerUrl ?? database.url);
      const prepared = await prepareDatabase(resolved(config, database.url, database.ownerUrl));
      await prepared.database.stop();
      const later = summary.later.length > 0 ? `; then applied ${summary.later.length} newer migration(s)` : '';
      process.stdout.write(`restored ${summary.rows} row(s) of ${summary.tables} table(s) from ${file}${later}\n`);
      return 0;
    } finally {
      await database.stop();
    }
  } catch (error) {
    if (error instanceof RestoreRefusedError || error instanceof BackupFormatError) {
      process.stderr.write(`restore refused: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** The database already resolved (and, when embedded, started by this process), as URLs. */
function resolved(config: KindredConfig, url: string, ownerUrl: string | null): KindredConfig {
  return { ...config, databaseUrl: url, databaseRoles: { ...config.databaseRoles, ownerUrl } };
}
