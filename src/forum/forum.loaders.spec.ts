import { fakeForum, member } from '../../test/support/forum-fakes';
import { ForumLoadersFactory } from './forum.loaders';
import { PostStatus } from './post-status';
import { ReactionKind } from './reaction-kind';

function setUp() {
  const forum = fakeForum();
  const { spaces, threads, posts, reactions } = forum.repositories;
  return { forum, factory: new ForumLoadersFactory(spaces, threads, posts, reactions) };
}

describe('ForumLoadersFactory', () => {
  it('loads the reply counts of a whole page in one repository call, counting only public replies', async () => {
    const { forum, factory } = setUp();
    const space = forum.db.addSpace('recovery');
    const busy = forum.db.addThread(space, member().accountId);
    const quiet = forum.db.addThread(space, member().accountId);
    forum.db.addReply(busy, member().accountId);
    forum.db.addReply(busy, member().accountId);
    forum.db.addReply(busy, member().accountId, { status: PostStatus.PENDING });
    const calls = jest.spyOn(forum.repositories.posts, 'publicReplyCounts');

    const loaders = factory.create(null);
    await expect(Promise.all([loaders.replyCountByThread.load(busy.id), loaders.replyCountByThread.load(quiet.id)])).resolves.toEqual([
      2, 0,
    ]);
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it('lists every reaction kind for each post, and whether the viewer the loaders were made for reacted', async () => {
    const { forum, factory } = setUp();
    const reader = member();
    const thread = forum.db.addThread(forum.db.addSpace('recovery'), member().accountId);
    await forum.reactions.react(reader, thread.id, ReactionKind.RELATE);
    await forum.reactions.react(member(), thread.id, ReactionKind.RELATE);

    await expect(factory.create(reader).reactionsByPost.load(thread.id)).resolves.toEqual([
      { kind: ReactionKind.SUPPORT, count: 0, viewerReacted: false },
      { kind: ReactionKind.RELATE, count: 2, viewerReacted: true },
      { kind: ReactionKind.GRATEFUL, count: 0, viewerReacted: false },
    ]);
    await expect(factory.create(null).reactionsByPost.load(thread.id)).resolves.toContainEqual({
      kind: ReactionKind.RELATE,
      count: 2,
      viewerReacted: false,
    });
  });

  it('answers null for ids that name nothing, in the order asked', async () => {
    const { forum, factory } = setUp();
    const space = forum.db.addSpace('recovery');
    const missing = '00000000-0000-4000-8000-000000000000';
    const loaders = factory.create(null);
    await expect(loaders.spaceById.loadMany([missing, space.id])).resolves.toEqual([null, space]);
  });
});
