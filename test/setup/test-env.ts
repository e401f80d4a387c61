import * as path from 'node:path';

/** Where jest's global setup leaves what it started, for the test files (run in other processes). */
export const TEST_STATE_FILE = path.join(__dirname, '..', '..', '.data', 'test-state.json');

export interface TestState {
  /** Admin URL of the test Postgres (database "postgres"); each test file creates its own database. */
  postgresAdminUrl: string;
  /**
   * The app's restricted role on the same cluster (database "postgres"): roles are
   * cluster-wide, so every test database grants this one role what the app needs.
   */
  postgresAppUrl: string;
  /** A Redis for the Redis-backed suite, or null when none is available (outside CI). */
  redisUrl: string | null;
  redisSkipReason: string | null;
}
