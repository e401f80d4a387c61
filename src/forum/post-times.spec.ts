import { Role } from '../common/auth/role';
import type { Viewer } from '../common/auth/viewer';
import { activityTimeFor, postTimeFor, toMinute } from './post-times';

const viewer = (accountId: string, role: Role = Role.MEMBER): Viewer => ({ accountId, sessionId: 's', role, suspendedUntil: null });

describe('post times', () => {
  const exact = new Date('2026-11-23T21:04:17.532Z');
  const minute = new Date('2026-11-23T21:04:00.000Z');
  const post = { authorId: 'author' };

  it('cuts a time to its minute', () => {
    expect(toMinute(exact)).toEqual(minute);
    expect(toMinute(minute)).toEqual(minute);
  });

  it('shows the author and moderators the exact time, everyone else the minute', () => {
    expect(postTimeFor(exact, post, viewer('author'))).toEqual(exact);
    expect(postTimeFor(exact, post, viewer('mod', Role.MODERATOR))).toEqual(exact);
    expect(postTimeFor(exact, post, viewer('admin', Role.ADMIN))).toEqual(exact);
    expect(postTimeFor(exact, post, viewer('reader'))).toEqual(minute);
    expect(postTimeFor(exact, post, viewer('peer', Role.PEER_SUPPORTER))).toEqual(minute);
    expect(postTimeFor(exact, post, null)).toEqual(minute);
    expect(postTimeFor(exact, { authorId: null }, viewer('reader'))).toEqual(minute);
    expect(postTimeFor(null, post, null)).toBeNull();
  });

  it('shows a thread’s last activity exactly to moderators only', () => {
    expect(activityTimeFor(exact, viewer('author'))).toEqual(minute);
    expect(activityTimeFor(exact, viewer('mod', Role.MODERATOR))).toEqual(exact);
  });
});
