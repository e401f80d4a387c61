import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the screening thread's code is. A worker thread is a fresh Node with no TypeScript
 * loader, so it always runs JavaScript:
 * - from dist (`npm start`, `npm run worker`, `npm run bench`) this file is itself compiled
 *   and screening-thread.js sits beside it;
 * - under jest (ts-jest compiles src/*.ts in memory, nothing on disk) the threads load the
 *   copy `npm run build` wrote to dist/src/screening/pool/. `npm test` builds before jest
 *   runs, so the thread runs the same engine source as the test. Registering ts-jest or
 *   ts-node inside each thread would also work but costs seconds per thread per app start.
 */
export function screeningThreadFile(): string {
  if (__filename.endsWith('.js')) return join(__dirname, 'screening-thread.js');
  const compiled = resolve(__dirname, '..', '..', '..', 'dist', 'src', 'screening', 'pool', 'screening-thread.js');
  if (!existsSync(compiled)) throw new Error(`screening threads need the compiled ${compiled}: run npm run build first`);
  return compiled;
}
