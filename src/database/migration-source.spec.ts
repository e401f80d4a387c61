import * as ts from 'typescript';
import { isMigrationName, migrationSource, nextMigrationTimestamp } from './migration-source';

describe('a generated migration', () => {
  const source = migrationSource({
    name: 'AddThreadPins',
    timestamp: 1765000000000,
    up: [
      { query: `ALTER TABLE "thread" ADD "pinned" boolean NOT NULL DEFAULT false` },
      { query: 'COMMENT ON COLUMN "thread"."pinned" IS \'a `pin` costs ${nothing} \\ here\'' },
      { query: 'INSERT INTO "typeorm_metadata" ("type", "name") VALUES ($1, $2)', parameters: ['VIEW', 'feed'] },
    ],
    down: [{ query: `ALTER TABLE "thread" DROP COLUMN "pinned"` }],
  });

  it('is a class named and timestamped like the committed ones', () => {
    expect(source).toContain('export class AddThreadPins1765000000000 implements MigrationInterface');
    expect(source).toContain("name = 'AddThreadPins1765000000000';");
  });

  it('runs each statement as written, parameters included', async () => {
    const transpiled = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      reportDiagnostics: true,
    });
    expect(transpiled.diagnostics ?? []).toEqual([]);
    const module = { exports: {} as Record<string, new () => { up(q: unknown): Promise<void>; down(q: unknown): Promise<void> }> };
    new Function('module', 'exports', 'require', transpiled.outputText)(module, module.exports, () => ({}));
    const ran: unknown[][] = [];
    const q = { query: async (...args: unknown[]) => void ran.push(args) };

    const migration = new module.exports.AddThreadPins1765000000000();
    await migration.up(q);
    await migration.down(q);

    expect(ran).toEqual([
      [`ALTER TABLE "thread" ADD "pinned" boolean NOT NULL DEFAULT false`],
      ['COMMENT ON COLUMN "thread"."pinned" IS \'a `pin` costs ${nothing} \\ here\''],
      ['INSERT INTO "typeorm_metadata" ("type", "name") VALUES ($1, $2)', ['VIEW', 'feed']],
      [`ALTER TABLE "thread" DROP COLUMN "pinned"`],
    ]);
  });
});

describe('the next migration timestamp', () => {
  const files = ['1763900000000-InitialSchema.ts', '1764400000000-ModerationStandingAndTimePrivacy.ts', 'README.md'];

  it('is now when now is after every migration', () => {
    expect(nextMigrationTimestamp(files, 1800000000000)).toBe(1800000000000);
  });

  it('follows the newest migration when the clock is behind it', () => {
    expect(nextMigrationTimestamp(files, 1700000000000)).toBe(1764400000001);
  });
});

describe('a migration name', () => {
  it('is PascalCase letters and digits, as a class name must be', () => {
    expect(isMigrationName('AddThreadPins')).toBe(true);
    expect(isMigrationName('add-thread-pins')).toBe(false);
    expect(isMigrationName('Add Thread')).toBe(false);
  });
});
