import { Client } from 'pg';
import { calmText, firstSpaceId, insertThread, startThreadWith, waitPublishedThread } from './support/forum';
import { ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Signed-out readers are answered from the anonymous response cache (src/graphql/response-cache):
 * a cached answer costs no SQL statement, which is how these tests tell a hit from a miss.
 */
const FEED = `query Feed($first: Int!) { threads(first: $first) { edges { node { id title replyCount
  author { pseudonym } space { slug } reactions { kind count viewerReacted } } } } }`;
const THREAD = `query Thread($id: ID!) { thread(id: $id) { id title body viewerIsAuthor
  screening { outcome } reactions { kind count viewerReacted } replies(first: 50) { edges { node { id body } } } } }`;
const REACT = `mutation React($input: ReactInput!) { react(input: $input) { id } }`;
const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id } }`;
const RESOLVE = `mutation Resolve($input: ResolveCaseInput!) { resolveCase(input: $input) { id post { status } } }`;
const ME = `query { me { id } }`;
const CRISIS_STORY = 'I have decided to kill myself tonight. The pills are counted out and this is my goodbye to all of you.';

type FeedNode = { id: string; title: string; reactions: Array<{ kind: string; count: number; viewerReacted: boolean }> };

describe('anonymous response cache', () => {
  let app: TestApp;
  let spaceId: string;
  let writer: TestMember;

  beforeAll(async () => {
    app = await startTestApp({ env: { RESPONSE_CACHE_TTL_SECONDS: '60' } });
    spaceId = await firstSpaceId(app);
    writer = await registerMember(app);
  });
  afterAll(() => app?.close());

  async function feedIds(token?: string): Promise<string[]> {
    return ok(await app.gql(FEED, { first: 50 }, token)).threads.edges.map((edge: { node: FeedNode }) => edge.node.id);
  }

  /** The same signed-out request twice in a row: the second must come from the cache. */
  async function expectCachedOnRepeat(query: string, variables: Record<string, unknown>) {
    await waitFor(async () => (await app.countRequestQueries(query, variables)).count === 0 || null, 10_000, 50);
    const first = await app.countRequestQueries(query, variables);
    const again = await app.countRequestQueries(query, variables);
    expect(again.count).toBe(0);
    expect(again.result).toEqual(first.result);
    return again.result;
  }

  /** A thread written straight into the database at the top of the feed, once a cached feed shows it. */
  async function cachedFeedWithNewThread(): Promise<string> {
    const author = await registerMember(app);
    const id = await insertThread(app, spaceId, author.accountId);
    await app.dataSource.query(`UPDATE thread SET last_activity_at = clock_timestamp() + interval '1 day' WHERE id = $1`, [id]);
    await waitFor(async () => (await feedIds()).includes(id) || null, 5_000, 50);
    await expectCachedOnRepeat(FEED, { first: 50 });
    return id;
  }

  it('answers a repeated signed-out feed, thread page and space list without touching the database', async () => {
    const thread = await startThreadWith(app, writer.token, { spaceId, title: 'Cached walk', body: calmText('cached') });
    await waitPublishedThread(app, thread.id);
    const feed = await expectCachedOnRepeat(FEED, { first: 50 });
    expect(feed.data.threads.edges.map((edge: { node: FeedNode }) => edge.node.id)).toContain(thread.id);
    const page = await expectCachedOnRepeat(THREAD, { id: thread.id });
    expect(page.data.thread).toMatchObject({ id: thread.id, viewerIsAuthor: false, screening: null });
    await expectCachedOnRepeat(`query { spaces { id slug name threadCount } }`, {});
    await expectCachedOnRepeat(`query { crisisResources { name } }`, {});

    // Replayed answers are whole JSON answers, and the cache's internal marking never leaves.
    const replayed = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: FEED, variables: { first: 50 } }),
    });
    expect(replayed.headers.get('content-type')).toMatch(/^application\/json/);
    expect([...replayed.headers.keys()].filter((name) => name.startsWith('x-kindred'))).toEqual([]);
    expect(replayed.headers.get('x-request-id')).toEqual(expect.any(String));
    expect(((await replayed.json()) as typeof feed).data).toEqual(feed.data);
  });

  it('never shares a signed-in answer: each viewer gets their own, from the database', async () => {
    const thread = await startThreadWith(app, writer.token, { spaceId, title: 'Reacted to', body: calmText('reacted') });
    await waitPublishedThread(app, thread.id);
    const fan = await registerMember(app);
    ok(await app.gql(REACT, { input: { postId: thread.id, kind: 'SUPPORT' } }, fan.token));
    await expectCachedOnRepeat(THREAD, { id: thread.id });

    const asFan = await app.countRequestQueries(THREAD, { id: thread.id }, fan.token);
    const asFanAgain = await app.countRequestQueries(THREAD, { id: thread.id }, fan.token);
    const asWriter = await app.countRequestQueries(THREAD, { id: thread.id }, writer.token);
    expect(asFan.count).toBeGreaterThan(0);
    expect(asFanAgain.count).toBeGreaterThan(0);
    expect(asWriter.count).toBeGreaterThan(0);
    const support = (result: typeof asFan.result) =>
      result.data.thread.reactions.find((reaction: { kind: string }) => reaction.kind === 'SUPPORT');
    expect(support(asFan.result)).toEqual({ kind: 'SUPPORT', count: 1, viewerReacted: true });
    expect(support(asWriter.result)).toEqual({ kind: 'SUPPORT', count: 1, viewerReacted: false });
    expect(asWriter.result.data.thread).toMatchObject({ viewerIsAuthor: true, screening: { outcome: 'PUBLISH' } });
    expect(asFan.result.data.thread).toMatchObject({ viewerIsAuthor: false, screening: null });
    // A signed-in query that is not public content at all.
    expect(ok(await app.gql(ME, {}, fan.token)).me.id).toBe(fan.accountId);
  });

  it('shows a newly published thread and a new reaction to signed-out readers within two seconds', async () => {
    await expectCachedOnRepeat(FEED, { first: 50 });
    const thread = await startThreadWith(app, writer.token, { spaceId, title: 'Fresh news', body: calmText('fresh') });
    // Published by a screening worker, not by a mutation of this request: the database's notification invalidates.
    await waitFor(async () => (await feedIds()).includes(thread.id) || null, 20_000, 50);
    await expectCachedOnRepeat(FEED, { first: 50 });

    const reader = await registerMember(app);
    await app.dataSource.query(`INSERT INTO reaction (post_id, account_id, kind) VALUES ($1, $2, 'GRATEFUL')`, [
      thread.id,
      reader.accountId,
    ]);
    const seenAt = Date.now();
    await waitFor(
      async () => {
        const node = ok(await app.gql(FEED, { first: 50 })).threads.edges.find(
          (edge: { node: FeedNode }) => edge.node.id === thread.id,
        )?.node;
        return node?.reactions.find((reaction: { kind: string }) => reaction.kind === 'GRATEFUL')?.count === 1 || null;
      },
      5_000,
      20,
    );
    expect(Date.now() - seenAt).toBeLessThan(2_000);
  });

  it('never serves a held post, and never a removed one once its removal was answered', async () => {
    const held = await startThreadWith(app, writer.token, { spaceId, title: 'Tonight', body: CRISIS_STORY });
    const published = await startThreadWith(app, writer.token, { spaceId, title: 'Soon removed', body: calmText('soon removed') });
    await waitPublishedThread(app, published.id);
    await waitFor(async () => {
      const rows: Array<{ status: string }> = await app.dataSource.query(`SELECT status FROM post WHERE id = $1`, [held.id]);
      return rows[0].status === 'HELD' || null;
    });
    await expectCachedOnRepeat(FEED, { first: 50 });
    await expectCachedOnRepeat(THREAD, { id: published.id });
    expect(await feedIds()).not.toContain(held.id);
    expect(ok(await app.gql(THREAD, { id: held.id })).thread).toBeNull();

    const moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    const reporter = await registerMember(app);
    ok(await app.gql(REPORT, { input: { postId: published.id, reason: 'HARASSMENT', note: 'unkind' } }, reporter.token));
    const [{ id: caseId }]: Array<{ id: string }> = await app.dataSource.query(
      `SELECT id FROM moderation_case WHERE post_id = $1 AND status <> 'RESOLVED'`,
      [published.id],
    );
    ok(await app.gql(CLAIM, { id: caseId }, moderator.token));
    expect(ok(await app.gql(RESOLVE, { input: { caseId, decision: 'REMOVE' } }, moderator.token)).resolveCase.post.status).toBe('REMOVED');
    // Straight after the answer, with no wait: the cached pages that held it are gone.
    expect(ok(await app.gql(THREAD, { id: published.id })).thread).toBeNull();
    expect(await feedIds()).not.toContain(published.id);
    expect(await feedIds()).not.toContain(held.id);
  });

  it('hides a post removed by another process (a direct database change) within two seconds', async () => {
    const id = await cachedFeedWithNewThread();

    const outside = new Client({ connectionString: app.ownerUrl });
    await outside.connect();
    try {
      await outside.query(`UPDATE post SET status = 'REMOVED' WHERE id = $1`, [id]);
    } finally {
      await outside.end();
    }
    const removedAt = Date.now();
    await waitFor(async () => !(await feedIds()).includes(id) || null, 5_000, 20);
    expect(Date.now() - removedAt).toBeLessThan(2_000);
  });

  it('bypasses the cache while it cannot hear changes, and uses it again once it listens', async () => {
    const id = await cachedFeedWithNewThread();

    const owner = new Client({ connectionString: app.ownerUrl });
    await owner.connect();
    try {
      // Cut the listener, then change a post while nothing can notify the app.
      const cut = await owner.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kindred-content-listener' AND datname = current_database()`,
      );
      expect(cut.rowCount).toBe(1);
      await owner.query(`UPDATE post SET status = 'REMOVED' WHERE id = $1`, [id]);
    } finally {
      await owner.end();
    }
    expect(await feedIds()).not.toContain(id);
    // Listening again (it retries after a second), signed-out answers come from the cache again.
    await expectCachedOnRepeat(FEED, { first: 50 });
  });
});
