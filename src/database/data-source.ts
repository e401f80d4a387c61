import * as path from 'node:path';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Compiled migrations sit in dist/migrations; under ts-jest they are the .ts sources. */
const MIGRATIONS_GLOB = path.join(__dirname, '..', '..', 'migrations', '*.{js,ts}');

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: 10 },
    ...extra,
  } as DataSourceOptions;
}

/** Opens a data source and applies pending migrations (concurrent starters wait on a lock). */
export async function openDatabase(url: string, logger?: TypeOrmLogger): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, logger ? { logger, logging: true } : {}));
  await dataSource.initialize();
  await runMigrationsLocked(dataSource);
  return dataSource;
}

const MIGRATION_LOCK = 7_402_119;

/** API and workers may start together: one applies migrations, the others wait for it. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
