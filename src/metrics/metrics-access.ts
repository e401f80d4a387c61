import { hasOperatorToken } from '../common/auth/operator-token';

export type MetricsAccess = 'allowed' | 'unauthorized' | 'not-found';

/**
 * Who may read /metrics. With a token configured, only its bearer. Without one, the main
 * port has no /metrics at all (404), while METRICS_PORT, an operator's own listener kept off
 * the public network, serves anyone who reaches it.
 */
export function metricsAccess(authorization: string | undefined, token: string | null, listener: 'main' | 'operator'): MetricsAccess {
  if (token === null) return listener === 'operator' ? 'allowed' : 'not-found';
  return hasOperatorToken(authorization, token) ? 'allowed' : 'unauthorized';
}
