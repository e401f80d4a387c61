import type { GqlResponse } from './test-app';

/** The response's data, or a thrown error when GraphQL reported any error. */
export function ok<T>(response: GqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** Every error's extensions.code, in order (a missing code shows as 'undefined'). */
export function codes(response: GqlResponse<unknown>): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.code));
}

/** The first error's extensions.code, undefined when there is none. */
export function codeOf(response: { errors?: Array<{ extensions?: { code?: string } }> }): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
