import { faultSuite } from './support/fault-suite';

/**
 * Postgres stops (fast shutdown: every session cut) for 10 s mid-burst and starts again.
 * Meanwhile submissions get a clear GraphQL error with a contract code that says to try
 * again (`extensions.retryable`), not a hang; after
 * it, the same API and worker processes (never restarted) accept and screen again.
 */
const OUTAGE_MS = 10_000;

faultSuite({
  title: 'Postgres restarted mid-burst',
  name: 'postgres_restart',
  backends: ['postgres', 'redis'],
  topology: { apis: 1, workers: 1 },
  during: { mayBeRefused: true, mayBeUnreachable: false, refusalsSayRetry: true },
  fault: async ({ postgres }) => {
    await postgres.pause();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    await postgres.resume();
  },
});
