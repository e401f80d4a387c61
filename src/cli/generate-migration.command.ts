import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { isMigrationName, migrationSource, nextMigrationTimestamp } from '../database/migration-source';
import { prepareDatabase } from '../database/prepare-database';

export const GENERATE_MIGRATION_USAGE = `npm run migration:generate -- migrations/<Name>
  Applies the migrations to the configured database (the same DATA_DIR or DATABASE_URL and
  DATABASE_OWNER_URL as npm start), then writes migrations/<timestamp>-<Name>.ts with the
  statements that make that schema match the entities. Nothing is written when they match.
`;

/**
 * Like `typeorm migration:generate`, but over the database Kindred itself would use (the
 * embedded one included, started and stopped here) and migrated first, so the difference
 * is exactly what the entities changed.
 */
export async function generateMigration(target: string | undefined): Promise<number> {
  if (!target || target === '--help') {
    process.stderr.write(GENERATE_MIGRATION_USAGE);
    return target ? 0 : 2;
  }
  const name = path.basename(target);
  if (!isMigrationName(name)) {
    process.stderr.write(`"${name}" is not a migration name: PascalCase letters and digits, like AddThreadPins\n`);
    return 2;
  }
  const directory = path.resolve(path.dirname(target));
  const { database } = await prepareDatabase(loadConfig());
  try {
    const dataSource = new DataSource(dataSourceOptions(database.ownerUrl ?? database.url, { extra: { max: 1 } }));
    await dataSource.initialize();
    try {
      const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
      if (upQueries.length === 0) {
        process.stdout.write('the entities match the migrated schema: no migration written\n');
        return 0;
      }
      const timestamp = nextMigrationTimestamp(fs.readdirSync(directory), Date.now());
      const file = path.join(directory, `${timestamp}-${name}.ts`);
      fs.writeFileSync(file, migrationSource({ name, timestamp, up: upQueries, down: [...downQueries].reverse() }));
      process.stdout.write(`${path.relative(process.cwd(), file)}: ${upQueries.length} statement(s); read each before committing\n`);
      return 0;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}
