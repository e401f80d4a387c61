import * as fs from 'node:fs';
import * as path from 'node:path';
import { SAVED_THREADS_CACHE } from './cache-names';

describe('the saved-threads cache', () => {
  it('is the cache the service worker keeps when it clears old ones (it spells the name out)', () => {
    const worker = fs.readFileSync(path.join(__dirname, '..', 'sw.ts'), 'utf8');
    expect(worker).toContain(`const SAVED = '${SAVED_THREADS_CACHE}';`);
  });
});
