import type { Queue } from 'bullmq';
import type { QueueDepth, QueueState } from './metric-labels';

/** The states a queue's depth is counted in, for the metrics and /health/details alike. */
export const QUEUE_STATES: readonly QueueState[] = ['waiting', 'active', 'delayed', 'failed'];

/** A queue's jobs in each state, from its backend; throws when the backend does not answer. */
export async function queueDepth(queue: Pick<Queue, 'getJobCounts'>): Promise<QueueDepth> {
  const counts = await queue.getJobCounts(...QUEUE_STATES);
  return { waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 };
}
