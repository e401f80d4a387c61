import { calmText, REPLY, spaces, START_THREAD, startThreadWith, THREAD, waitPublishedThread } from './support/forum';
import { codes, ok } from './support/gql';
import { registerMember, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

async function statusOf(app: TestApp, postId: string): Promise<string> {
  const [row] = (await app.dataSource.query('SELECT status FROM post WHERE id = $1', [postId])) as Array<{ status: string }>;
  return row.status;
}

async function waitStatus(app: TestApp, postId: string, status: string, timeoutMs = 20_000): Promise<void> {
  await waitFor(async () => (await statusOf(app, postId)) === status, timeoutMs);
}

const FEED = `query($first: Int, $after: String, $spaceSlug: String) {
  threads(first: $first, after: $after, spaceSlug: $spaceSlug) {
    edges { cursor node { id title status replyCount locked lastActivityAt space { slug } author { pseudonym } reactions { kind count viewerReacted } viewerIsAuthor } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const THREAD_FULL = `query($id: ID!) {
  thread(id: $id) {
    id title body status contentWarnings createdAt publishedAt editedAt viewerIsAuthor locked replyCount
    author { id pseudonym }
    space { id slug threadCount }
    screening { outcome reasons }
    reactions { kind count viewerReacted }
    replies { edges { cursor node { id body status author { pseudonym } inReplyTo { id } thread { id } } } pageInfo { hasNextPage endCursor } }
  }
}`;

describe('forum: threads, replies, edits, reactions', () => {
  let app: TestApp;
  let alice: TestMember;
  let bob: TestMember;
  let spaceId: string;
  let spaceSlug: string;

  beforeAll(async () => {
    app = await startTestApp();
    [alice, bob] = [await registerMember(app), await registerMember(app)];
    const all = await spaces(app);
    spaceId = all[1].id;
    spaceSlug = all[1].slug;
  });
  afterAll(() => app?.close());

  it('lists the seeded spaces, and finds one by slug', async () => {
    const data = ok(
      await app.gql<{ spaces: Array<{ slug: string; threadCount: number }>; space: { slug: string } | null; none: null }>(
        `{ spaces { slug threadCount } space(slug: "introductions") { slug } none: space(slug: "no-such-space") { slug } }`,
      ),
    );
    expect(data.spaces.length).toBeGreaterThanOrEqual(9);
    expect(data.spaces[0]).toEqual({ slug: 'introductions', threadCount: 0 });
    expect(data.space).toEqual({ slug: 'introductions' });
    expect(data.none).toBeNull();
  });

  it('starts a thread as PENDING, visible to its author only, then publishes it for everyone', async () => {
    const response = await app.gql(
      START_THREAD,
      { input: { spaceId, title: '  Day one, again  ', body: calmText('lifecycle'), contentWarnings: ['RELAPSE', 'RELAPSE'] } },
      alice.token,
    );
    const started = ok(response).startThread;
    expect(started).toMatchObject({ status: 'PENDING', title: 'Day one, again', viewerIsAuthor: true });

    // Deterministic PENDING visibility lives in forum-visibility.e2e-spec.ts (workers off).
    await waitPublishedThread(app, started.id);

    const anonymous = ok(await app.gql(THREAD_FULL, { id: started.id })).thread;
    expect(anonymous).toMatchObject({
      id: started.id,
      title: 'Day one, again',
      status: 'PUBLISHED',
      contentWarnings: ['RELAPSE'],
      viewerIsAuthor: false,
      locked: false,
      replyCount: 0,
      author: { id: alice.accountId, pseudonym: alice.pseudonym },
      space: { id: spaceId, slug: spaceSlug },
      screening: null,
      reactions: [
        { kind: 'SUPPORT', count: 0, viewerReacted: false },
        { kind: 'RELATE', count: 0, viewerReacted: false },
        { kind: 'GRATEFUL', count: 0, viewerReacted: false },
      ],
    });
    expect(anonymous.publishedAt).not.toBeNull();
    expect(anonymous.editedAt).toBeNull();

    const asAuthor = ok(await app.gql(THREAD_FULL, { id: started.id }, alice.token)).thread;
    expect(asAuthor.viewerIsAuthor).toBe(true);
    expect(asAuthor.screening).toMatchObject({ outcome: expect.stringMatching(/^PUBLISH/) });
    expect(ok(await app.gql(THREAD_FULL, { id: started.id }, bob.token)).thread.screening).toBeNull();
  });

  it('shows published threads in the feed and in their space, newest activity first', async () => {
    const first = await startThreadWith(app, alice.token, { spaceId, title: 'Feed one', body: calmText('feed one') });
    await waitPublishedThread(app, first.id);
    const second = await startThreadWith(app, bob.token, { spaceId, title: 'Feed two', body: calmText('feed two') });
    await waitPublishedThread(app, second.id);

    const feed = ok(await app.gql(FEED, { first: 2 })).threads;
    expect(feed.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([second.id, first.id]);
    expect(feed.pageInfo.hasNextPage).toBe(true);

    const inSpace = ok(await app.gql(FEED, { first: 50, spaceSlug })).threads;
    expect(inSpace.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(inSpace.edges.every((edge: { node: { space: { slug: string } } }) => edge.node.space.slug === spaceSlug)).toBe(true);

    const otherSpace = ok(await app.gql(FEED, { first: 50, spaceSlug: 'twelve-step' })).threads;
    expect(otherSpace.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(first.id);

    const viaSpace = ok(
      await app.gql(`query($slug: String!) { space(slug: $slug) { threadCount threads(first: 50) { edges { node { id } } } } }`, {
        slug: spaceSlug,
      }),
    ).space;
    expect(viaSpace.threadCount).toBe(viaSpace.threads.edges.length);
    expect(viaSpace.threads.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
      inSpace.edges.map((edge: { node: { id: string } }) => edge.node.id),
    );

    expect(codes(await app.gql(FEED, { first: 5, spaceSlug: 'no-such-space' }))).toEqual(['NOT_FOUND']);
  });

  it('takes replies, answers to replies, counts published replies and bumps the thread', async () => {
    const thread = await startThreadWith(app, alice.token, { spaceId, title: 'Replies here', body: calmText('replies') });
    await waitPublishedThread(app, thread.id);

    const first = ok(
      await app.gql(REPLY, { input: { threadId: thread.id, body: 'Proud of you for reaching out today.' } }, bob.token),
    ).reply;
    expect(first).toMatchObject({ status: 'PENDING', inReplyTo: null, thread: { id: thread.id } });
    await waitStatus(app, first.id, 'PUBLISHED');

    const answer = ok(
      await app.gql(
        REPLY,
        { input: { threadId: thread.id, body: 'Thank you, that means a lot to me.', inReplyToId: first.id } },
        alice.token,
      ),
    ).reply;
    expect(answer.inReplyTo).toEqual({ id: first.id });
    await waitStatus(app, answer.id, 'PUBLISHED');

    const read = ok(await app.gql(THREAD_FULL, { id: thread.id })).thread;
    expect(read.replyCount).toBe(2);
    expect(read.replies.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([first.id, answer.id]);
    expect(read.replies.edges[1].node).toMatchObject({
      inReplyTo: { id: first.id },
      thread: { id: thread.id },
      author: { pseudonym: alice.pseudonym },
    });

    // Replies page with a cursor, oldest first.
    const page1 = ok(
      await app.gql(
        `query($id: ID!) { thread(id: $id) { replies(first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
        { id: thread.id },
      ),
    ).thread.replies;
    expect(page1.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([first.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(
      await app.gql(
        `query($id: ID!, $after: String) { thread(id: $id) { replies(first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage } } } }`,
        { id: thread.id, after: page1.pageInfo.endCursor },
      ),
    ).thread.replies;
    expect(page2.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([answer.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    // The thread moved to the top of the feed with the published reply.
    const top = ok(await app.gql(FEED, { first: 1 })).threads.edges[0].node;
    expect(top.id).toBe(thread.id);
    expect(top.replyCount).toBe(2);
  });

  it('refuses replies to unknown or locked threads, and answers to posts of another thread', async () => {
    const thread = await startThreadWith(app, alice.token, { spaceId, title: 'Locked soon', body: calmText('locked') });
    await waitPublishedThread(app, thread.id);
    const other = await startThreadWith(app, alice.token, { spaceId, title: 'Another thread', body: calmText('another') });
    await waitPublishedThread(app, other.id);
    const otherReply = ok(
      await app.gql(REPLY, { input: { threadId: other.id, body: 'Sending you strength this week.' } }, bob.token),
    ).reply;
    await waitStatus(app, otherReply.id, 'PUBLISHED');

    expect(
      codes(await app.gql(REPLY, { input: { threadId: thread.id, body: 'Hello there.', inReplyToId: otherReply.id } }, bob.token)),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await app.gql(REPLY, { input: { threadId: thread.id, body: 'Hello there.', inReplyToId: thread.id } }, bob.token)),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await app.gql(REPLY, { input: { threadId: thread.id, body: 'Hello there.', inReplyToId: 'not-a-uuid' } }, bob.token)),
    ).toEqual(['NOT_FOUND']);
    expect(
      codes(await app.gql(REPLY, { input: { threadId: '6f1c1d8e-8f0a-4b7e-9d55-0b0a1c2d3e4f', body: 'Hello there.' } }, bob.token)),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await app.gql(REPLY, { input: { threadId: 'nope', body: 'Hello there.' } }, bob.token))).toEqual(['NOT_FOUND']);
    // A reply's id is not a thread id.
    expect(codes(await app.gql(REPLY, { input: { threadId: otherReply.id, body: 'Hello there.' } }, bob.token))).toEqual(['NOT_FOUND']);

    await app.dataSource.query('UPDATE thread SET locked = true WHERE id = $1', [thread.id]);
    const locked = await app.gql(REPLY, { input: { threadId: thread.id, body: 'Hello there.' } }, bob.token);
    expect(codes(locked)).toEqual(['CONFLICT']);
    expect(locked.errors?.[0].message).toMatch(/This thread is locked/);
    expect(ok(await app.gql(`query($id: ID!) { thread(id: $id) { locked } }`, { id: thread.id })).thread.locked).toBe(true);
  });

  it('lets only the author edit; an edit bumps the revision, marks editedAt and is screened again', async () => {
    const thread = await startThreadWith(app, alice.token, { spaceId, title: 'Before edit', body: calmText('edit me') });
    await waitPublishedThread(app, thread.id);
    const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id status body editedAt ... on Thread { title } } }`;

    expect(codes(await app.gql(EDIT, { input: { id: thread.id, body: 'Not mine to change.' } }, bob.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(EDIT, { input: { id: thread.id, body: 'Signed out.' } }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql(EDIT, { input: { id: '6f1c1d8e-8f0a-4b7e-9d55-0b0a1c2d3e4f', body: 'x' } }, alice.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await app.gql(EDIT, { input: { id: thread.id } }, alice.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(EDIT, { input: { id: thread.id, body: '   ' } }, alice.token))).toEqual(['BAD_USER_INPUT']);

    const edited = ok(
      await app.gql(EDIT, { input: { id: thread.id, title: 'After edit', body: calmText('edited') } }, alice.token),
    ).editPost;
    expect(edited).toMatchObject({ id: thread.id, status: 'PENDING', title: 'After edit', body: calmText('edited') });
    expect(edited.editedAt).not.toBeNull();
    const [row] = await app.dataSource.query('SELECT revision FROM post WHERE id = $1', [thread.id]);
    expect(row.revision).toBe(2);
    const [audit] = await app.dataSource.query(`SELECT count(*)::int AS n FROM moderation_action WHERE post_id = $1 AND action = 'EDIT'`, [
      thread.id,
    ]);
    expect(audit.n).toBe(1);

    await waitStatus(app, thread.id, 'PUBLISHED');
    const read = ok(
      await app.gql(`query($id: ID!) { thread(id: $id) { title status editedAt screening { outcome } } }`, { id: thread.id }, alice.token),
    ).thread;
    expect(read).toMatchObject({ title: 'After edit', status: 'PUBLISHED', screening: { outcome: expect.stringMatching(/^PUBLISH/) } });

    // A reply has no title.
    const reply = ok(await app.gql(REPLY, { input: { threadId: thread.id, body: 'A kind word for you.' } }, bob.token)).reply;
    expect(codes(await app.gql(EDIT, { input: { id: reply.id, title: 'No titles on replies' } }, bob.token))).toEqual(['BAD_USER_INPUT']);
    const editedReply = ok(
      await app.gql(EDIT, { input: { id: reply.id, body: 'A kinder word for you.', contentWarnings: ['LOSS'] } }, bob.token),
    ).editPost;
    expect(editedReply).toMatchObject({ id: reply.id, body: 'A kinder word for you.' });
  });

  it('lets the author withdraw a post, after which others cannot see or edit it', async () => {
    const thread = await startThreadWith(app, alice.token, { spaceId, title: 'To withdraw', body: calmText('withdraw') });
    await waitPublishedThread(app, thread.id);
    const WITHDRAW = `mutation($id: ID!) { withdrawPost(id: $id) { id status } }`;
    expect(codes(await app.gql(WITHDRAW, { id: thread.id }, bob.token))).toEqual(['FORBIDDEN']);
    expect(ok(await app.gql(WITHDRAW, { id: thread.id }, alice.token)).withdrawPost).toEqual({ id: thread.id, status: 'REMOVED' });
    expect(ok(await app.gql(THREAD, { id: thread.id })).thread).toBeNull();
    expect(ok(await app.gql(THREAD, { id: thread.id }, bob.token)).thread).toBeNull();
    expect(ok(await app.gql(THREAD, { id: thread.id }, alice.token)).thread).toMatchObject({ status: 'REMOVED' });
    expect(codes(await app.gql(WITHDRAW, { id: thread.id }, bob.token))).toEqual(['NOT_FOUND']);
    expect(codes(await app.gql(WITHDRAW, { id: thread.id }, alice.token))).toEqual(['CONFLICT']);
    expect(
      codes(
        await app.gql(
          `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
          { input: { id: thread.id, body: 'again' } },
          alice.token,
        ),
      ),
    ).toEqual(['CONFLICT']);
    const feed = ok(await app.gql(FEED, { first: 100 })).threads.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(feed).not.toContain(thread.id);
    const [audit] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM moderation_action WHERE post_id = $1 AND action = 'WITHDRAW'`,
      [thread.id],
    );
    expect(audit.n).toBe(1);
  });

  it('reacts and unreacts idempotently, with counts and viewerReacted per viewer', async () => {
    const thread = await startThreadWith(app, alice.token, { spaceId, title: 'React to me', body: calmText('react') });
    await waitPublishedThread(app, thread.id);
    const REACT = `mutation($input: ReactInput!) { react(input: $input) { id reactions { kind count viewerReacted } } }`;
    const UNREACT = `mutation($input: ReactInput!) { unreact(input: $input) { id reactions { kind count viewerReacted } } }`;

    ok(await app.gql(REACT, { input: { postId: thread.id, kind: 'SUPPORT' } }, bob.token));
    const twice = ok(await app.gql(REACT, { input: { postId: thread.id, kind: 'SUPPORT' } }, bob.token)).react;
    expect(twice.reactions).toEqual([
      { kind: 'SUPPORT', count: 1, viewerReacted: true },
      { kind: 'RELATE', count: 0, viewerReacted: false },
      { kind: 'GRATEFUL', count: 0, viewerReacted: false },
    ]);
    ok(await app.gql(REACT, { input: { postId: thread.id, kind: 'SUPPORT' } }, alice.token));
    ok(await app.gql(REACT, { input: { postId: thread.id, kind: 'GRATEFUL' } }, alice.token));
    const asAnonymous = ok(
      await app.gql(`query($id: ID!) { thread(id: $id) { reactions { kind count viewerReacted } } }`, { id: thread.id }),
    ).thread;
    expect(asAnonymous.reactions).toEqual([
      { kind: 'SUPPORT', count: 2, viewerReacted: false },
      { kind: 'RELATE', count: 0, viewerReacted: false },
      { kind: 'GRATEFUL', count: 1, viewerReacted: false },
    ]);

    const unreacted = ok(await app.gql(UNREACT, { input: { postId: thread.id, kind: 'SUPPORT' } }, bob.token)).unreact;
    expect(unreacted.reactions[0]).toEqual({ kind: 'SUPPORT', count: 1, viewerReacted: false });
    expect(ok(await app.gql(UNREACT, { input: { postId: thread.id, kind: 'SUPPORT' } }, bob.token)).unreact.reactions[0].count).toBe(1);

    expect(codes(await app.gql(REACT, { input: { postId: thread.id, kind: 'HUG' } }, bob.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(REACT, { input: { postId: thread.id, kind: 'SUPPORT' } }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql(REACT, { input: { postId: 'x', kind: 'SUPPORT' } }, bob.token))).toEqual(['NOT_FOUND']);

    // Not on an unpublished post: the author gets CONFLICT, others do not see it at all.
    await app.dataSource.query(`UPDATE post SET status = 'HELD' WHERE id = $1`, [thread.id]);
    expect(codes(await app.gql(REACT, { input: { postId: thread.id, kind: 'RELATE' } }, alice.token))).toEqual(['CONFLICT']);
    expect(codes(await app.gql(REACT, { input: { postId: thread.id, kind: 'RELATE' } }, bob.token))).toEqual(['NOT_FOUND']);
  });

  it('refuses bad input with BAD_USER_INPUT and unknown ids with NOT_FOUND', async () => {
    const input = { spaceId, title: 'Fine title', body: 'Fine body text.' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...input, title: '' }, 'BAD_USER_INPUT'],
      [{ ...input, title: '    ' }, 'BAD_USER_INPUT'],
      [{ ...input, title: 'x'.repeat(141) }, 'BAD_USER_INPUT'],
      [{ ...input, body: '' }, 'BAD_USER_INPUT'],
      [{ ...input, body: ' \n ' }, 'BAD_USER_INPUT'],
      [{ ...input, body: 'y'.repeat(20001) }, 'BAD_USER_INPUT'],
      [{ ...input, contentWarnings: ['SPOILERS'] }, 'BAD_USER_INPUT'],
      [{ ...input, spaceId: '6f1c1d8e-8f0a-4b7e-9d55-0b0a1c2d3e4f' }, 'NOT_FOUND'],
      [{ ...input, spaceId: "'; DROP TABLE post; --" }, 'NOT_FOUND'],
    ];
    for (const [candidate, code] of cases) {
      const response = await app.gql(START_THREAD, { input: candidate }, alice.token);
      expect({ candidate: JSON.stringify(candidate).slice(0, 80), codes: codes(response) }).toEqual({
        candidate: JSON.stringify(candidate).slice(0, 80),
        codes: [code],
      });
      expect(response.errors?.[0].message).not.toMatch(/sql|postgres|syntax|uuid/i);
    }
    const empty = await app.gql(START_THREAD, { input: { ...input, body: '   ' } }, alice.token);
    expect(empty.errors?.[0].message).toMatch(/write something/i);
    expect(codes(await app.gql(START_THREAD, { input }))).toEqual(['UNAUTHENTICATED']);

    expect(ok(await app.gql(THREAD, { id: 'not-a-uuid' })).thread).toBeNull();
    expect(ok(await app.gql(THREAD, { id: '6f1c1d8e-8f0a-4b7e-9d55-0b0a1c2d3e4f' })).thread).toBeNull();

    expect(codes(await app.gql(FEED, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(FEED, { first: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(FEED, { first: 5, after: 'garbage' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(`{ search(query: "hello", first: 1000) { edges { cursor } } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses posting for a suspended member but lets them read', async () => {
    const carol = await registerMember(app);
    await app.dataSource.query(`UPDATE account SET suspended_until = now() + interval '3 days' WHERE id = $1`, [carol.accountId]);
    expect(codes(await app.gql(START_THREAD, { input: { spaceId, title: 'Hi', body: 'Hello.' } }, carol.token))).toEqual(['SUSPENDED']);
    expect(ok(await app.gql(FEED, { first: 1 }, carol.token)).threads.edges.length).toBe(1);
  });

  it("lists a member's own posts of every status, newest first, on their account", async () => {
    const dave = await registerMember(app);
    const thread = await startThreadWith(app, dave.token, { spaceId, title: 'Mine', body: calmText('mine') });
    await waitPublishedThread(app, thread.id);
    const reply = ok(await app.gql(REPLY, { input: { threadId: thread.id, body: 'Adding an update for myself.' } }, dave.token)).reply;
    await app.dataSource.query(`UPDATE post SET status = 'HELD' WHERE id = $1`, [reply.id]);
    const MINE = `query($after: String) { me { posts(first: 1, after: $after) { edges { node { __typename id status } } pageInfo { hasNextPage endCursor } } } }`;
    const page1 = ok(await app.gql(MINE, {}, dave.token)).me.posts;
    expect(page1.edges).toEqual([{ node: { __typename: 'Reply', id: reply.id, status: 'HELD' } }]);
    const page2 = ok(await app.gql(MINE, { after: page1.pageInfo.endCursor }, dave.token)).me.posts;
    expect(page2.edges).toEqual([{ node: { __typename: 'Thread', id: thread.id, status: 'PUBLISHED' } }]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('limits how often one account can post', async () => {
    const limited = await startTestApp({ env: { POST_RATE_LIMIT: '2', POST_RATE_WINDOW_SECONDS: '600', WORKERS: 'off' } });
    try {
      const erin = await registerMember(limited);
      const [space] = await spaces(limited);
      ok(await limited.gql(START_THREAD, { input: { spaceId: space.id, title: 'One', body: 'First post.' } }, erin.token));
      ok(await limited.gql(START_THREAD, { input: { spaceId: space.id, title: 'Two', body: 'Second post.' } }, erin.token));
      const third = await limited.gql(START_THREAD, { input: { spaceId: space.id, title: 'Three', body: 'Third post.' } }, erin.token);
      expect(codes(third)).toEqual(['RATE_LIMITED']);
      const frank = await registerMember(limited);
      ok(
        await limited.gql(
          START_THREAD,
          { input: { spaceId: space.id, title: 'Other', body: 'Another member is not limited.' } },
          frank.token,
        ),
      );
    } finally {
      await limited.close();
    }
  });
});
