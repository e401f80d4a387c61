import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GqlResponse } from './test-app';

/** A graphql-ws client on the app's /graphql, like a browser tab or a dashboard keeps open. */
export function openSocket(graphqlUrl: string, token: string | null = null, headers: Record<string, string> = {}): Client {
  class HeaderedSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: HeaderedSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
  });
}

/** Runs one query or mutation on an open socket and resolves with its result (errors included). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever its own query selects
export function runOnSocket<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
  return new Promise((resolve, reject) => {
    let result: GqlResponse<T> | null = null;
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          result = value as GqlResponse<T>;
        },
        error: (error) => {
          // A refused operation arrives as a list of GraphQL errors; anything else is the socket failing.
          if (Array.isArray(error)) resolve({ errors: error as GqlResponse<T>['errors'] });
          else reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => (result ? resolve(result) : reject(new Error('operation completed without a result'))),
      },
    );
  });
}
