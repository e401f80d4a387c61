import { fakeForum, member, testConfig } from '../../test/support/forum-fakes';
import { PostKind } from './post-status';

function setUp() {
  const forum = fakeForum(
    testConfig({ limits: { postsPerWindow: 2, postWindowSeconds: 600 }, edits: { perWindow: 1, windowSeconds: 120 } }),
  );
  const space = forum.db.addSpace('recovery');
  return { forum, space };
}

describe('PostingRateLimitService', () => {
  it('lets a member post up to the limit in the window, then tells them when they may post again', async () => {
    const { forum, space } = setUp();
    const writer = member();
    const check = () => forum.db.dataSource.transaction((manager) => forum.rateLimit.check(manager, writer.accountId));

    forum.db.addThread(space, writer.accountId);
    await expect(check()).resolves.toBeUndefined();
    forum.db.addThread(space, writer.accountId);
    await expect(check()).rejects.toMatchObject({ reason: 'RATE_LIMITED', details: { retryAfterSeconds: 600 } });
  });

  it('forgets posts that left the window', async () => {
    const { forum, space } = setUp();
    const writer = member();
    const longAgo = new Date(Date.now() - 601_000);
    const thread = forum.db.addThread(space, writer.accountId, { createdAt: longAgo });
    forum.db.addPost({ kind: PostKind.REPLY, threadId: thread.id, authorId: writer.accountId, createdAt: longAgo });
    await expect(forum.db.dataSource.transaction((manager) => forum.rateLimit.check(manager, writer.accountId))).resolves.toBeUndefined();
  });

  it('counts edits on their own limit: each allowed edit counts, the one past the limit is refused', async () => {
    const { forum } = setUp();
    const writer = member();
    const checkEdit = () => forum.db.dataSource.transaction((manager) => forum.rateLimit.checkEdit(manager, writer.accountId));

    await expect(checkEdit()).resolves.toBeUndefined();
    await expect(checkEdit()).rejects.toMatchObject({ reason: 'RATE_LIMITED', details: { retryAfterSeconds: 120 } });
    // Someone else's edits are theirs alone.
    await expect(
      forum.db.dataSource.transaction((manager) => forum.rateLimit.checkEdit(manager, member().accountId)),
    ).resolves.toBeUndefined();
  });
});
