/** /health/details shares the operators' bearer-token check with /metrics. */
export { hasOperatorToken as hasHealthToken } from '../common/auth/operator-token';
