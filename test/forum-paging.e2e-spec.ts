import { calmText, insertThreads, spaces, startThreadWith, waitPublishedThread } from './support/forum';
import { ok } from './support/gql';
import { registerMember, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

const FEED_PAGE = `query($first: Int, $after: String, $spaceSlug: String) {
  threads(first: $first, after: $after, spaceSlug: $spaceSlug) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`;

const RICH_FEED = `query($first: Int) {
  threads(first: $first) {
    edges { cursor node {
      id title body status contentWarnings createdAt publishedAt editedAt viewerIsAuthor locked lastActivityAt replyCount
      author { id pseudonym joinedMonth daysInRecovery }
      space { id slug name threadCount }
      reactions { kind count viewerReacted }
      screening { outcome }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('forum: keyset paging and query counts', () => {
  let app: TestApp;
  let members: TestMember[];
  let spaceIds: string[];
  let slug: string;

  beforeAll(async () => {
    app = await startTestApp();
    members = [await registerMember(app), await registerMember(app), await registerMember(app)];
    const all = await spaces(app);
    spaceIds = all.map((space) => space.id);
    slug = all[2].slug;
  });
  afterAll(() => app?.close());

  it('pages through the feed without duplicates or gaps while new threads keep arriving', async () => {
    // Many threads with the very same activity time: only the id tie-breaker orders them.
    const tied = await insertThreads(app, {
      count: 23,
      spaceIds: [spaceIds[2]],
      authorIds: members.map((m) => m.accountId),
      prefix: 'tied',
      sameTime: true,
    });
    const spread = await insertThreads(app, { count: 12, spaceIds: [spaceIds[2]], authorIds: [members[0].accountId], prefix: 'spread' });
    const expected = new Set([...tied, ...spread]);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let midWalk: { id: string } | null = null;
    do {
      const page: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = ok(
        await app.gql(FEED_PAGE, { first: 4, after, spaceSlug: slug }),
      ).threads;
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
      // New activity between page fetches lands before the cursor, never inside the rest of the walk.
      if (pages === 2)
        await insertThreads(app, { count: 3, spaceIds: [spaceIds[2]], authorIds: [members[1].accountId], prefix: 'newcomer' });
      if (pages === 3)
        midWalk = await startThreadWith(app, members[2].token, {
          spaceId: spaceIds[2],
          title: 'Arrives mid-walk',
          body: calmText('mid-walk'),
        });
    } while (after !== null && pages < 50);
    // Let its screening finish here: published during the next test, it would land between
    // that test's two reads of the feed.
    if (midWalk) await waitPublishedThread(app, midWalk.id);

    expect(new Set(seen).size).toBe(seen.length);
    const fromSetup = seen.filter((id) => expected.has(id));
    expect(fromSetup.length).toBe(expected.size);
    // Order: all tied threads (same time, id descending) are contiguous and sorted by id desc.
    const tiedOrder = seen.filter((id) => tied.includes(id));
    expect(tiedOrder).toEqual([...tied].sort().reverse());
  });

  it('pages the feed of a space the same way as Space.threads', async () => {
    const viaRoot = ok(await app.gql(FEED_PAGE, { first: 100, spaceSlug: slug })).threads.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
    const viaSpace = ok(
      await app.gql(`query($slug: String!) { space(slug: $slug) { threads(first: 100) { edges { node { id } } } } }`, { slug }),
    ).space.threads.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(viaSpace).toEqual(viaRoot);
  });

  it('serves a feed page of 50 in the same number of SQL statements as a page of 5', async () => {
    // Only the request's own statements count, so the sweeper and the screening workers
    // running beside it on this app cannot change the figures.
    const fresh = await startTestApp();
    try {
      await countFeedStatements(fresh);
    } finally {
      await fresh.close();
    }
  });

  it('pages replies with tied timestamps without duplicates or gaps', async () => {
    const fresh = await registerMember(app); // the others' bulk posts count against their posting limit
    const thread = await startThreadWith(app, fresh.token, { spaceId: spaceIds[0], title: 'Many replies', body: calmText('many replies') });
    await waitPublishedThread(app, thread.id);
    await app.dataSource.query(
      `INSERT INTO post (kind, thread_id, author_id, body, status, published_at, created_at)
       SELECT 'REPLY', $1, $2, 'reply ' || n, 'PUBLISHED', now(), date_trunc('second', now()) FROM generate_series(1, 17) n`,
      [thread.id, members[1].accountId],
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = ok(
        await app.gql(
          `query($id: ID!, $after: String) { thread(id: $id) { replies(first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
          { id: thread.id, after },
        ),
      ).thread.replies;
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toHaveLength(17);
    expect(new Set(seen).size).toBe(17);
  });
});

/** Fills a fresh app with a busy feed, then counts the statements of a page of 5 and of 50. */
async function countFeedStatements(app: TestApp): Promise<void> {
  const members = [await registerMember(app), await registerMember(app), await registerMember(app)];
  const spaceIds = (await spaces(app)).map((space) => space.id);
  const ids = await insertThreads(app, { count: 60, spaceIds, authorIds: members.map((m) => m.accountId), prefix: 'counted' });
  // Reactions and published replies on many of them.
  await app.dataSource.query(
    `INSERT INTO reaction (post_id, account_id, kind)
     SELECT p.id, m.id, k.kind FROM unnest($1::uuid[]) AS p(id), unnest($2::uuid[]) AS m(id), unnest(ARRAY['SUPPORT', 'RELATE']) AS k(kind)`,
    [ids, members.map((m) => m.accountId)],
  );
  await app.dataSource.query(
    `INSERT INTO post (kind, thread_id, author_id, body, status, published_at)
     SELECT 'REPLY', t.id, $2, 'a reply', 'PUBLISHED', now() FROM unnest($1::uuid[]) AS t(id)`,
    [ids, members[1].accountId],
  );
  // Bring them to the top of the feed.
  await app.dataSource.query(`UPDATE thread SET last_activity_at = now() + interval '1 hour' WHERE id = ANY($1::uuid[])`, [ids]);

  const small = await app.countRequestQueries(RICH_FEED, { first: 5 }, members[0].token);
  const large = await app.countRequestQueries(RICH_FEED, { first: 50 }, members[0].token);
  expect(small.result.errors).toBeUndefined();
  expect(large.result.errors).toBeUndefined();
  expect(large.result.data.threads.edges).toHaveLength(50);
  const node = large.result.data.threads.edges[0].node;
  expect(node.replyCount).toBe(1);
  expect(node.reactions).toEqual([
    { kind: 'SUPPORT', count: 3, viewerReacted: true },
    { kind: 'RELATE', count: 3, viewerReacted: true },
    { kind: 'GRATEFUL', count: 0, viewerReacted: false },
  ]);
  expect(node.author.pseudonym).toEqual(expect.any(String));
  expect(node.space.slug).toEqual(expect.any(String));
  expect(small.count).toBeGreaterThan(1);
  expect({ large: large.count }).toEqual({ large: small.count });
  if (process.env.SHOW_QUERY_COUNTS) console.log(`feed page of 5: ${small.count} statements, of 50: ${large.count}`);
  // session lookup + feed + authors + spaces + thread counts + reactions + reply counts, give or take the auth lookups.
  expect(large.count).toBeLessThanOrEqual(10);
}
