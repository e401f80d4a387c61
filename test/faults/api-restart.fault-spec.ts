import { faultSuite } from './support/fault-suite';

/**
 * The API process is killed mid-burst (SIGKILL: requests in flight are cut) and started
 * again on the same port. Posts committed before the cut whose enqueue never happened are
 * swept; submissions that found no API were not accepted.
 */
faultSuite({
  title: 'the API killed mid-burst and restarted',
  name: 'api_restart',
  backends: ['postgres', 'redis'],
  topology: { apis: 1, workers: 1 },
  during: { mayBeRefused: false, mayBeUnreachable: true },
  fault: async ({ apis }) => {
    await apis[0].kill();
    await apis[0].start();
  },
});
