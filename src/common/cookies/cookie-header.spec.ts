import { CookieAttributes, parseCookieHeader, serializeCookie } from './cookie-header';

const SESSION: CookieAttributes = { maxAgeSeconds: 3600, path: '/graphql', httpOnly: true, secure: false, sameSite: 'Strict' };

describe('parseCookieHeader', () => {
  it('reads every name=value pair, trimming the spaces around them', () => {
    expect(parseCookieHeader('a=1; b=two ;c=three')).toEqual(
      new Map([
        ['a', '1'],
        ['b', 'two'],
        ['c', 'three'],
      ]),
    );
  });

  it('keeps the first of a repeated name (the most specific path comes first)', () => {
    expect(parseCookieHeader('kindred_session=deep; kindred_session=root').get('kindred_session')).toBe('deep');
  });

  it('unquotes a quoted value and keeps an empty one', () => {
    expect(parseCookieHeader('a="quoted"; b=').get('a')).toBe('quoted');
    expect(parseCookieHeader('a="quoted"; b=').get('b')).toBe('');
  });

  it('keeps "=" inside a value (base64 padding)', () => {
    expect(parseCookieHeader('a=YWJj==').get('a')).toBe('YWJj==');
  });

  it('skips pairs without "=", with a bad name or with characters a cookie may not hold', () => {
    expect([...parseCookieHeader('flag; =nameless; bad name=1; b=has space; c=back\\slash; d=ok').entries()]).toEqual([['d', 'ok']]);
  });

  it('finds no cookies in a missing, empty or non-string header', () => {
    expect(parseCookieHeader(undefined).size).toBe(0);
    expect(parseCookieHeader('').size).toBe(0);
    expect(parseCookieHeader(['a=1']).size).toBe(0);
  });
});

describe('serializeCookie', () => {
  it('writes the value and every attribute', () => {
    expect(serializeCookie('kindred_session', 'abc_-9', SESSION)).toBe(
      'kindred_session=abc_-9; Max-Age=3600; Path=/graphql; HttpOnly; SameSite=Strict',
    );
  });

  it('adds Secure, and leaves HttpOnly out when the page must read the cookie', () => {
    expect(serializeCookie('kindred_csrf', 'x', { ...SESSION, path: '/', httpOnly: false, secure: true })).toBe(
      'kindred_csrf=x; Max-Age=3600; Path=/; Secure; SameSite=Strict',
    );
  });

  it('clears a cookie with an empty value and Max-Age=0', () => {
    expect(serializeCookie('a', '', { ...SESSION, maxAgeSeconds: 0 })).toBe('a=; Max-Age=0; Path=/graphql; HttpOnly; SameSite=Strict');
  });

  it('refuses what a browser would misread: a bad name, value, path or max-age', () => {
    expect(() => serializeCookie('bad name', 'x', SESSION)).toThrow('invalid cookie name');
    expect(() => serializeCookie('a', 'x; Path=/', SESSION)).toThrow('invalid value for cookie a');
    expect(() => serializeCookie('a', 'x', { ...SESSION, path: 'graphql' })).toThrow('invalid path');
    expect(() => serializeCookie('a', 'x', { ...SESSION, path: '/a;b' })).toThrow('invalid path');
    expect(() => serializeCookie('a', 'x', { ...SESSION, maxAgeSeconds: -1 })).toThrow('invalid max-age');
    expect(() => serializeCookie('a', 'x', { ...SESSION, maxAgeSeconds: 1.5 })).toThrow('invalid max-age');
  });
});
