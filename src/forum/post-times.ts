import { isModerator, Viewer } from '../common/auth/viewer';

/**
 * How precisely a viewer sees a post's times. Exact times can link a pseudonym to other
 * traces (a message sent elsewhere at 21:04:17.532, a server log), so everyone but the
 * post's author and moderators sees them to the minute. Moderators keep exact times: they
 * already read the audit log, whose entries are exact, and need the order of events there.
 */
const MINUTE_MS = 60_000;

export function toMinute(time: Date): Date {
  return new Date(Math.floor(time.getTime() / MINUTE_MS) * MINUTE_MS);
}

export function seesExactTimes(post: { authorId: string | null }, viewer: Viewer | null): boolean {
  if (viewer === null) return false;
  return isModerator(viewer) || (post.authorId !== null && post.authorId === viewer.accountId);
}

/** One of the post's own times (createdAt, publishedAt, editedAt) as this viewer sees it. */
export function postTimeFor(time: Date | null, post: { authorId: string | null }, viewer: Viewer | null): Date | null {
  if (time === null) return null;
  return seesExactTimes(post, viewer) ? time : toMinute(time);
}

/**
 * A thread's last activity is usually someone else's reply, so only moderators see it
 * exactly; the thread's author sees it to the minute like everyone else.
 */
export function activityTimeFor(time: Date, viewer: Viewer | null): Date {
  return isModerator(viewer) ? time : toMinute(time);
}
