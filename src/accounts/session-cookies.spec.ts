import { clearedSessionCookieHeaders, sessionCookieHeaders } from './session-cookies';

describe('session cookies', () => {
  it('sends the token only to /graphql and hides it from scripts; the CSRF value goes site-wide for the page to read', () => {
    expect(sessionCookieHeaders({ token: 'tok', csrfToken: 'mac', maxAgeSeconds: 2_592_000, secure: false })).toEqual([
      'kindred_session=tok; Max-Age=2592000; Path=/graphql; HttpOnly; SameSite=Strict',
      'kindred_csrf=mac; Max-Age=2592000; Path=/; SameSite=Strict',
    ]);
  });

  it('marks both Secure when asked', () => {
    for (const header of sessionCookieHeaders({ token: 'tok', csrfToken: 'mac', maxAgeSeconds: 60, secure: true })) {
      expect(header).toContain('; Secure;');
    }
  });

  it('clears both on the same paths', () => {
    expect(clearedSessionCookieHeaders(true)).toEqual([
      'kindred_session=; Max-Age=0; Path=/graphql; HttpOnly; Secure; SameSite=Strict',
      'kindred_csrf=; Max-Age=0; Path=/; Secure; SameSite=Strict',
    ]);
  });
});
