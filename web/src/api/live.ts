import { createClient, type Client } from 'graphql-ws';
import { csrfToken, GRAPHQL_PATH } from './graphql';

/**
 * graphql-ws to this origin. The browser sends the session cookie with the upgrade; the CSRF
 * token goes in the connection params, as it goes in a header over HTTP.
 */
let client: Client | null = null;

function liveClient(): Client {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  client ??= createClient({
    url: `${scheme}://${window.location.host}${GRAPHQL_PATH}`,
    connectionParams: () => ({ csrfToken: csrfToken() }),
    retryAttempts: Infinity,
    shouldRetry: () => true,
    lazy: true,
  });
  return client;
}

export interface LiveHandlers<T> {
  onEvent(data: T): void;
  /** The socket is up (again): events flow from here on. */
  onConnected(): void;
  /** The socket dropped or the subscription failed; the client keeps retrying. */
  onLost(): void;
}

/** Calls the handlers for every event of a subscription until the returned function is called. */
export function subscribe<T>(query: string, handlers: LiveHandlers<T>): () => void {
  const live = liveClient();
  const stopConnected = live.on('connected', () => handlers.onConnected());
  const stopClosed = live.on('closed', () => handlers.onLost());
  const stop = live.subscribe<T>(
    { query },
    { next: (result) => result.data && handlers.onEvent(result.data as T), error: () => handlers.onLost(), complete: () => undefined },
  );
  return () => {
    stop();
    stopConnected();
    stopClosed();
  };
}
