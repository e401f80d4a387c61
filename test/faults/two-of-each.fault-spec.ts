import { faultSuite } from './support/fault-suite';

/**
 * Two API processes and two worker processes share the burst (posts alternate between the
 * APIs; both workers and both sweepers compete for the same jobs). Midway one worker is
 * stopped gracefully and started again, so jobs move between workers too.
 */
faultSuite({
  title: 'two APIs and two workers at once',
  name: 'two_of_each',
  backends: ['postgres', 'redis'],
  topology: { apis: 2, workers: 2 },
  during: { mayBeRefused: false, mayBeUnreachable: false },
  fault: async ({ workers }) => {
    await workers[1].signal('SIGTERM');
    await workers[1].start();
  },
});
