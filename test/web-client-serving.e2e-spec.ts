import * as fs from 'node:fs';
import * as path from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

const WEB = path.join(__dirname, '..', 'dist', 'web');

/** The web client over HTTP, as a browser fetches it (test/web-client.e2e-spec.ts drives a real browser). */
describe('the web client served at /', () => {
  let app: TestApp;
  let mainScript: string;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB, 'index.html'))) throw new Error('dist/web is not built: `npm run build` first (npm test does)');
    mainScript = /src="(\/assets\/main-[^"]+\.js)"/.exec(fs.readFileSync(path.join(WEB, 'index.html'), 'utf8'))![1];
    app = await startTestApp({ env: { WORKERS: 'off' } });
  });
  afterAll(() => app.close());

  it('serves the page at / and at client routes, revalidated every time, under the strict CSP', async () => {
    for (const route of ['/', '/t/00000000-0000-0000-0000-000000000000', '/join', '/moderation']) {
      const response = await fetch(`${app.baseUrl}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain(mainScript);
      // Readable before any script runs: the crisis numbers are in the page itself.
      expect(html).toContain('href="tel:988"');
    }
  });

  it('serves hashed assets compressed and cached for a year', async () => {
    const response = await fetch(`${app.baseUrl}${mainScript}`, { headers: { 'accept-encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toContain('javascript');
    const compressed = Number(response.headers.get('content-length'));
    expect(compressed).toBeLessThan(100 * 1024); // the first-load budget, with room to see it shrink or grow in the README
  });

  it('answers a missing asset with 404, not the page', async () => {
    const response = await fetch(`${app.baseUrl}/assets/main-missing.js`);
    expect(response.status).toBe(404);
  });

  it('serves the service worker and the manifest at fixed addresses, revalidated every time', async () => {
    const worker = await fetch(`${app.baseUrl}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    const manifest = await fetch(`${app.baseUrl}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(((await manifest.json()) as { start_url: string }).start_url).toBe('/');
  });

  it('leaves the API where it was', async () => {
    expect((await app.gql(`{ spaces { slug } }`)).data.spaces.length).toBeGreaterThan(0);
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
  });
});

describe('the API without the web client (WEB_CLIENT=off)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', WEB_CLIENT: 'off' } });
  });
  afterAll(() => app.close());

  it('serves no page at /', async () => {
    expect((await fetch(`${app.baseUrl}/`)).status).toBe(404);
    expect((await app.gql(`{ spaces { slug } }`)).data.spaces.length).toBeGreaterThan(0);
  });
});
