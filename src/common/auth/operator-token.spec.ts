import { hasHealthToken } from './health-token';

describe('hasHealthToken', () => {
  const token = 'operator-health-token-0123456789';

  it('accepts the bearer token, whatever the case of "Bearer"', () => {
    expect(hasHealthToken(`Bearer ${token}`, token)).toBe(true);
    expect(hasHealthToken(`bearer ${token}`, token)).toBe(true);
  });

  it('refuses a missing, different, truncated or extended token', () => {
    expect(hasHealthToken(undefined, token)).toBe(false);
    expect(hasHealthToken('', token)).toBe(false);
    expect(hasHealthToken('Bearer ', token)).toBe(false);
    expect(hasHealthToken(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(hasHealthToken(`Bearer ${token}x`, token)).toBe(false);
    expect(hasHealthToken(token, token)).toBe(false);
  });
});
