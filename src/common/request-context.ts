import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the HTTP request the current code runs for, so a log line written deep in a
 * service (an enqueue that failed, a masked internal error) can be matched to the request
 * and to the X-Request-Id its client saw. Only the id is kept: never a body or a token.
 */
const storage = new AsyncLocalStorage<string>();

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run(requestId, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore();
}

/**
 * Runs fn outside any request: for work that outlives the request which happened to start it
 * (a queue's connection made on first use, a job), whose later lines must not carry that id.
 */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}
