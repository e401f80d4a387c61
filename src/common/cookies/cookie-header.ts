/**
 * Reading a Cookie request header and writing Set-Cookie response headers (RFC 6265), by hand:
 * the few cookies Kindred sets do not justify a dependency.
 */

export interface CookieAttributes {
  /** Seconds until the browser drops the cookie; 0 drops it at once. */
  maxAgeSeconds: number;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax';
}

/** RFC 7230 token characters: what a cookie name may be made of. */
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 6265 cookie-octets: no controls, whitespace, quote, comma, semicolon or backslash. */
const VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;
/** Path attribute values: printable ASCII without the attribute separator. */
const PATH = /^\/[\x20-\x3A\x3C-\x7E]*$/;

/**
 * The cookies a request sent, by name. When a name repeats (a cookie set for a deeper path
 * beside one for "/"), browsers send the most specific first, so the first one wins. A header
 * that is not a string (absent, or an array from a misbehaving client) holds no cookies.
 */
export function parseCookieHeader(header: unknown): Map<string, string> {
  const cookies = new Map<string, string>();
  if (typeof header !== 'string') return cookies;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    const name = pair.slice(0, equals).trim();
    let value = pair.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!NAME.test(name) || !VALUE.test(value) || cookies.has(name)) continue;
    cookies.set(name, value);
  }
  return cookies;
}

/**
 * One Set-Cookie header value. Throws on a name, value or path a browser would misread:
 * they come from the code, never from a request, so a bad one is a bug to surface.
 */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  if (!NAME.test(name)) throw new Error(`invalid cookie name ${name}`);
  // The value is never quoted in the message: it may be a session token.
  if (!VALUE.test(value)) throw new Error(`invalid value for cookie ${name}`);
  if (!PATH.test(attributes.path)) throw new Error(`invalid path for cookie ${name}`);
  if (!Number.isSafeInteger(attributes.maxAgeSeconds) || attributes.maxAgeSeconds < 0)
    throw new Error(`invalid max-age for cookie ${name}`);
  const parts = [`${name}=${value}`, `Max-Age=${attributes.maxAgeSeconds}`, `Path=${attributes.path}`];
  if (attributes.httpOnly) parts.push('HttpOnly');
  if (attributes.secure) parts.push('Secure');
  parts.push(`SameSite=${attributes.sameSite}`);
  return parts.join('; ');
}
