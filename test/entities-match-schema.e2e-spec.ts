import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { createTestDatabase } from './support/test-app';

/**
 * The entities are the schema's second description: if they disagree with what the
 * migrations built, `npm run migration:generate` writes a migration that drops foreign keys,
 * indexes and constraints. A freshly migrated database must leave it nothing to write.
 */
describe('entities and migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const { ownerUrl } = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(ownerUrl, { extra: { max: 2 } }));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('migration:generate against a migrated database is empty', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    const drift = upQueries.map((query) => `${query.query};`).join('\n');
    expect(`${upQueries.length} statement(s) to make the schema match the entities:\n${drift}`).toBe(
      '0 statement(s) to make the schema match the entities:\n',
    );
  });
});
