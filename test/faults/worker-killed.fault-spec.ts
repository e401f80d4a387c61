import { faultSuite } from './support/fault-suite';

/**
 * The only worker process is killed with SIGKILL mid-burst (jobs in hand, no shutdown
 * hook) and started again: the jobs it held are retried or swept, none lost or applied twice.
 */
faultSuite({
  title: 'a worker killed mid-burst and restarted',
  name: 'worker_killed',
  backends: ['postgres', 'redis'],
  topology: { apis: 1, workers: 1 },
  during: { mayBeRefused: false, mayBeUnreachable: false },
  fault: async ({ workers }) => {
    await workers[0].kill();
    await workers[0].start();
  },
});
