import { fakeForum, member, moderator, testConfig } from '../../test/support/forum-fakes';
import { ContentWarning, PostStatus } from './post-status';

function withPost(status: PostStatus = PostStatus.PUBLISHED) {
  const forum = fakeForum(testConfig({ edits: { perWindow: 2, windowSeconds: 900 } }));
  const author = member();
  const thread = forum.db.addThread(forum.db.addSpace('recovery'), author.accountId, { status, title: 'Old title', body: 'Old words' });
  return { forum, author, thread };
}

describe('PostsService', () => {
  describe('edit', () => {
    it('sends an edited published post back to PENDING with the new text and revision, audited as EDIT, and queues it for screening after the commit', async () => {
      const { forum, author, thread } = withPost();
      const edited = await forum.posts.edit(author, { id: thread.id, body: 'New words', contentWarnings: [ContentWarning.LOSS] });

      expect(edited).toMatchObject({
        status: PostStatus.PENDING,
        body: 'New words',
        title: 'Old title',
        revision: 2,
        contentWarnings: [ContentWarning.LOSS],
      });
      expect(edited.editedAt).toBeInstanceOf(Date);
      expect(forum.db.post(thread.id)).toMatchObject({ status: PostStatus.PENDING, body: 'New words', revision: 2 });
      expect(forum.db.audit).toEqual([expect.objectContaining({ action: 'EDIT', postId: thread.id })]);
      expect(forum.db.locks).toEqual([`post ${thread.id} FOR UPDATE`]);
      expect(forum.db.events).toEqual(['commit', `screen ${thread.id} revision 2`]);
    });

    it('refuses an edit by someone else with NOT_AUTHOR, even a moderator, and hides posts the editor cannot see', async () => {
      const { forum, thread } = withPost();
      await expect(forum.posts.edit(member(), { id: thread.id, body: 'Mine now' })).rejects.toMatchObject({ reason: 'NOT_AUTHOR' });
      await expect(forum.posts.edit(moderator(), { id: thread.id, body: 'Mine now' })).rejects.toMatchObject({ reason: 'NOT_AUTHOR' });

      const pending = withPost(PostStatus.PENDING);
      await expect(pending.forum.posts.edit(member(), { id: pending.thread.id, body: 'Mine now' })).rejects.toMatchObject({
        reason: 'POST_NOT_FOUND',
      });
      expect(forum.db.post(thread.id).body).toBe('Old words');
    });

    it('refuses to edit a rejected or removed post with NOT_EDITABLE', async () => {
      for (const status of [PostStatus.REJECTED, PostStatus.REMOVED]) {
        const { forum, author, thread } = withPost(status);
        await expect(forum.posts.edit(author, { id: thread.id, body: 'Again' })).rejects.toMatchObject({ reason: 'NOT_EDITABLE' });
        expect(forum.db.post(thread.id)).toMatchObject({ status, body: 'Old words', revision: 1 });
      }
    });

    it('refuses a title on a reply and an edit that changes nothing', async () => {
      const { forum, author, thread } = withPost();
      const reply = forum.db.addReply(thread, author.accountId);
      await expect(forum.posts.edit(author, { id: reply.id, title: 'A title' })).rejects.toMatchObject({
        reason: 'INVALID_INPUT',
        details: { field: 'title' },
      });
      await expect(forum.posts.edit(author, { id: thread.id })).rejects.toMatchObject({ reason: 'INVALID_INPUT' });
      expect(forum.db.events.filter((event) => event.startsWith('screen'))).toEqual([]);
    });

    it('tells a member over the edit limit when to try again, and keeps the post as it was', async () => {
      const { forum, author, thread } = withPost();
      await forum.posts.edit(author, { id: thread.id, body: 'Second' });
      await forum.posts.edit(author, { id: thread.id, body: 'Third' });

      await expect(forum.posts.edit(author, { id: thread.id, body: 'Fourth' })).rejects.toMatchObject({
        reason: 'RATE_LIMITED',
        details: { retryAfterSeconds: 900 },
      });
      expect(forum.db.post(thread.id)).toMatchObject({ body: 'Third', revision: 3 });
    });
  });

  describe('findVisible and byAuthor', () => {
    it('shows a member all their own posts newest first, whatever their status, and others only what is public', async () => {
      const { forum, author, thread } = withPost();
      const pendingReply = forum.db.addReply(thread, author.accountId, {
        status: PostStatus.PENDING,
        createdAt: new Date(Date.now() + 1000),
      });
      forum.db.addReply(thread, member().accountId);

      const own = await forum.posts.byAuthor(author.accountId);
      expect(own.edges.map((edge) => edge.node.id)).toEqual([pendingReply.id, thread.id]);
      await expect(forum.posts.findVisible(pendingReply.id, member())).resolves.toBeNull();
      await expect(forum.posts.findVisible(pendingReply.id, author)).resolves.toMatchObject({ id: pendingReply.id });
    });
  });
});
