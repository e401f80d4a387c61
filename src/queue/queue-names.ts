/** Every queue and job Kindred runs: their names, each job's data and its idempotent id. */
export enum QueueName {
  SCREENING = 'screening',
}

export enum JobName {
  SCREEN_POST = 'screen-post',
}

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
