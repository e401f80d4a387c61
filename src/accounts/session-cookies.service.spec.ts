import type { GqlHttpResponse } from '../common/graphql/gql-context';
import { loadConfig } from '../config/config';
import { SessionCookies } from './session-cookies.service';
import type { SessionCsrfService } from './session-csrf.service';

function setUp(env: Record<string, string> = {}) {
  const csrf = { valueFor: async (token: string) => `mac-of-${token}` } as unknown as SessionCsrfService;
  return new SessionCookies(csrf, loadConfig(env));
}

function response(overTls = false): GqlHttpResponse & { headers: string[] } {
  const headers: string[] = [];
  return { overTls, headers, setCookie: (header) => void headers.push(header) };
}

describe('SessionCookies', () => {
  it('sets the session and CSRF cookies for as long as the session lasts', async () => {
    const http = response();
    await setUp({ SESSION_TTL_DAYS: '7' }).issue(http, 'tok');
    expect(http.headers).toEqual([
      'kindred_session=tok; Max-Age=604800; Path=/graphql; HttpOnly; SameSite=Strict',
      'kindred_csrf=mac-of-tok; Max-Age=604800; Path=/; SameSite=Strict',
    ]);
  });

  it('marks them Secure over TLS, or behind a TLS proxy (TRUST_PROXY_TLS)', async () => {
    const direct = response(true);
    await setUp().issue(direct, 'tok');
    const proxied = response(false);
    await setUp({ TRUST_PROXY_TLS: 'on' }).issue(proxied, 'tok');
    for (const header of [...direct.headers, ...proxied.headers]) expect(header).toContain('; Secure;');
  });

  it('clears both, Secure alike', () => {
    const http = response();
    setUp({ TRUST_PROXY_TLS: 'on' }).clear(http);
    expect(http.headers).toEqual([
      'kindred_session=; Max-Age=0; Path=/graphql; HttpOnly; Secure; SameSite=Strict',
      'kindred_csrf=; Max-Age=0; Path=/; Secure; SameSite=Strict',
    ]);
  });

  it('does nothing without an HTTP response (graphql-ws)', async () => {
    const cookies = setUp();
    await expect(cookies.issue(undefined, 'tok')).resolves.toBeUndefined();
    expect(() => cookies.clear(undefined)).not.toThrow();
  });
});
