import * as path from 'node:path';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { ADVISORY_LOCK } from './advisory-locks';

/** Compiled migrations sit in dist/migrations; under ts-jest they are the .ts sources. */
const MIGRATIONS_GLOB = path.join(__dirname, '..', '..', 'migrations', '*.{js,ts}');

/**
 * Every `*.entity` file of the app, found by name: the database layer sits below the domains
 * and names none of them (each domain owns its tables). Compiled files in dist, sources under ts-jest.
 */
export const ENTITIES_GLOB = path.join(__dirname, '..', '**', '*.entity.{js,ts}');

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [ENTITIES_GLOB],
    migrations: [MIGRATIONS_GLOB],
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: 10 },
    // The schema needs no extension (gen_random_uuid is built in), and the app's role may
    // not create one: without this TypeORM tries CREATE EXTENSION "uuid-ossp" on connect.
    installExtensions: false,
    ...extra,
  } as DataSourceOptions;
}

/**
 * Opens a data source and applies pending migrations (concurrent starters wait on a lock);
 * `afterMigrations` runs while the lock is still held (grants, the queue's schema).
 */
export async function openDatabase(url: string, logger?: TypeOrmLogger, afterMigrations?: () => Promise<void>): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, logger ? { logger, logging: true } : {}));
  await dataSource.initialize();
  await runMigrationsLocked(dataSource, afterMigrations);
  return dataSource;
}

/** API and workers may start together: one applies migrations, the others wait for it. */
export async function runMigrationsLocked(dataSource: DataSource, afterMigrations?: () => Promise<void>): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK.MIGRATIONS]);
    await dataSource.runMigrations({ transaction: 'each' });
    await afterMigrations?.();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK.MIGRATIONS]).catch(() => undefined);
    await runner.release();
  }
}
