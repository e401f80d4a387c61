/**
 * Whether a WebSocket upgrade may proceed, judged by its Origin header. Browsers always send
 * Origin on a socket and let any page open one to any host (no CORS on WebSockets), so a
 * page elsewhere could ride a member's connection; other clients send none and are not at
 * risk. Allowed: no Origin, the server's own origin (same host as the request's Host), or
 * one listed in ALLOWED_ORIGINS.
 */
export function isAllowedSocketOrigin(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (host !== undefined && parsed.host === host.toLowerCase()) return true;
  return allowed.includes(parsed.origin);
}
