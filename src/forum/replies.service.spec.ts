import { fakeForum, member, moderator, testConfig } from '../../test/support/forum-fakes';
import { PostKind, PostStatus } from './post-status';

function withThread(options: { locked?: boolean; status?: PostStatus; hiddenByReports?: boolean } = {}) {
  const forum = fakeForum(testConfig({ limits: { postsPerWindow: 3, postWindowSeconds: 300 } }));
  const space = forum.db.addSpace('recovery');
  const starter = member();
  const thread = forum.db.addThread(space, starter.accountId, options);
  return { forum, thread, starter };
}

describe('RepliesService', () => {
  describe('reply', () => {
    it('adds a PENDING reply under a shared lock on the thread, and queues it for screening after the commit', async () => {
      const { forum, thread } = withThread();
      const replier = member();
      const reply = await forum.replies.reply(replier, { threadId: thread.id, body: ' Me too. ' });

      expect(reply).toMatchObject({
        kind: PostKind.REPLY,
        threadId: thread.id,
        authorId: replier.accountId,
        body: 'Me too.',
        status: PostStatus.PENDING,
        title: null,
      });
      expect(forum.db.locks).toEqual([`thread ${thread.id} FOR SHARE`]);
      expect(forum.db.events).toEqual(['commit', `screen ${reply.id} revision 1`]);
    });

    it('refuses a reply in a locked thread with THREAD_LOCKED', async () => {
      const { forum, thread } = withThread({ locked: true });
      await expect(forum.replies.reply(member(), { threadId: thread.id, body: 'Hello' })).rejects.toMatchObject({
        reason: 'THREAD_LOCKED',
      });
      expect([...forum.db.posts.values()].filter((post) => post.kind === PostKind.REPLY)).toEqual([]);
      expect(forum.db.events).toEqual(['rollback']);
    });

    it('refuses a reply to a thread that is not published yet with THREAD_NOT_OPEN, even from its author', async () => {
      const { forum, thread, starter } = withThread({ status: PostStatus.HELD });
      await expect(forum.replies.reply(starter, { threadId: thread.id, body: 'Hello' })).rejects.toMatchObject({
        reason: 'THREAD_NOT_OPEN',
      });
    });

    it('answers THREAD_NOT_FOUND for a thread the member cannot see, as for one that does not exist', async () => {
      const { forum, thread } = withThread({ hiddenByReports: true });
      await expect(forum.replies.reply(member(), { threadId: thread.id, body: 'Hello' })).rejects.toMatchObject({
        reason: 'THREAD_NOT_FOUND',
      });
      await expect(
        forum.replies.reply(member(), { threadId: '00000000-0000-4000-8000-000000000000', body: 'Hello' }),
      ).rejects.toMatchObject({ reason: 'THREAD_NOT_FOUND' });
      await expect(forum.replies.reply(member(), { threadId: 'nope', body: 'Hello' })).rejects.toMatchObject({
        reason: 'THREAD_NOT_FOUND',
      });
    });

    it('answers a reply of the same thread, and refuses one in another thread or the opening post', async () => {
      const { forum, thread } = withThread();
      const other = forum.db.addThread(forum.db.addSpace('family'), member().accountId);
      const earlier = forum.db.addReply(thread, member().accountId);
      const elsewhere = forum.db.addReply(other, member().accountId);

      await expect(forum.replies.reply(member(), { threadId: thread.id, body: 'Yes', inReplyToId: earlier.id })).resolves.toMatchObject({
        inReplyToId: earlier.id,
      });
      await expect(forum.replies.reply(member(), { threadId: thread.id, body: 'Yes', inReplyToId: elsewhere.id })).rejects.toMatchObject({
        reason: 'INVALID_INPUT',
        details: { field: 'inReplyToId' },
      });
      await expect(forum.replies.reply(member(), { threadId: thread.id, body: 'Yes', inReplyToId: thread.id })).rejects.toMatchObject({
        reason: 'INVALID_INPUT',
      });
    });

    it('does not let a member answer a reply they cannot see', async () => {
      const { forum, thread } = withThread();
      const pending = forum.db.addReply(thread, member().accountId, { status: PostStatus.PENDING });
      await expect(forum.replies.reply(member(), { threadId: thread.id, body: 'Yes', inReplyToId: pending.id })).rejects.toMatchObject({
        reason: 'POST_NOT_FOUND',
      });
    });

    it('tells a member over the posting limit when to try again, counting their threads and replies together', async () => {
      const { forum, thread } = withThread();
      const replier = member();
      forum.db.addThread(forum.db.addSpace('family'), replier.accountId);
      await forum.replies.reply(replier, { threadId: thread.id, body: 'One' });
      await forum.replies.reply(replier, { threadId: thread.id, body: 'Two' });

      await expect(forum.replies.reply(replier, { threadId: thread.id, body: 'Three' })).rejects.toMatchObject({
        reason: 'RATE_LIMITED',
        details: { retryAfterSeconds: 300 },
      });
      expect([...forum.db.posts.values()].filter((post) => post.authorId === replier.accountId)).toHaveLength(3);
    });
  });

  describe('list', () => {
    it('shows everyone the public replies, a member also their own unpublished ones, and a moderator all of them, oldest first', async () => {
      const { forum, thread } = withThread();
      const writer = member();
      const at = (minute: number) => new Date(`2026-11-01T10:0${minute}:00Z`);
      const published = forum.db.addReply(thread, member().accountId, { createdAt: at(1) });
      const ownPending = forum.db.addReply(thread, writer.accountId, { status: PostStatus.PENDING, createdAt: at(2) });
      const othersHidden = forum.db.addReply(thread, member().accountId, { hiddenByReports: true, createdAt: at(3) });
      const later = forum.db.addReply(thread, member().accountId, { createdAt: at(4) });

      const ids = async (viewer: Parameters<typeof forum.replies.list>[1]) =>
        (await forum.replies.list(thread.id, viewer)).edges.map((edge) => edge.node.id);
      expect(await ids(null)).toEqual([published.id, later.id]);
      expect(await ids(writer)).toEqual([published.id, ownPending.id, later.id]);
      expect(await ids(moderator())).toEqual([published.id, ownPending.id, othersHidden.id, later.id]);
    });
  });
});
