import { resolve } from 'node:path';

/**
 * The project root, from this file's place: src/config under ts-jest, or dist/src/config once
 * built (`npm start`, the Docker image). Files built beside the code (the web client) are
 * found from here, whatever the working directory. (screening/model keeps its own: it may
 * import nothing but the engine.)
 */
export function projectRoot(): string {
  return __filename.endsWith('.js') ? resolve(__dirname, '..', '..', '..') : resolve(__dirname, '..', '..');
}
