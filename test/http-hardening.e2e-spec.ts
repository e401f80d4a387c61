import { startTestApp, TestApp } from './support/test-app';

/**
 * What every HTTP response carries (security headers), and what /health tells whom: a bare
 * status to anyone, the parts and counts only to operators holding HEALTH_TOKEN.
 */

const HEALTH_TOKEN = 'operator-health-token-for-tests-0001';

async function responses(app: TestApp): Promise<Array<[string, Response]>> {
  return [
    ['GET /health', await fetch(`${app.baseUrl}/health`)],
    [
      'POST /graphql',
      await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ crisisResources { name } }' }),
      }),
    ],
  ];
}

describe('security headers and /health on a default app', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
  });
  afterAll(() => app?.close());

  it('sends a strict content security policy, nosniff and no framing on every response', async () => {
    for (const [route, response] of await responses(app)) {
      expect([route, response.status]).toEqual([route, 200]);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      // Not behind TLS unless told so: HSTS would lock browsers out of a plain-HTTP server.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('answers GET /health with a bare status: no counts, no backend, no error text', async () => {
    const response = await fetch(`${app.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('has no details endpoint while HEALTH_TOKEN is unset', async () => {
    expect((await fetch(`${app.baseUrl}/health/details`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/health/details`, { headers: { authorization: 'Bearer anything-at-all-here' } })).status).toBe(404);
  });
});

describe('HSTS behind TLS and /health/details for operators', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', TRUST_PROXY_TLS: 'on', HEALTH_TOKEN } });
  });
  afterAll(() => app?.close());

  it('sends HSTS when TRUST_PROXY_TLS says TLS reaches the client', async () => {
    for (const [, response] of await responses(app)) {
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    }
  });

  it('refuses the details without the token, or with a wrong one', async () => {
    for (const authorization of [undefined, `Bearer ${HEALTH_TOKEN.slice(0, -1)}`, `Bearer ${HEALTH_TOKEN}x`, HEALTH_TOKEN]) {
      const response = await fetch(`${app.baseUrl}/health/details`, { headers: authorization ? { authorization } : {} });
      expect([authorization, response.status]).toEqual([authorization, 401]);
      expect(await response.text()).not.toMatch(/queue|database|waiting/);
    }
  });

  it('shows the database and queue state to the operator', async () => {
    const response = await fetch(`${app.baseUrl}/health/details`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } });
  });

  // Last: it takes the database away from this app.
  it('reports a failure as 503 with the error class, never its message', async () => {
    await app.dataSource.destroy();
    const health = await fetch(`${app.baseUrl}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable' });
    const details = await fetch(`${app.baseUrl}/health/details`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } });
    expect(details.status).toBe(503);
    const body = (await details.json()) as { status: string; database: { status: string; error?: string } };
    expect(body.status).toBe('unavailable');
    expect(body.database.status).toBe('down');
    expect(body.database.error).toMatch(/^[A-Za-z]+$/);
    // A driver's message is prose; nothing in the answer is.
    expect(JSON.stringify(body)).not.toMatch(/\s/);
  });
});
