import { serializeCookie } from '../common/cookies/cookie-header';

/**
 * The two cookies of a browser session (OWASP's signed double-submit cookie). The session
 * token travels in an HttpOnly cookie that scripts cannot read, sent only to /graphql; the
 * page's script reads the CSRF cookie (an HMAC of the token) and echoes it in X-CSRF-Token.
 * Another site can make the browser send the first cookie but can neither read the second
 * nor compute it, so a request it forges carries no matching header.
 */
export const SESSION_COOKIE = 'kindred_session';
export const CSRF_COOKIE = 'kindred_csrf';
/** The request header that carries the CSRF cookie's value back (lower case, as Node delivers headers). */
export const CSRF_HEADER = 'x-csrf-token';

/** Where the session cookie is sent: the API only, never the pages or their assets. */
const SESSION_COOKIE_PATH = '/graphql';
/** The page's script runs at / and must be able to read the CSRF cookie there. */
const CSRF_COOKIE_PATH = '/';

export interface SessionCookieValues {
  token: string;
  csrfToken: string;
  maxAgeSeconds: number;
  secure: boolean;
}

/** The Set-Cookie headers that start a browser session. */
export function sessionCookieHeaders({ token, csrfToken, maxAgeSeconds, secure }: SessionCookieValues): string[] {
  return [
    serializeCookie(SESSION_COOKIE, token, { maxAgeSeconds, path: SESSION_COOKIE_PATH, httpOnly: true, secure, sameSite: 'Strict' }),
    serializeCookie(CSRF_COOKIE, csrfToken, { maxAgeSeconds, path: CSRF_COOKIE_PATH, httpOnly: false, secure, sameSite: 'Strict' }),
  ];
}

/** The Set-Cookie headers that end it: the same names and paths, expired at once. */
export function clearedSessionCookieHeaders(secure: boolean): string[] {
  return sessionCookieHeaders({ token: '', csrfToken: '', maxAgeSeconds: 0, secure });
}
