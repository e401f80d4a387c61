import { REPLY, spaces, START_THREAD, THREAD } from './support/forum';
import { codes, ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Workers off: nothing gets screened, so a new post stays PENDING for as long as the test
 * needs. Other statuses are set directly in the database.
 */
describe('forum: who sees unpublished posts', () => {
  let app: TestApp;
  let author: TestMember;
  let other: TestMember;
  let moderator: TestMember;
  let spaceId: string;

  const FEED_IDS = `query { threads(first: 100) { edges { node { id } } } }`;
  const SEARCH_IDS = `query($q: String!) { search(query: $q, first: 100) { edges { node { id } } } }`;

  async function feedIds(token?: string): Promise<string[]> {
    return ok(await app.gql(FEED_IDS, {}, token)).threads.edges.map((edge: { node: { id: string } }) => edge.node.id);
  }
  async function searchIds(q: string, token?: string): Promise<string[]> {
    return ok(await app.gql(SEARCH_IDS, { q }, token)).search.edges.map((edge: { node: { id: string } }) => edge.node.id);
  }

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
    author = await registerMember(app);
    other = await registerMember(app);
    moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    spaceId = (await spaces(app))[0].id;
  });
  afterAll(() => app?.close());

  it('keeps a PENDING thread to its author (and moderators): not by id, not in the feed, not in search', async () => {
    const started = ok(
      await app.gql(START_THREAD, { input: { spaceId, title: 'Quiet lighthouse', body: 'A pending lighthouse story.' } }, author.token),
    ).startThread;
    expect(started.status).toBe('PENDING');

    expect(ok(await app.gql(THREAD, { id: started.id })).thread).toBeNull();
    expect(ok(await app.gql(THREAD, { id: started.id }, other.token)).thread).toBeNull();
    expect(ok(await app.gql(THREAD, { id: started.id }, author.token)).thread).toMatchObject({ id: started.id, status: 'PENDING' });
    expect(ok(await app.gql(THREAD, { id: started.id }, moderator.token)).thread).toMatchObject({ id: started.id, status: 'PENDING' });
    expect(
      ok(await app.gql(`query($id: ID!) { thread(id: $id) { screening { outcome } } }`, { id: started.id }, author.token)).thread.screening,
    ).toBeNull();

    for (const token of [undefined, other.token, author.token]) {
      expect(await feedIds(token)).not.toContain(started.id);
      expect(await searchIds('lighthouse', token)).not.toContain(started.id);
    }
    // Not open for replies (the author sees why; others do not learn it exists).
    expect(codes(await app.gql(REPLY, { input: { threadId: started.id, body: 'Hi' } }, author.token))).toEqual(['CONFLICT']);
    expect(codes(await app.gql(REPLY, { input: { threadId: started.id, body: 'Hi' } }, other.token))).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await app.gql(
          `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
          { input: { id: started.id, body: 'x' } },
          other.token,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
  });

  it.each(['HELD', 'NEEDS_CHANGES', 'REJECTED', 'REMOVED'])(
    'hides a %s thread and its replies from everyone but author and moderators',
    async (status) => {
      const started = ok(
        await app.gql(
          START_THREAD,
          { input: { spaceId, title: `Harbor ${status}`, body: `A harbor story, now ${status}.` } },
          author.token,
        ),
      ).startThread;
      await app.dataSource.query(`UPDATE post SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [started.id]);
      const reply = ok(await app.gql(REPLY, { input: { threadId: started.id, body: 'A harbor reply.' } }, other.token)).reply;
      await app.dataSource.query(`UPDATE post SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [reply.id]);
      expect(await feedIds()).toContain(started.id);
      expect(await searchIds('harbor')).toEqual(expect.arrayContaining([started.id, reply.id]));

      await app.dataSource.query(`UPDATE post SET status = $2 WHERE id = $1`, [started.id, status]);
      expect(ok(await app.gql(THREAD, { id: started.id })).thread).toBeNull();
      expect(ok(await app.gql(THREAD, { id: started.id }, other.token)).thread).toBeNull();
      expect(ok(await app.gql(THREAD, { id: started.id }, author.token)).thread).toMatchObject({ status });
      expect(ok(await app.gql(THREAD, { id: started.id }, moderator.token)).thread).toMatchObject({ status });
      expect(await feedIds()).not.toContain(started.id);
      expect(await feedIds(author.token)).not.toContain(started.id);
      const found = await searchIds('harbor');
      expect(found).not.toContain(started.id);
      expect(found).not.toContain(reply.id); // a reply is not found while its thread is not public

      // The reply's author still sees their reply on their account, but not the hidden thread's words.
      const mine = ok(
        await app.gql(
          `{ me { posts(first: 5) { edges { node { id ... on Reply { thread { id title body author { id } replies { edges { node { id } } } } } } } } } }`,
          {},
          other.token,
        ),
      ).me.posts.edges;
      const own = mine.find((edge: { node: { id: string } }) => edge.node.id === reply.id).node;
      expect(own.thread).toMatchObject({ id: started.id, body: '', author: null, replies: { edges: [] } });
      expect(own.thread.title).not.toContain('Harbor');
      await app.dataSource.query(`UPDATE post SET status = 'REMOVED' WHERE id = $1`, [reply.id]);
    },
  );

  it('hides posts hidden by reports from everyone but author and moderators', async () => {
    const started = ok(
      await app.gql(START_THREAD, { input: { spaceId, title: 'Reported meadow', body: 'A meadow story.' } }, author.token),
    ).startThread;
    await app.dataSource.query(`UPDATE post SET status = 'PUBLISHED', published_at = now(), hidden_by_reports = true WHERE id = $1`, [
      started.id,
    ]);
    expect(ok(await app.gql(THREAD, { id: started.id }, other.token)).thread).toBeNull();
    expect(ok(await app.gql(THREAD, { id: started.id }, author.token)).thread).toMatchObject({ status: 'PUBLISHED' });
    expect(await feedIds()).not.toContain(started.id);
    expect(await searchIds('meadow')).not.toContain(started.id);
  });

  it('lists unpublished replies only to their author and moderators, and never counts them', async () => {
    const started = ok(
      await app.gql(START_THREAD, { input: { spaceId, title: 'Open thread', body: 'Open for replies.' } }, author.token),
    ).startThread;
    await app.dataSource.query(`UPDATE post SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [started.id]);
    const pending = ok(await app.gql(REPLY, { input: { threadId: started.id, body: 'Still waiting for screening.' } }, other.token)).reply;
    expect(pending.status).toBe('PENDING');
    const REPLIES = `query($id: ID!) { thread(id: $id) { replyCount replies { edges { node { id status viewerIsAuthor } } } } }`;
    expect(ok(await app.gql(REPLIES, { id: started.id })).thread).toEqual({ replyCount: 0, replies: { edges: [] } });
    expect(ok(await app.gql(REPLIES, { id: started.id }, author.token)).thread.replies.edges).toEqual([]);
    expect(ok(await app.gql(REPLIES, { id: started.id }, other.token)).thread).toEqual({
      replyCount: 0,
      replies: { edges: [{ node: { id: pending.id, status: 'PENDING', viewerIsAuthor: true } }] },
    });
    expect(ok(await app.gql(REPLIES, { id: started.id }, moderator.token)).thread.replies.edges).toHaveLength(1);

    // inReplyTo is null for those who may not see the answered reply.
    const answer = ok(
      await app.gql(REPLY, { input: { threadId: started.id, body: 'Answering.', inReplyToId: pending.id } }, other.token),
    ).reply;
    expect(answer.inReplyTo).toEqual({ id: pending.id });
    await app.dataSource.query(`UPDATE post SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [answer.id]);
    const asAuthor = ok(
      await app.gql(
        `query($id: ID!) { thread(id: $id) { replies { edges { node { id inReplyTo { id } } } } } }`,
        { id: started.id },
        author.token,
      ),
    ).thread;
    expect(asAuthor.replies.edges).toEqual([{ node: { id: answer.id, inReplyTo: null } }]);
    // Nobody else can answer a reply they cannot see.
    expect(
      codes(await app.gql(REPLY, { input: { threadId: started.id, body: 'Me too.', inReplyToId: pending.id } }, author.token)),
    ).toEqual(['NOT_FOUND']);
  });
});
