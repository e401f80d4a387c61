import * as fs from 'node:fs';
import * as path from 'node:path';
import { WEB_CLIENT_OPERATION_NAMES } from '../src/graphql/client-operation-names';

/**
 * Metrics label GraphQL operations only by names on a closed list (no client-chosen text in a
 * label); the list is the web client's own operation names. A document added, renamed or
 * removed in web/src must be reflected there, or its operations would all read "other".
 */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the operation names metrics know, beside the web client documents', () => {
  it('are exactly the names the web client gives its operations', () => {
    const names = new Set<string>();
    for (const file of sources(path.join(__dirname, '..', 'web', 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/`\s*(?:query|mutation|subscription) ([A-Za-z][A-Za-z0-9_]*)/g)) names.add(match[1]);
    }
    expect(names.size).toBeGreaterThan(20);
    expect([...WEB_CLIENT_OPERATION_NAMES].sort()).toEqual([...names].sort());
  });
});
