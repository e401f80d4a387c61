import { cookieValue } from './cookies';

describe('reading a cookie', () => {
  it('finds one cookie among several', () => {
    expect(cookieValue('a=1; kindred_csrf=abc%3D; b=2', 'kindred_csrf')).toBe('abc=');
  });

  it('is null when the cookie is absent or its value is malformed', () => {
    expect(cookieValue('a=1', 'kindred_csrf')).toBeNull();
    expect(cookieValue('kindred_csrf=%E0%A4%A', 'kindred_csrf')).toBeNull();
  });
});
