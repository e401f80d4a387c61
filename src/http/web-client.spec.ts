import { cacheControlFor, isClientRoute } from './web-client';

describe('serving the web client', () => {
  it('caches hashed assets for a year and asks again for everything else', () => {
    expect(cacheControlFor('/assets/main-C_HWGqlk.js')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/index.html', '/sw.js', '/manifest.webmanifest']) expect(cacheControlFor(path)).toBe('no-cache');
  });

  it('answers client routes with the page, and leaves the API and missing files alone', () => {
    for (const path of ['/', '/t/42', '/moderation/cases/7', '/join']) expect(isClientRoute(path)).toBe(true);
    for (const path of ['/graphql', '/health', '/health/details', '/assets/gone-1234.js', '/favicon.ico'])
      expect(isClientRoute(path)).toBe(false);
  });
});
