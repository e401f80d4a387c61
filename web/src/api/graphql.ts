/**
 * GraphQL over HTTP to this same origin. The session lives in an HttpOnly cookie the API sets;
 * scripts never see the token. What the page does read is the CSRF cookie, echoed in a header
 * so the API knows the request came from this page and not from another site.
 */
import { cookieValue } from './cookies';

export const GRAPHQL_PATH = '/graphql';
const CSRF_COOKIE = 'kindred_csrf';

/** A GraphQL error with the contract's code (or NETWORK when the server could not be reached). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function csrfToken(): string | null {
  return cookieValue(document.cookie, CSRF_COOKIE);
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'network');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(response.status === 429 ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR', `HTTP ${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) {
    const extensions = first.extensions ?? {};
    throw new ApiError(typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR', first.message, extensions);
  }
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', 'empty response');
  return body.data;
}
