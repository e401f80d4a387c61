/** One statement of a schema change, as TypeORM's schema builder logs it. */
export interface SchemaStatement {
  query: string;
  parameters?: unknown[];
}

export interface GeneratedMigration {
  /** PascalCase, as in migrations/: `AddThreadPins`. */
  name: string;
  timestamp: number;
  up: readonly SchemaStatement[];
  /** In the order they undo `up`: the reverse of the builder's own list. */
  down: readonly SchemaStatement[];
}

const NAME = /^[A-Z][A-Za-z0-9]*$/;

export function isMigrationName(name: string): boolean {
  return NAME.test(name);
}

/**
 * Migration file names start with their timestamp, and TypeORM runs them in that order:
 * a new one must come after every file already there, whatever the clock says.
 */
export function nextMigrationTimestamp(existingFileNames: readonly string[], now: number): number {
  const newest = existingFileNames.reduce((max, file) => {
    const stamp = /^(\d+)-/.exec(file);
    return stamp ? Math.max(max, Number(stamp[1])) : max;
  }, 0);
  return Math.max(now, newest + 1);
}

/** A statement inside a template literal: backslashes, backticks and `${` kept literal. */
function literal(sql: string): string {
  return sql.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
}

function call(statement: SchemaStatement): string {
  const parameters = statement.parameters?.length ? `, ${JSON.stringify(statement.parameters)}` : '';
  return `    await q.query(\`${literal(statement.query)}\`${parameters});`;
}

/** The source of a migration in the house style of migrations/ (a class per file, `q` for the runner). */
export function migrationSource(migration: GeneratedMigration): string {
  const className = `${migration.name}${migration.timestamp}`;
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from the entities by \`npm run migration:generate\`. Read every statement, then say here why. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(q: QueryRunner): Promise<void> {
${migration.up.map(call).join('\n')}
  }

  public async down(q: QueryRunner): Promise<void> {
${migration.down.map(call).join('\n')}
  }
}
`;
}
