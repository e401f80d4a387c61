import { Client } from 'pg';
import { insertThreads, spaces } from './support/forum';
import { codes, ok } from './support/gql';
import { registerMember, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

const SEARCH = `query($q: String!, $first: Int, $after: String) {
  search(query: $q, first: $first, after: $after) {
    edges { cursor node { __typename id body ... on Thread { title } ... on Reply { thread { id } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every page of a search, `first` at a time, in order. */
async function searchAllPages(app: TestApp, q: string, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = ok(
      await app.gql(SEARCH, { q, first, after }),
    ).search;
    seen.push(...page.edges.map((edge) => edge.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return seen;
}

/** One published thread per call, each published after the one before. */
async function publishedAfterTheLast(app: TestApp, spaceId: string, authorId: string, title: string, body: string): Promise<string> {
  const [id] = await insertThreads(app, { count: 1, spaceIds: [spaceId], authorIds: [authorId], prefix: 'x' });
  await app.dataSource.query(`UPDATE post SET title = $2, body = $3, published_at = clock_timestamp() WHERE id = $1`, [id, title, body]);
  return id;
}

describe('forum: full-text search', () => {
  let app: TestApp;
  let member: TestMember;
  let spaceId: string;

  async function ids(q: string, first = 50): Promise<string[]> {
    return ok(await app.gql(SEARCH, { q, first })).search.edges.map((edge: { node: { id: string } }) => edge.node.id);
  }

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
    member = await registerMember(app);
    spaceId = (await spaces(app))[0].id;
  });
  afterAll(() => app?.close());

  async function thread(title: string, body: string, status = 'PUBLISHED'): Promise<string> {
    const [id] = await insertThreads(app, { count: 1, spaceIds: [spaceId], authorIds: [member.accountId], prefix: 'x' });
    await app.dataSource.query(`UPDATE post SET title = $2, body = $3, status = $4 WHERE id = $1`, [id, title, body, status]);
    return id;
  }

  it('finds published threads and replies, best match first', async () => {
    const strong = await thread(
      'Naloxone saved my brother',
      'We carried naloxone everywhere. Naloxone works, and naloxone training is free.',
    );
    const weak = await thread('A long day', 'Work was busy, the bus was late, and I picked up naloxone from the pharmacy on the way home.');
    const unrelated = await thread('Gardening', 'Tomatoes and basil on the balcony.');
    const [reply] = (await app.dataSource.query(
      `INSERT INTO post (kind, thread_id, author_id, body, status, published_at) VALUES ('REPLY', $1, $2, 'Naloxone kits are free at the clinic, naloxone for everyone.', 'PUBLISHED', now()) RETURNING id`,
      [unrelated, member.accountId],
    )) as Array<{ id: string }>;

    const found = ok(await app.gql(SEARCH, { q: 'naloxone', first: 10 })).search;
    const order = found.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(order).toHaveLength(3);
    expect(order.indexOf(strong)).toBeLessThan(order.indexOf(weak));
    expect(order).toContain(reply.id);
    expect(order).not.toContain(unrelated);
    const replyNode = found.edges.find((edge: { node: { id: string } }) => edge.node.id === reply.id).node;
    expect(replyNode).toMatchObject({ __typename: 'Reply', thread: { id: unrelated } });

    // Stemming and web-search syntax.
    expect(await ids('"naloxone training"')).toEqual([strong]);
    expect(await ids('naloxone -pharmacy')).not.toContain(weak);
    expect(await ids('tomato')).toEqual([unrelated]);
  });

  it('never finds unpublished or hidden posts', async () => {
    const held = await thread('Zephyrine held', 'zephyrine words', 'HELD');
    const pending = await thread('Zephyrine pending', 'zephyrine words', 'PENDING');
    const removed = await thread('Zephyrine removed', 'zephyrine words', 'REMOVED');
    const hidden = await thread('Zephyrine hidden', 'zephyrine words');
    await app.dataSource.query(`UPDATE post SET hidden_by_reports = true WHERE id = $1`, [hidden]);
    const visible = await thread('Zephyrine visible', 'zephyrine words');
    expect(await ids('zephyrine')).toEqual([visible]);
    const asAuthor = ok(await app.gql(SEARCH, { q: 'zephyrine', first: 10 }, member.token)).search.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
    expect(asAuthor).toEqual([visible]);
    expect([held, pending, removed]).not.toContain(visible);
  });

  it('pages by (rank, id) without duplicates or gaps, ties included', async () => {
    const same = [];
    for (let i = 0; i < 7; i += 1) same.push(await thread('Quokka', 'quokka'));
    const best = await thread('Quokka quokka', 'quokka quokka quokka quokka');
    const seen = await searchAllPages(app, 'quokka', 3);
    expect(seen[0]).toBe(best);
    expect(seen.slice(1)).toEqual([...same].sort());
    expect(new Set(seen).size).toBe(8);
  });

  it("keeps each post's words in search_vector, through edits, and uses the partial GIN index on it", async () => {
    const id = await thread('Numbat notes', 'A numbat at dusk.');
    expect(await ids('numbat')).toEqual([id]);
    await app.dataSource.query(`UPDATE post SET title = 'Bilby notes', body = 'A bilby at dawn.' WHERE id = $1`, [id]);
    expect(await ids('numbat')).toEqual([]);
    expect(await ids('bilby dawn')).toEqual([id]);
    // Only the trigger writes it: a value set by hand is replaced by the words of the post.
    await app.dataSource.query(`UPDATE post SET search_vector = to_tsvector('english', 'numbat') WHERE id = $1`, [id]);
    expect(await ids('numbat')).toEqual([]);
    expect(await ids('bilby')).toEqual([id]);

    const sql = `EXPLAIN SELECT id FROM post p WHERE p.status = 'PUBLISHED' AND NOT p.hidden_by_reports
         AND p.search_vector @@ websearch_to_tsquery('english', 'quokka')`;
    const rows = (await app.dataSource.query(sql)) as Array<{ 'QUERY PLAN': string }>;
    // The test table is tiny, so the planner prefers a scan, or a walk of the other partial index
    // on public posts (post_public_published_idx, which search walks for a word in many posts):
    // forbid the scan and, for one rolled-back transaction, drop the other index (as the owner).
    const owner = new Client({ connectionString: app.ownerUrl });
    await owner.connect();
    let forced: Array<{ 'QUERY PLAN': string }>;
    try {
      await owner.query('BEGIN');
      await owner.query('DROP INDEX post_public_published_idx');
      await owner.query('SET LOCAL enable_seqscan = off');
      forced = (await owner.query<{ 'QUERY PLAN': string }>(sql)).rows;
    } finally {
      await owner.query('ROLLBACK');
      await owner.end();
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(forced.map((row) => row['QUERY PLAN']).join('\n')).toContain('post_search_idx');
  });

  it('refuses empty and overlong queries and bad cursors', async () => {
    expect(codes(await app.gql(SEARCH, { q: '   ' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(SEARCH, { q: 'x'.repeat(201) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(SEARCH, { q: 'quokka', after: 'bogus' }))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await app.gql(SEARCH, { q: 'the and of' })).search.edges).toEqual([]);
    expect(ok(await app.gql(SEARCH, { q: `'"):* & | !` })).search.edges).toEqual([]);
  });
});

describe('forum: full-text search among the newest SEARCH_CANDIDATES_MAX matches', () => {
  let app: TestApp;
  let member: TestMember;
  let spaceId: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', SEARCH_CANDIDATES_MAX: '3' } });
    member = await registerMember(app);
    spaceId = (await spaces(app))[0].id;
  });
  afterAll(() => app?.close());

  const thread = (title: string, body: string) => publishedAfterTheLast(app, spaceId, member.accountId, title, body);

  it("ranks a common word's newest matches, best first, and still finds a rare word in an old post", async () => {
    const oldest = await thread('Wombat wombat', 'wombat wombat wombat, and one platypus');
    const older = await thread('Wombat', 'a wombat');
    const middle = await thread('Wombat', 'a wombat burrow');
    const newer = await thread('Wombat wombat', 'wombat wombat');
    const newest = await thread('Garden', 'one wombat in a long sentence about the garden, the weather and the bus');

    const seen = await searchAllPages(app, 'wombat', 2);
    // The three newest matches only, best match first; the oldest (and strongest) is left out.
    expect(seen).toHaveLength(3);
    expect(new Set(seen)).toEqual(new Set([middle, newer, newest]));
    expect(seen[0]).toBe(newer);
    expect(seen).not.toContain(oldest);
    expect(seen).not.toContain(older);

    expect(ok(await app.gql(SEARCH, { q: 'platypus' })).search.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([
      oldest,
    ]);
  });
});

describe('forum: full-text search in the SEARCH_RECENT_WINDOW newest posts, then the whole forum', () => {
  let app: TestApp;
  let member: TestMember;
  let spaceId: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', SEARCH_CANDIDATES_MAX: '3', SEARCH_RECENT_WINDOW: '4' } });
    member = await registerMember(app);
    spaceId = (await spaces(app))[0].id;
  });
  afterAll(() => app?.close());

  const thread = (title: string, body: string) => publishedAfterTheLast(app, spaceId, member.accountId, title, body);

  const allPages = (q: string) => searchAllPages(app, q, 1);

  it('finds a rare word in a post older than the window, and tops a common one up to the cap without duplicates', async () => {
    const echidna = await thread('Creek', 'an echidna by the creek');
    const oldWombats: string[] = [];
    for (let i = 0; i < 4; i += 1) oldWombats.push(await thread('Wombat', `wombat number ${i}`));
    const oldDingos: string[] = [];
    for (let i = 0; i < 2; i += 1) oldDingos.push(await thread('Dingo', 'a dingo'));
    // The window: the four newest public posts.
    const recentWombat = await thread('Wombat wombat', 'wombat wombat, and a dingo');
    const recentDingo = await thread('Dingo dingo', 'dingo dingo');
    const newerDingo = await thread('Dingo', 'a dingo at night');
    const newestWombat = await thread('Garden', 'one wombat in a long sentence about the garden, the weather and the bus');

    // Beyond the window and in no recent post: still found, through the full-text index.
    expect(await allPages('echidna')).toEqual([echidna]);

    // Two matches in the window (fewer than 3): both, plus one older match, each listed once,
    // the same on every walk.
    const wombats = await allPages('wombat');
    expect(wombats).toHaveLength(3);
    expect(new Set(wombats).size).toBe(3);
    expect(wombats[0]).toBe(recentWombat);
    expect(wombats).toContain(newestWombat);
    expect(oldWombats.filter((id) => wombats.includes(id))).toHaveLength(1);
    expect(await allPages('wombat')).toEqual(wombats);

    // Three matches in the window: those only, the older ones left out.
    const dingos = await allPages('dingo');
    expect(new Set(dingos)).toEqual(new Set([recentWombat, recentDingo, newerDingo]));
    expect(dingos).toHaveLength(3);
    expect(dingos[0]).toBe(recentDingo);
    for (const id of oldDingos) expect(dingos).not.toContain(id);
  });
});
