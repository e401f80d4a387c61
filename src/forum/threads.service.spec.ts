import { fakeForum, member, moderator, testConfig } from '../../test/support/forum-fakes';
import { PostKind, PostStatus } from './post-status';

describe('ThreadsService', () => {
  describe('startThread', () => {
    it('writes a PENDING opening post and its thread in the chosen space, and queues it for screening after the commit', async () => {
      const forum = fakeForum();
      const space = forum.db.addSpace('recovery');
      const author = member();
      const post = await forum.threads.startThread(author, { spaceId: space.id, title: '  Day one  ', body: 'Starting again.' });

      expect(post).toMatchObject({
        kind: PostKind.THREAD,
        threadId: post.id,
        authorId: author.accountId,
        title: 'Day one',
        status: PostStatus.PENDING,
        revision: 1,
      });
      expect(forum.db.threads.get(post.id)).toMatchObject({ spaceId: space.id, locked: false });
      expect(forum.db.events).toEqual(['commit', `screen ${post.id} revision 1`]);
    });

    it('refuses a space that does not exist with SPACE_NOT_FOUND and writes nothing', async () => {
      const forum = fakeForum();
      await expect(forum.threads.startThread(member(), { spaceId: 'not-a-uuid', title: 'Hi', body: 'Hello' })).rejects.toMatchObject({
        reason: 'SPACE_NOT_FOUND',
      });
      await expect(
        forum.threads.startThread(member(), { spaceId: '00000000-0000-4000-8000-000000000000', title: 'Hi', body: 'Hello' }),
      ).rejects.toMatchObject({
        reason: 'SPACE_NOT_FOUND',
      });
      expect(forum.db.posts.size).toBe(0);
      expect(forum.db.events).toEqual(['rollback']);
    });

    it('tells a member over the posting limit when to try again, and neither writes nor queues the thread', async () => {
      const forum = fakeForum(testConfig({ limits: { postsPerWindow: 2, postWindowSeconds: 600 } }));
      const space = forum.db.addSpace('recovery');
      const author = member();
      await forum.threads.startThread(author, { spaceId: space.id, title: 'One', body: 'One' });
      await forum.threads.startThread(author, { spaceId: space.id, title: 'Two', body: 'Two' });

      await expect(forum.threads.startThread(author, { spaceId: space.id, title: 'Three', body: 'Three' })).rejects.toMatchObject({
        reason: 'RATE_LIMITED',
        details: { retryAfterSeconds: 600 },
      });
      expect(forum.db.posts.size).toBe(2);
      expect(forum.db.events.filter((event) => event.startsWith('screen'))).toHaveLength(2);
      // Another member is not held back by the first one's posts.
      await expect(forum.threads.startThread(member(), { spaceId: space.id, title: 'Mine', body: 'Mine' })).resolves.toMatchObject({
        status: PostStatus.PENDING,
      });
    });

    it('refuses an empty title before touching the database', async () => {
      const forum = fakeForum();
      const space = forum.db.addSpace('recovery');
      await expect(forum.threads.startThread(member(), { spaceId: space.id, title: '   ', body: 'Body' })).rejects.toMatchObject({
        reason: 'INVALID_INPUT',
      });
      expect(forum.db.events).toEqual([]);
    });
  });

  describe('feed', () => {
    it('shows published, not hidden threads, most recent activity first, and only the space asked for', async () => {
      const forum = fakeForum();
      const recovery = forum.db.addSpace('recovery');
      const family = forum.db.addSpace('family');
      const author = member();
      const older = forum.db.addThread(recovery, author.accountId, { lastActivityAt: new Date('2026-11-01T10:00:00Z') });
      const newer = forum.db.addThread(recovery, author.accountId, { lastActivityAt: new Date('2026-11-02T10:00:00Z') });
      const elsewhere = forum.db.addThread(family, author.accountId, { lastActivityAt: new Date('2026-11-03T10:00:00Z') });
      forum.db.addThread(recovery, author.accountId, { status: PostStatus.PENDING });
      forum.db.addThread(recovery, author.accountId, { hiddenByReports: true });

      const all = await forum.threads.feed({});
      expect(all.page.edges.map((edge) => edge.node.id)).toEqual([elsewhere.id, newer.id, older.id]);
      expect(all.threads.map((thread) => thread.id)).toEqual([elsewhere.id, newer.id, older.id]);

      const inRecovery = await forum.threads.feed({ spaceSlug: 'recovery' });
      expect(inRecovery.page.edges.map((edge) => edge.node.id)).toEqual([newer.id, older.id]);
    });

    it('pages on with the cursor it handed out', async () => {
      const forum = fakeForum();
      const space = forum.db.addSpace('recovery');
      const ids = [1, 2, 3].map(
        (day) => forum.db.addThread(space, member().accountId, { lastActivityAt: new Date(`2026-11-0${day}T10:00:00Z`) }).id,
      );

      const first = await forum.threads.feed({ first: 2 });
      expect(first.page.pageInfo.hasNextPage).toBe(true);
      const second = await forum.threads.feed({ first: 2, after: first.page.pageInfo.endCursor });
      expect([...first.page.edges, ...second.page.edges].map((edge) => edge.node.id)).toEqual([...ids].reverse());
      expect(second.page.pageInfo.hasNextPage).toBe(false);
    });

    it('answers SPACE_NOT_FOUND for an unknown space, and PAGE_SIZE for a page over the limit', async () => {
      const forum = fakeForum(testConfig({ limits: { pageSizeMax: 30 } }));
      await expect(forum.threads.feed({ spaceSlug: 'nowhere' })).rejects.toMatchObject({ reason: 'SPACE_NOT_FOUND' });
      await expect(forum.threads.feed({ first: 31 })).rejects.toMatchObject({ reason: 'PAGE_SIZE' });
    });
  });

  describe('findVisible', () => {
    it('shows a pending thread to its author and moderators only, and never answers with a reply', async () => {
      const forum = fakeForum();
      const space = forum.db.addSpace('recovery');
      const author = member();
      const pending = forum.db.addThread(space, author.accountId, { status: PostStatus.PENDING });
      const published = forum.db.addThread(space, author.accountId);
      const reply = forum.db.addReply(published, author.accountId);

      await expect(forum.threads.findVisible(pending.id, author)).resolves.toMatchObject({ id: pending.id });
      await expect(forum.threads.findVisible(pending.id, moderator())).resolves.toMatchObject({ id: pending.id });
      await expect(forum.threads.findVisible(pending.id, member())).resolves.toBeNull();
      await expect(forum.threads.findVisible(pending.id, null)).resolves.toBeNull();
      await expect(forum.threads.findVisible(published.id, null)).resolves.toMatchObject({ id: published.id });
      await expect(forum.threads.findVisible(reply.id, author)).resolves.toBeNull();
      await expect(forum.threads.findVisible('not-a-uuid', author)).resolves.toBeNull();
    });
  });
});
