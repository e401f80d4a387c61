import { randomBytes } from 'node:crypto';
import { codeOf, ok } from './support/gql';
import { calmText, REPLY, startThread, waitForScreened } from './support/forum';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/*
 * Issue 10, "connection", over GraphQL against the real database and the real screening
 * pipeline: follow (notified only of published replies, stop following from the notice),
 * block (hidden both ways in the feed, threads, replies, search, bookmarks and notices),
 * mute (out of the feed and the inbox, still reachable), bookmarks.
 */

const HELD_TEXT = 'hmu for subs, my plug has percs, dm me';

const INBOX = `query Inbox {
  me { notifications(first: 50) {
    unreadCount
    edges { node { id kind post { id ... on Reply { thread { id following } } } } }
  } }
}`;
interface InboxNode {
  id: string;
  kind: string;
  post: { id: string; thread?: { id: string; following: boolean } } | null;
}
interface Inbox {
  me: { notifications: { unreadCount: number; edges: Array<{ node: InboxNode }> } };
}

const FEED = `query Feed { threads(first: 100) { edges { node { id following muted } } } }`;
const THREAD_PAGE = `query Page($id: ID!) {
  thread(id: $id) { id following muted bookmarked space { id muted } replies(first: 100) { edges { node { id status author { id } } } } }
}`;
interface ThreadPage {
  thread: {
    id: string;
    following: boolean;
    muted: boolean;
    bookmarked: boolean;
    space: { id: string; muted: boolean };
    replies: { edges: Array<{ node: { id: string; status: string; author: { id: string } | null } }> };
  } | null;
}
const SEARCH = `query Search($q: String!) { search(query: $q, first: 50) { edges { node { id } } } }`;
const SPACE_THREADS = `query Space($slug: String!) { space(slug: $slug) { id threads(first: 100) { edges { node { id } } } } }`;
const BOOKMARKS = `query Bookmarks($after: String) {
  me { bookmarks(first: 2, after: $after) { edges { node { id bookmarked } } pageInfo { hasNextPage endCursor } } }
}`;
const BLOCKED = `query { me { blockedMembers { id pseudonym } } }`;

const FOLLOW = `mutation($id: ID!) { followThread(threadId: $id) { id following } }`;
const UNFOLLOW = `mutation($id: ID!) { unfollowThread(threadId: $id) }`;
const MUTE_THREAD = `mutation($id: ID!) { muteThread(threadId: $id) { id muted } }`;
const UNMUTE_THREAD = `mutation($id: ID!) { unmuteThread(threadId: $id) }`;
const MUTE_SPACE = `mutation($id: ID!) { muteSpace(spaceId: $id) { id muted } }`;
const UNMUTE_SPACE = `mutation($id: ID!) { unmuteSpace(spaceId: $id) }`;
const BOOKMARK = `mutation($id: ID!) { bookmarkPost(postId: $id) { id bookmarked } }`;
const UNBOOKMARK = `mutation($id: ID!) { unbookmarkPost(postId: $id) }`;
const BLOCK = `mutation($id: ID!) { blockMember(memberId: $id) }`;
const UNBLOCK = `mutation($id: ID!) { unblockMember(memberId: $id) }`;
const WITHDRAW = `mutation($id: ID!) { withdrawPost(id: $id) { id status } }`;

/** A word no other post holds, for search. */
function uniqueWord(): string {
  return `kestrel${randomBytes(4).toString('hex')}`;
}

describe('connections: follow, bookmark, mute, block', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  async function inbox(member: TestMember): Promise<InboxNode[]> {
    return ok(await app.gql<Inbox>(INBOX, {}, member.token)).me.notifications.edges.map((edge) => edge.node);
  }

  async function publishedThread(member: TestMember, body: string, title = 'A thread'): Promise<string> {
    const { id } = await startThread(app, member.token, body, title);
    expect(await waitForScreened(app, member.token, id)).toBe('PUBLISHED');
    return id;
  }

  /** A reply, waited for until screening decided (its author's POST_* notice is written in the same transaction as any other notice). */
  async function screenedReply(member: TestMember, threadId: string, body: string, expected = 'PUBLISHED'): Promise<string> {
    const reply = ok(await app.gql<{ reply: { id: string } }>(REPLY, { input: { threadId, body } }, member.token)).reply;
    await waitFor(async () => {
      const page = ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: threadId }, member.token));
      const status = page.thread?.replies.edges.find((edge) => edge.node.id === reply.id)?.node.status;
      return status && status !== 'PENDING' ? status : null;
    }, 30_000).then((status) => expect(status).toBe(expected));
    return reply.id;
  }

  async function feedIds(member?: TestMember): Promise<string[]> {
    return ok(await app.gql<{ threads: { edges: Array<{ node: { id: string } }> } }>(FEED, {}, member?.token)).threads.edges.map(
      (edge) => edge.node.id,
    );
  }

  it('tells a follower of each published reply once, never of a held one or their own, and lets them stop following from the notice', async () => {
    const author = await registerMember(app);
    const follower = await registerMember(app);
    const replier = await registerMember(app);
    const threadId = await publishedThread(author, calmText('follow'), 'A walk every morning');

    const followed = ok(await app.gql<{ followThread: { following: boolean } }>(FOLLOW, { id: threadId }, follower.token));
    expect(followed.followThread.following).toBe(true);
    // The thread's author follows too: already told by NEW_REPLY, never a second notice.
    ok(await app.gql(FOLLOW, { id: threadId }, author.token));

    const held = await screenedReply(replier, threadId, HELD_TEXT, 'HELD');
    const published = await screenedReply(replier, threadId, 'Mornings are my favourite too. Keep going.');
    await screenedReply(follower, threadId, 'Thank you both, this thread helps me a lot.');

    const notices = await inbox(follower);
    const followNotices = notices.filter((notice) => notice.kind === 'FOLLOWED_THREAD_REPLY');
    expect(followNotices.map((notice) => notice.post?.id)).toEqual([published]);
    expect(followNotices[0].post?.thread).toEqual({ id: threadId, following: true });

    const authorKinds = (await inbox(author)).filter((notice) => notice.post?.id === published).map((notice) => notice.kind);
    expect(authorKinds).toEqual(['NEW_REPLY']);

    // "Stop following" right from the notice: the thread it carries.
    expect(
      ok(await app.gql<{ unfollowThread: boolean }>(UNFOLLOW, { id: followNotices[0].post?.thread?.id }, follower.token)).unfollowThread,
    ).toBe(true);
    expect(ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: threadId }, follower.token)).thread?.following).toBe(false);
    await screenedReply(replier, threadId, 'One more thought: the river path at sunrise is lovely.');
    expect((await inbox(follower)).filter((notice) => notice.kind === 'FOLLOWED_THREAD_REPLY')).toHaveLength(1);

    // The held reply, once a moderator approves it, is published: now the author's follower hears of it.
    const other = await registerMember(app);
    ok(await app.gql(FOLLOW, { id: threadId }, other.token));
    const moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    const queue = ok(
      await app.gql<{ moderationQueue: { edges: Array<{ node: { id: string; post: { id: string } | null } }> } }>(
        `query { moderationQueue(first: 100) { edges { node { id post { id } } } } }`,
        {},
        moderator.token,
      ),
    );
    const caseId = queue.moderationQueue.edges.find((edge) => edge.node.post?.id === held)?.node.id;
    expect(caseId).toBeDefined();
    ok(await app.gql(`mutation($id: ID!) { claimCase(id: $id) { id } }`, { id: caseId }, moderator.token));
    ok(
      await app.gql(
        `mutation($input: ResolveCaseInput!) { resolveCase(input: $input) { id } }`,
        { input: { caseId, decision: 'APPROVE' } },
        moderator.token,
      ),
    );
    expect((await inbox(other)).filter((notice) => notice.kind === 'FOLLOWED_THREAD_REPLY').map((notice) => notice.post?.id)).toEqual([
      held,
    ]);
  }, 180_000);

  it('hides blocked members both ways in the feed, thread pages, replies, search and notifications, without telling them', async () => {
    const blocker = await registerMember(app);
    const blocked = await registerMember(app);
    const neighbour = await registerMember(app);
    const blockerWord = uniqueWord();
    const blockedWord = uniqueWord();
    const blockerThread = await publishedThread(blocker, `${calmText('blocker')} ${blockerWord}`, 'Blocker thread');
    const blockedThread = await publishedThread(blocked, `${calmText('blocked')} ${blockedWord}`, 'Blocked thread');
    const sharedThread = await publishedThread(neighbour, calmText('shared'), 'Everyone welcome');
    ok(await app.gql(FOLLOW, { id: sharedThread }, blocker.token));
    const blockedReply = await screenedReply(blocked, sharedThread, `Thanks for starting this. ${blockedWord} reply`);
    const blockerReply = await screenedReply(blocker, sharedThread, `Glad to be here. ${blockerWord} reply`);
    // Before the block, the blocker was told of the other's reply in the thread they follow.
    expect((await inbox(blocker)).some((notice) => notice.post?.id === blockedReply)).toBe(true);
    const bookmarked = ok(await app.gql<{ bookmarkPost: { bookmarked: boolean } }>(BOOKMARK, { id: blockedThread }, blocker.token));
    expect(bookmarked.bookmarkPost.bookmarked).toBe(true);

    expect(ok(await app.gql<{ blockMember: boolean }>(BLOCK, { id: blocked.accountId }, blocker.token)).blockMember).toBe(true);

    for (const [viewer, other, otherThread, otherReply, otherWord] of [
      [blocker, blocked, blockedThread, blockedReply, blockedWord],
      [blocked, blocker, blockerThread, blockerReply, blockerWord],
    ] as const) {
      expect(await feedIds(viewer)).not.toContain(otherThread);
      expect(ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: otherThread }, viewer.token)).thread).toBeNull();
      const replies = ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: sharedThread }, viewer.token)).thread?.replies.edges ?? [];
      expect(replies.map((edge) => edge.node.id)).not.toContain(otherReply);
      expect(replies.map((edge) => edge.node.author?.id)).not.toContain(other.accountId);
      const found = ok(await app.gql<{ search: { edges: Array<{ node: { id: string } }> } }>(SEARCH, { q: otherWord }, viewer.token));
      expect(found.search.edges).toEqual([]);
      // Replying in the other's thread: the same answer as for a thread that does not exist.
      const reply = await app.gql(REPLY, { input: { threadId: otherThread, body: 'Hello there.' } }, viewer.token);
      expect(codeOf(reply)).toBe('NOT_FOUND');
    }
    // Everyone else still sees both.
    expect(await feedIds(neighbour)).toEqual(expect.arrayContaining([blockerThread, blockedThread]));
    expect(await feedIds()).toEqual(expect.arrayContaining([blockerThread, blockedThread]));
    const forNeighbour = ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: sharedThread }, neighbour.token)).thread?.replies.edges ?? [];
    expect(forNeighbour.map((edge) => edge.node.id)).toEqual(expect.arrayContaining([blockedReply, blockerReply]));

    // Notices: the old one about the blocked member's reply leaves the inbox, and no new one comes.
    expect((await inbox(blocker)).some((notice) => notice.post?.id === blockedReply)).toBe(false);
    const later = await screenedReply(blocked, sharedThread, calmText('later'));
    expect((await inbox(neighbour)).some((notice) => notice.post?.id === later && notice.kind === 'NEW_REPLY')).toBe(true);
    expect((await inbox(blocker)).some((notice) => notice.post?.id === later)).toBe(false);
    // Bookmarks of the blocked member's posts drop out too.
    expect(ok(await app.gql<{ me: { bookmarks: { edges: unknown[] } } }>(BOOKMARKS, {}, blocker.token)).me.bookmarks.edges).toEqual([]);

    // Only the blocker's own list names the block; the blocked member's says nothing.
    expect(ok(await app.gql<{ me: { blockedMembers: Array<{ id: string }> } }>(BLOCKED, {}, blocker.token)).me.blockedMembers).toEqual([
      expect.objectContaining({ id: blocked.accountId }),
    ]);
    expect(ok(await app.gql<{ me: { blockedMembers: unknown[] } }>(BLOCKED, {}, blocked.token)).me.blockedMembers).toEqual([]);

    expect(codeOf(await app.gql(BLOCK, { id: blocker.accountId }, blocker.token))).toBe('BAD_USER_INPUT');

    expect(ok(await app.gql<{ unblockMember: boolean }>(UNBLOCK, { id: blocked.accountId }, blocker.token)).unblockMember).toBe(true);
    expect(await feedIds(blocker)).toContain(blockedThread);
    expect(ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: blockerThread }, blocked.token)).thread?.id).toBe(blockerThread);
  }, 240_000);

  it("keeps a moderator's own block out of the moderation queue", async () => {
    const moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    const member = await registerMember(app);
    ok(await app.gql(BLOCK, { id: member.accountId }, moderator.token));
    const { id } = await startThread(app, member.token, HELD_TEXT, 'Selling');
    expect(await waitForScreened(app, member.token, id)).toBe('HELD');
    const queue = ok(
      await app.gql<{ moderationQueue: { edges: Array<{ node: { post: { id: string; body: string } | null } }> } }>(
        `query { moderationQueue(first: 100) { edges { node { post { id body } } } } }`,
        {},
        moderator.token,
      ),
    );
    expect(queue.moderationQueue.edges.map((edge) => edge.node.post?.id)).toContain(id);
  }, 120_000);

  it('mutes a thread or a space: out of the feed and the inbox, still reachable, and back on unmute', async () => {
    const author = await registerMember(app);
    const reader = await registerMember(app);
    const replier = await registerMember(app);
    const threadId = await publishedThread(author, calmText('mute'), 'Quiet please');

    const muted = ok(await app.gql<{ muteThread: { muted: boolean } }>(MUTE_THREAD, { id: threadId }, reader.token));
    expect(muted.muteThread.muted).toBe(true);
    expect(await feedIds(reader)).not.toContain(threadId);
    expect(await feedIds(author)).toContain(threadId);
    expect(ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: threadId }, reader.token)).thread?.muted).toBe(true);
    expect(ok(await app.gql<{ unmuteThread: boolean }>(UNMUTE_THREAD, { id: threadId }, reader.token)).unmuteThread).toBe(true);
    expect(await feedIds(reader)).toContain(threadId);

    // The author mutes their own thread: no NEW_REPLY from it while muted.
    ok(await app.gql(MUTE_THREAD, { id: threadId }, author.token));
    const quiet = await screenedReply(replier, threadId, 'Sending good thoughts your way today.');
    expect((await inbox(author)).some((notice) => notice.post?.id === quiet)).toBe(false);
    ok(await app.gql(UNMUTE_THREAD, { id: threadId }, author.token));
    const heard = await screenedReply(replier, threadId, 'And one more: you are doing well.');
    expect((await inbox(author)).some((notice) => notice.post?.id === heard && notice.kind === 'NEW_REPLY')).toBe(true);

    // A muted space: its threads leave the feed, its own page still lists them.
    const page = ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: threadId }, reader.token)).thread;
    const spaceId = page?.space.id as string;
    const slug = ok(await app.gql<{ spaces: Array<{ id: string; slug: string }> }>('{ spaces { id slug } }')).spaces.find(
      (space) => space.id === spaceId,
    )?.slug;
    expect(ok(await app.gql<{ muteSpace: { muted: boolean } }>(MUTE_SPACE, { id: spaceId }, reader.token)).muteSpace.muted).toBe(true);
    expect(await feedIds(reader)).not.toContain(threadId);
    const spaceThreads = ok(
      await app.gql<{ space: { threads: { edges: Array<{ node: { id: string } }> } } }>(SPACE_THREADS, { slug }, reader.token),
    );
    expect(spaceThreads.space.threads.edges.map((edge) => edge.node.id)).toContain(threadId);
    expect(ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: threadId }, reader.token)).thread?.space.muted).toBe(true);
    expect(ok(await app.gql<{ unmuteSpace: boolean }>(UNMUTE_SPACE, { id: spaceId }, reader.token)).unmuteSpace).toBe(true);
    expect(await feedIds(reader)).toContain(threadId);
  }, 180_000);

  it('bookmarks threads and replies, pages them newest first, and drops a post once it is removed', async () => {
    const author = await registerMember(app);
    const reader = await registerMember(app);
    const threadId = await publishedThread(author, calmText('bookmark'), 'Worth keeping');
    const replyId = await screenedReply(author, threadId, 'Adding the list of meetings I found useful this month.');
    const other = await publishedThread(author, calmText('bookmark two'), 'Also worth keeping');

    for (const id of [threadId, replyId, other]) ok(await app.gql(BOOKMARK, { id }, reader.token));
    ok(await app.gql(BOOKMARK, { id: other }, reader.token));
    type Bookmarks = {
      me: {
        bookmarks: { edges: Array<{ node: { id: string; bookmarked: boolean } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
    };
    const first = ok(await app.gql<Bookmarks>(BOOKMARKS, {}, reader.token)).me.bookmarks;
    expect(first.edges.map((edge) => edge.node)).toEqual([
      { id: other, bookmarked: true },
      { id: replyId, bookmarked: true },
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await app.gql<Bookmarks>(BOOKMARKS, { after: first.pageInfo.endCursor }, reader.token)).me.bookmarks;
    expect(second.edges.map((edge) => edge.node.id)).toEqual([threadId]);
    // Signed-out readers, and other members, see no bookmark mark.
    expect(ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: threadId })).thread?.bookmarked).toBe(false);
    expect(ok(await app.gql<ThreadPage>(THREAD_PAGE, { id: threadId }, author.token)).thread?.bookmarked).toBe(false);

    ok(await app.gql(WITHDRAW, { id: replyId }, author.token));
    const after = ok(await app.gql<Bookmarks>(BOOKMARKS, {}, reader.token)).me.bookmarks;
    expect(after.edges.map((edge) => edge.node.id)).toEqual([other, threadId]);
    expect(ok(await app.gql<{ unbookmarkPost: boolean }>(UNBOOKMARK, { id: other }, reader.token)).unbookmarkPost).toBe(true);
    expect(ok(await app.gql<{ unbookmarkPost: boolean }>(UNBOOKMARK, { id: other }, reader.token)).unbookmarkPost).toBe(false);
  }, 180_000);
});
