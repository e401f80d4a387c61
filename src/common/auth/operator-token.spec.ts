import { hasOperatorToken } from './operator-token';

describe('hasOperatorToken', () => {
  const token = 'operator-health-token-0123456789';

  it('accepts the bearer token, whatever the case of "Bearer"', () => {
    expect(hasOperatorToken(`Bearer ${token}`, token)).toBe(true);
    expect(hasOperatorToken(`bearer ${token}`, token)).toBe(true);
  });

  it('refuses a missing, different, truncated or extended token', () => {
    expect(hasOperatorToken(undefined, token)).toBe(false);
    expect(hasOperatorToken('', token)).toBe(false);
    expect(hasOperatorToken('Bearer ', token)).toBe(false);
    expect(hasOperatorToken(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(hasOperatorToken(`Bearer ${token}x`, token)).toBe(false);
    expect(hasOperatorToken(token, token)).toBe(false);
  });
});
