import { fakeForum, member, moderator } from '../../test/support/forum-fakes';
import { PostStatus } from './post-status';
import { ReactionKind } from './reaction-kind';

function withThread(values: { status?: PostStatus; hiddenByReports?: boolean } = {}) {
  const forum = fakeForum();
  const author = member();
  const thread = forum.db.addThread(forum.db.addSpace('recovery'), author.accountId, values);
  return { forum, author, thread };
}

describe('ReactionsService', () => {
  it('counts a member reacting twice with the same kind as one reaction, and unreacting twice as none', async () => {
    const { forum, thread } = withThread();
    const reader = member();
    await forum.reactions.react(reader, thread.id, ReactionKind.SUPPORT);
    await forum.reactions.react(reader, thread.id, ReactionKind.SUPPORT);
    await forum.reactions.react(reader, thread.id, ReactionKind.RELATE);
    await forum.reactions.react(member(), thread.id, ReactionKind.SUPPORT);

    expect(await forum.repositories.reactions.talliesByPost([thread.id], reader.accountId)).toEqual([
      { postId: thread.id, kind: ReactionKind.SUPPORT, count: 2, viewerReacted: true },
      { postId: thread.id, kind: ReactionKind.RELATE, count: 1, viewerReacted: true },
    ]);

    await forum.reactions.unreact(reader, thread.id, ReactionKind.SUPPORT);
    await forum.reactions.unreact(reader, thread.id, ReactionKind.SUPPORT);
    expect(forum.db.reactions).toEqual([
      { postId: thread.id, accountId: reader.accountId, kind: ReactionKind.RELATE },
      expect.objectContaining({ postId: thread.id, kind: ReactionKind.SUPPORT }),
    ]);
  });

  it('refuses a reaction to the author’s own post while it is not published with NOT_REACTABLE', async () => {
    const { forum, author, thread } = withThread({ status: PostStatus.PENDING });
    await expect(forum.reactions.react(author, thread.id, ReactionKind.SUPPORT)).rejects.toMatchObject({ reason: 'NOT_REACTABLE' });
    await expect(forum.reactions.react(moderator(), thread.id, ReactionKind.SUPPORT)).rejects.toMatchObject({ reason: 'NOT_REACTABLE' });
    expect(forum.db.reactions).toEqual([]);
  });

  it('answers POST_NOT_FOUND for a post the member cannot see, reacting or unreacting', async () => {
    const { forum, thread } = withThread({ hiddenByReports: true });
    await expect(forum.reactions.react(member(), thread.id, ReactionKind.GRATEFUL)).rejects.toMatchObject({ reason: 'POST_NOT_FOUND' });
    await expect(forum.reactions.unreact(member(), thread.id, ReactionKind.GRATEFUL)).rejects.toMatchObject({ reason: 'POST_NOT_FOUND' });
    await expect(forum.reactions.react(member(), 'not-a-uuid', ReactionKind.GRATEFUL)).rejects.toMatchObject({ reason: 'POST_NOT_FOUND' });
  });
});
