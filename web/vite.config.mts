import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * Brotli and gzip copies of every text file, written once at build: the server sends them as
 * they are (@fastify/static's preCompressed) and spends no CPU compressing per request.
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|webmanifest|json)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  return {
    name: 'kindred-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir).filter((name) => compressible.test(name))) {
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/**
 * The web client, built into dist/web and served by the API's own Fastify at /. The service
 * worker is its own entry with a fixed name (a worker's URL must stay stable); everything else
 * is content-hashed under /assets/, which the server caches for a year.
 */
export default defineConfig({
  root,
  plugins: [preact(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // The Content-Security-Policy allows scripts and styles from this origin only: nothing inlined.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2020',
    rollupOptions: {
      input: { main: `${root}index.html`, sw: `${root}src/sw.ts` },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
