import type { Job } from 'bullmq';

/** Enqueued (or due, for a delayed job) until started; never negative when clocks disagree a little. */
export function queueWaitSeconds(job: Pick<Job, 'timestamp' | 'delay' | 'processedOn'>, now: number): number {
  const due = job.timestamp + (job.delay ?? 0);
  return Math.max(0, ((job.processedOn ?? now) - due) / 1000);
}
