import { metricsAccess } from './metrics-access';

describe('metricsAccess', () => {
  const token = 'operator-metrics-token-0123456789';

  it('hides /metrics on the main port when no token is configured, and serves the operator port', () => {
    expect(metricsAccess(undefined, null, 'main')).toBe('not-found');
    expect(metricsAccess(`Bearer ${token}`, null, 'main')).toBe('not-found');
    expect(metricsAccess(undefined, null, 'operator')).toBe('allowed');
  });

  it('asks for the token on both listeners once one is configured', () => {
    for (const listener of ['main', 'operator'] as const) {
      expect(metricsAccess(`Bearer ${token}`, token, listener)).toBe('allowed');
      expect(metricsAccess(undefined, token, listener)).toBe('unauthorized');
      expect(metricsAccess(`Bearer ${token}x`, token, listener)).toBe('unauthorized');
      expect(metricsAccess(token, token, listener)).toBe('unauthorized');
    }
  });
});
