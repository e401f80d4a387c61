import type { DataSource, EntityMetadata } from 'typeorm';

/**
 * Select lists and hydration for the rows a repository reads with hand-built SQL (keyset row
 * comparisons, ranks, joins), derived from the entity's TypeORM metadata: a column added to
 * the entity is selected and hydrated here too, the same way `find` would.
 */
export class EntityRows<T extends object> {
  private readonly metadata: EntityMetadata;
  /** The columns `find` reads: not those declared `select: false` (PostEntity.searchVector). */
  private readonly columns: EntityMetadata['columns'];

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: new () => T,
  ) {
    this.metadata = dataSource.getMetadata(entity);
    this.columns = this.metadata.columns.filter((column) => column.isSelect);
  }

  /** Every column of `alias` as its property name (after `prefix`, to sit beside another entity's). */
  select(alias: string, prefix = ''): string {
    return this.columns.map((column) => `${alias}."${column.databaseName}" AS "${prefix}${column.propertyName}"`).join(', ');
  }

  /** An entity from a row selected with `select(…, prefix)`; a row that lacks a column is a bug, not data. */
  hydrate(row: Record<string, unknown>, prefix = ''): T {
    const entity = new this.entity();
    for (const column of this.columns) {
      const key = `${prefix}${column.propertyName}`;
      if (!(key in row)) throw new Error(`a ${this.metadata.tableName} row lacks ${key}`);
      column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(row[key], column) as unknown);
    }
    return entity;
  }
}
