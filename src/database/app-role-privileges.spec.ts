import * as fs from 'node:fs';
import * as path from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { APP_TABLE_PRIVILEGES, privilegesFor } from './app-role-privileges';
import { passwordOf, roleNameOf } from './app-role';

/** The entity classes the data source finds (ENTITIES_GLOB): every exported class of every *.entity.ts. */
function entityClasses(): unknown[] {
  const src = path.join(__dirname, '..');
  const files = fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.entity.ts'));
  return files.flatMap((file) => Object.values(require(path.join(src, file)) as Record<string, unknown>));
}

describe('the app role privileges', () => {
  it('declares every entity table, so a new table is a decision and not an accident', () => {
    const classes = entityClasses();
    const tables = getMetadataArgsStorage()
      .tables.filter((table) => classes.includes(table.target))
      .map((table) => table.name);
    expect(tables.length).toBeGreaterThanOrEqual(17);
    for (const table of tables) expect(Object.keys(APP_TABLE_PRIVILEGES)).toContain(table);
  });

  it('lets the app only add to and read the audit log', () => {
    expect([...privilegesFor('moderation_action')].sort()).toEqual(['INSERT', 'SELECT']);
  });

  it('gives a table nobody declared plain reads and writes, never more', () => {
    expect(privilegesFor('some_new_table')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
  });
});

describe('role names and passwords in a URL', () => {
  it('are percent-decoded', () => {
    expect(roleNameOf('postgres://kindred%5Fapp:p%40ss%3Aword@db:5432/kindred')).toBe('kindred_app');
    expect(passwordOf('postgres://kindred%5Fapp:p%40ss%3Aword@db:5432/kindred')).toBe('p@ss:word');
  });

  it('are null when the URL names none', () => {
    expect(roleNameOf('postgres://db:5432/kindred')).toBeNull();
    expect(passwordOf('postgres://app@db:5432/kindred')).toBeNull();
  });
});
