import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as path from 'node:path';
import { LONG_THREAD_TITLE } from '../src/cli/seed/seed-plan';
import { registerMember } from './support/members';
import { createTestDatabase, GqlResponse, startTestApp, TestApp } from './support/test-app';

/**
 * `npm run seed:load` as an operator runs it (the built CLI, against a fresh database), then
 * what a reader of the seeded forum sees through the API: a feed, a space, a long thread and
 * search full of published posts whose counts add up. And the refusal to write generated
 * posts beside real members' unless forced. `npm test` builds dist/ before jest runs.
 */
const CLI = path.join(__dirname, '..', 'dist', 'src', 'cli.js');
const POSTS = 2000;

function seedLoad(database: { ownerUrl: string; appUrl: string }, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, 'seed-load', ...args], {
    env: { ...process.env, DATABASE_URL: database.appUrl, DATABASE_OWNER_URL: database.ownerUrl, LOG_LEVEL: 'error', SEED_POSTS: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const MEMBER = `pseudonym perspective daysInRecovery`;
const THREAD_SUMMARY = `id title body status publishedAt replyCount author { ${MEMBER} } space { slug } reactions { kind count }`;
const FEED = `query Feed($first: Int!, $after: String, $spaceSlug: String) {
  threads(first: $first, after: $after, spaceSlug: $spaceSlug) { edges { node { ${THREAD_SUMMARY} } } pageInfo { hasNextPage endCursor } } }`;
const SPACE = `query Space($slug: String!) { space(slug: $slug) { slug threadCount } }`;
const THREAD = `query Thread($id: ID!, $after: String) { thread(id: $id) { id title status replyCount
  replies(first: 50, after: $after) { edges { node { id body status createdAt author { pseudonym } } } pageInfo { hasNextPage endCursor } } } }`;
const SEARCH = `query Search($query: String!) { search(query: $query, first: 20) {
  edges { node { id body status ... on Thread { title } ... on Reply { thread { id } } } } } }`;

interface RepliesPage {
  replyCount: number;
  replies: {
    edges: Array<{ node: { id: string; status: string; createdAt: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

interface ThreadSummary {
  id: string;
  title: string;
  body: string;
  status: string;
  publishedAt: string | null;
  replyCount: number;
  author: { pseudonym: string } | null;
  space: { slug: string };
  reactions: Array<{ kind: string; count: number }>;
}

describe('seed-load', () => {
  let database: { ownerUrl: string; appUrl: string };
  let app: TestApp;
  let firstRun: SpawnSyncReturns<string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    firstRun = seedLoad(database, ['--posts', String(POSTS), '--seed', '5']);
    app = await startTestApp({ database, env: { WORKERS: 'off' } });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    ((await app.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

  it('writes the posts asked for, with members, threads and reactions, and says how long it took', async () => {
    expect(firstRun.stderr).toBe('');
    expect(firstRun.status).toBe(0);
    expect(firstRun.stdout).toMatch(new RegExp(`seeded \\d+ members, \\d+ threads, ${POSTS} posts and \\d+ reactions in [\\d.]+ s`));
    expect(await count(`SELECT count(*)::int AS n FROM post`)).toBe(POSTS);
    expect(await count(`SELECT count(*)::int AS n FROM post WHERE status <> 'PUBLISHED' OR published_at IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM reaction`)).toBeGreaterThan(POSTS / 2);
    expect(await count(`SELECT count(DISTINCT author_id)::int AS n FROM post`)).toBeGreaterThan(20);
  });

  it('leaves each post as screening leaves a clean one: its record, its times, its thread brought forward', async () => {
    expect(
      await count(
        `SELECT count(*)::int AS n FROM post WHERE screening->>'outcome' <> 'PUBLISH' OR (screening->>'revision')::int <> revision
            OR published_at < created_at OR updated_at <> published_at`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM thread t
          WHERE t.last_activity_at <> (SELECT max(p.published_at) FROM post p WHERE p.thread_id = t.id)`,
      ),
    ).toBe(0);
  });

  it('fills the feed with published threads from many members whose reply counts add up', async () => {
    const response = await app.gql<{ threads: { edges: Array<{ node: ThreadSummary }>; pageInfo: { hasNextPage: boolean } } }>(FEED, {
      first: 20,
    });
    expect(response.errors).toBeUndefined();
    const threads = response.data?.threads.edges.map((edge) => edge.node) ?? [];
    expect(threads).toHaveLength(20);
    expect(response.data?.threads.pageInfo.hasNextPage).toBe(true);
    for (const thread of threads) {
      expect(thread.status).toBe('PUBLISHED');
      expect(thread.title.length).toBeGreaterThan(0);
      expect(thread.body.length).toBeGreaterThan(0);
      expect(thread.author?.pseudonym).toMatch(/^[A-Za-z]+\d+$/);
      const replies = await count(`SELECT count(*)::int AS n FROM post WHERE thread_id = $1 AND kind = 'REPLY'`, [thread.id]);
      expect(thread.replyCount).toBe(replies);
    }
    expect(new Set(threads.map((thread) => thread.author?.pseudonym)).size).toBeGreaterThan(3);
    expect(threads.some((thread) => thread.reactions.some((reaction) => reaction.count > 0))).toBe(true);
  });

  it('gives each space its threads, counted as the space page shows them', async () => {
    const slug = 'family-and-friends';
    const space = await app.gql<{ space: { threadCount: number } }>(SPACE, { slug });
    const inSpace = await count(`SELECT count(*)::int AS n FROM thread t JOIN space s ON s.id = t.space_id WHERE s.slug = $1`, [slug]);
    expect(inSpace).toBeGreaterThan(0);
    expect(space.data?.space.threadCount).toBe(inSpace);
    const feed = await app.gql<{ threads: { edges: Array<{ node: ThreadSummary }> } }>(FEED, { first: 20, spaceSlug: slug });
    expect(feed.data?.threads.edges.length).toBe(Math.min(20, inSpace));
    expect(feed.data?.threads.edges.every((edge) => edge.node.space.slug === slug)).toBe(true);
  });

  it('has a thread of exactly 500 replies, read page by page in order', async () => {
    const [{ id }] = (await app.dataSource.query(`SELECT id FROM post WHERE title = $1`, [LONG_THREAD_TITLE])) as Array<{ id: string }>;
    const seen: Array<{ id: string; createdAt: string }> = [];
    let after: string | null = null;
    for (let page = 0; page < 11; page++) {
      const response: GqlResponse<{ thread: RepliesPage }> = await app.gql<{ thread: RepliesPage }>(THREAD, { id, after });
      const thread: RepliesPage | undefined = response.data?.thread;
      if (!thread) throw new Error(JSON.stringify(response.errors));
      expect(thread.replyCount).toBe(500);
      seen.push(...thread.replies.edges.map((edge) => edge.node));
      expect(thread.replies.edges.every((edge) => edge.node.status === 'PUBLISHED')).toBe(true);
      if (!thread.replies.pageInfo.hasNextPage) break;
      after = thread.replies.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(500);
    expect(new Set(seen.map((reply) => reply.id)).size).toBe(500);
    const times = seen.map((reply) => reply.createdAt);
    expect(times).toEqual([...times].sort());
  });

  it('answers searches with seeded posts', async () => {
    for (const query of ['meeting', 'sponsor', 'family support group']) {
      const response = await app.gql<{ search: { edges: Array<{ node: { body: string; status: string } }> } }>(SEARCH, { query });
      expect(response.errors).toBeUndefined();
      expect(response.data?.search.edges.length).toBeGreaterThan(0);
      expect(response.data?.search.edges.every((edge) => edge.node.status === 'PUBLISHED')).toBe(true);
    }
  });

  it('refuses a database with a real member unless forced, and then adds to it', async () => {
    await registerMember(app);
    const refused = seedLoad(database, ['--posts', '100']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('seed-load refused: this database holds 1 real member account(s)');
    expect(refused.stderr).toContain('--force');
    expect(await count(`SELECT count(*)::int AS n FROM post`)).toBe(POSTS);

    const forced = seedLoad(database, ['--posts', '100', '--force']);
    expect(forced.status).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM post`)).toBe(POSTS + 100);
    expect(await count(`SELECT count(*)::int AS n FROM account`)).toBe(
      await count(`SELECT count(DISTINCT pseudonym_key)::int AS n FROM account`),
    );
  }, 120_000);
});
