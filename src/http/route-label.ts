import type { StatusClass } from '../metrics/metric-labels';

/** Routes the API owns: their patterns are few and fixed in code, so each is its own label. */
const API_PREFIXES = ['/graphql', '/health', '/metrics'];

/**
 * The route label of a request from Fastify's matched route pattern, never the raw URL
 * (which carries ids and queries): API routes by pattern, every file and page of the web
 * client as one `web` (their hashed names change with each build), and `unmatched` for 404s.
 */
export function routeLabel(routePattern: string | undefined): string {
  if (routePattern === undefined || routePattern === '') return 'unmatched';
  return API_PREFIXES.some((prefix) => routePattern === prefix || routePattern.startsWith(`${prefix}/`)) ? routePattern : 'web';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'OTHER';
}

export function statusClass(statusCode: number): StatusClass {
  if (statusCode >= 500) return '5xx';
  if (statusCode >= 400) return '4xx';
  if (statusCode >= 300) return '3xx';
  if (statusCode >= 200) return '2xx';
  return '1xx';
}
