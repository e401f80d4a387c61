import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a proxy's or client's id may look like to be kept: short, and nothing a log line could be tricked by. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The request's id: the caller's X-Request-Id when it is a short safe token (a proxy's trace id), else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Fastify's genReqId. */
export function genReqId(request: { headers: Record<string, string | string[] | undefined> }): string {
  return requestIdFor(request.headers[REQUEST_ID_HEADER]);
}
