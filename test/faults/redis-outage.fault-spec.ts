import { faultSuite } from './support/fault-suite';

/**
 * Redis stops for 20 s and comes back empty (no persistence: every queued job is gone).
 * Posting must go on meanwhile (the committed PENDING post is the promise), and the sweeper
 * re-enqueues what the outage lost.
 */
const OUTAGE_MS = 20_000;

faultSuite({
  title: 'Redis stopped for 20 s mid-burst and restarted empty',
  name: 'redis_outage',
  backends: ['redis'],
  topology: { apis: 1, workers: 1 },
  during: { mayBeRefused: false, mayBeUnreachable: false, mustBeAccepted: true },
  fault: async ({ redis }) => {
    if (!redis) throw new Error('no redis in this deployment');
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    await redis.start();
  },
});
