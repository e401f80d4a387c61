/** Every queue and job Kindred runs: one enum, one job-to-queue map, one place for job options. */
export enum QueueName {
  SCREENING = 'screening',
}

export enum JobName {
  SCREEN_POST = 'screen-post',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SCREEN_POST]: QueueName.SCREENING,
};

export interface ScreenPostJob {
  postId: string;
  revision: number;
}

export interface JobData {
  [JobName.SCREEN_POST]: ScreenPostJob;
}

/** Idempotent job ids: the same post revision is only ever queued once at a time. BullMQ forbids ':' in custom ids, so '_' joins. */
export function screenPostJobId(job: ScreenPostJob): string {
  return `${job.postId}_${job.revision}`;
}
