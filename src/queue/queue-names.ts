/** Every queue and job Kindred runs: their names, each job's data and its idempotent id. */
export enum QueueName {
  SCREENING = 'screening',
  ALERTS = 'alerts',
}

export enum JobName {
  SCREEN_POST = 'screen-post',
  DELIVER_ALERT = 'deliver-alert',
}

export interface ScreenPostJob {
  postId: string;
  revision: number;
}

/** What an on-call alert says: a case's link and priority and how long it waited, never its post's words or author. */
export interface AlertEvent {
  /** `test`: sent by `cli alert-test` to check a channel is wired; no case is waiting. */
  kind: 'case.waiting' | 'case.claimed' | 'case.closed' | 'test';
  caseId: string;
  priority: string;
  link: string;
  openedAt: string;
  /** How long the case had waited unclaimed when this was raised (to its first claim, for a follow-up). */
  waitingSeconds: number;
  /** Which alert about the case this is (1 the first); a follow-up carries the number it follows. */
  alertNumber: number;
}

/** One alert to one channel (named in ALERT_WEBHOOKS; its URL and secrets stay in the config, out of the queue). */
export interface AlertDeliveryJob {
  channel: string;
  event: AlertEvent;
}

export interface JobData {
  [JobName.SCREEN_POST]: ScreenPostJob;
  [JobName.DELIVER_ALERT]: AlertDeliveryJob;
}

/** Idempotent job ids: the same post revision is only ever queued once at a time. BullMQ forbids ':' in custom ids, so '_' joins. */
export function screenPostJobId(job: ScreenPostJob): string {
  return `${job.postId}_${job.revision}`;
}

/** A pass that enqueued and then failed to commit enqueues the same alert again: one delivery all the same. */
export function alertDeliveryJobId(job: AlertDeliveryJob): string {
  const { event } = job;
  return `alert_${event.caseId}_${event.kind.replace('.', '-')}_${event.alertNumber}_${job.channel}`;
}
