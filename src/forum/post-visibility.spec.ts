import { Role } from '../common/auth/role';
import type { Viewer } from '../common/auth/viewer';
import { canSeeScreening, canViewPost } from './post-visibility';
import { PostKind, PostStatus } from './post-status';

const author: Viewer = { accountId: 'a', sessionId: 's1', role: Role.MEMBER, suspendedUntil: null };
const other: Viewer = { accountId: 'b', sessionId: 's2', role: Role.MEMBER, suspendedUntil: null };
const moderator: Viewer = { accountId: 'm', sessionId: 's3', role: Role.MODERATOR, suspendedUntil: null };

describe('canViewPost', () => {
  it('shows published posts to everyone, signed in or not', () => {
    const post = { status: PostStatus.PUBLISHED, hiddenByReports: false, authorId: 'a', kind: PostKind.REPLY };
    expect([null, author, other, moderator].map((viewer) => canViewPost(post, viewer))).toEqual([true, true, true, true]);
  });

  it.each([PostStatus.PENDING, PostStatus.HELD, PostStatus.NEEDS_CHANGES, PostStatus.REJECTED, PostStatus.REMOVED])(
    'shows a %s post only to its author and moderators',
    (status) => {
      const post = { status, hiddenByReports: false, authorId: 'a', kind: PostKind.REPLY };
      expect([null, author, other, moderator].map((viewer) => canViewPost(post, viewer))).toEqual([false, true, false, true]);
    },
  );

  it.each(Object.values(PostStatus))('shows a %s check-in post only to its author and moderators, even published', (status) => {
    const post = { status, hiddenByReports: false, authorId: 'a', kind: PostKind.CHECK_IN };
    expect([null, author, other, moderator].map((viewer) => canViewPost(post, viewer))).toEqual([false, true, false, true]);
  });

  it('hides a reported post from everyone but author and moderators', () => {
    const post = { status: PostStatus.PUBLISHED, hiddenByReports: true, authorId: 'a', kind: PostKind.REPLY };
    expect([null, author, other, moderator].map((viewer) => canViewPost(post, viewer))).toEqual([false, true, false, true]);
  });

  it('hides a published post from a member on either side of a block, but not from a moderator', () => {
    const post = { status: PostStatus.PUBLISHED, hiddenByReports: false, authorId: 'a', kind: PostKind.THREAD };
    const blocking: Viewer = { ...other, hiddenAuthorIds: ['a'] };
    const moderatorWhoBlocked: Viewer = { ...moderator, hiddenAuthorIds: ['a'] };
    expect([blocking, moderatorWhoBlocked, other].map((viewer) => canViewPost(post, viewer))).toEqual([false, true, true]);
    expect(canViewPost({ ...post, authorId: null }, blocking)).toBe(true);
  });

  it('shows screening feedback to the author and moderators only', () => {
    const post = { authorId: 'a' };
    expect([null, author, other, moderator].map((viewer) => canSeeScreening(post, viewer))).toEqual([false, true, false, true]);
  });
});
