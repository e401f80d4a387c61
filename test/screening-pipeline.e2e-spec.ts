import { randomUUID } from 'node:crypto';
import { PostScreeningWorkflow } from '../src/workflows/post-screening.workflow';
import { ScreeningSweeper } from '../src/workflows/screening.sweeper';
import { registerMember, TestMember } from './support/members';
import { firstSpaceId, startThread, waitForScreened } from './support/forum';
import { redisAvailable, startTestApp, TestApp } from './support/test-app';

const THREAD_AS_AUTHOR = `query Thread($id: ID!) {
  thread(id: $id) {
    id status
    screening { outcome categories reasons suggestions { term suggestion start end } crisisResources { name contact } }
  }
}`;

const NOTIFICATIONS = `{ me { notifications(first: 10) { unreadCount edges { node { kind message post { id } } } } } }`;

const backends: Array<'postgres' | 'redis'> = ['postgres'];
if (redisAvailable() || process.env.CI === 'true') backends.push('redis');

describe.each(backends)('the screening pipeline on the %s queue', (queue) => {
  let app: TestApp;
  let author: TestMember;
  let reader: TestMember;

  beforeAll(async () => {
    app = await startTestApp({ queue });
    author = await registerMember(app);
    reader = await registerMember(app);
  });
  afterAll(() => app.close());

  it('publishes a benign post within seconds, tells the author, and shows it signed out', async () => {
    const thread = await startThread(
      app,
      author.token,
      'Thirty days today. Thank you all for the late-night encouragement.',
      'Thirty days',
    );
    expect(thread.status).toBe('PENDING');
    expect(await waitForScreened(app, author.token, thread.id)).toBe('PUBLISHED');
    const anonymous = await app.gql<{ thread: { status: string; screening: unknown } }>(THREAD_AS_AUTHOR, { id: thread.id });
    expect(anonymous.data?.thread).toMatchObject({ status: 'PUBLISHED', screening: null });

    const inbox = await app.gql<{ me: { notifications: { edges: Array<{ node: { kind: string; post: { id: string } } }> } } }>(
      NOTIFICATIONS,
      {},
      author.token,
    );
    expect(inbox.data?.me.notifications.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({ kind: 'POST_PUBLISHED', post: { id: thread.id } }),
    );
  });

  it('holds a crisis post with an URGENT case carrying every reason, and shows its author crisis resources', async () => {
    const body = "I can't do this anymore. Tonight I'm going to take every pill I have saved up.";
    const thread = await startThread(app, author.token, body, 'Tonight');
    expect(await waitForScreened(app, author.token, thread.id)).toBe('HELD');

    const mine = await app.gql<{
      thread: { screening: { outcome: string; categories: string[]; reasons: string[]; crisisResources: Array<{ contact: string }> } };
    }>(THREAD_AS_AUTHOR, { id: thread.id }, author.token);
    const screening = mine.data?.thread.screening;
    expect(screening?.outcome).toBe('HOLD');
    expect(screening?.categories).toContain('SELF_HARM');
    expect(screening?.reasons.length).toBeGreaterThan(0);
    expect(screening?.crisisResources.map((resource) => resource.contact).join(' ')).toContain('988');

    // Held posts are invisible to other members and signed-out readers.
    expect((await app.gql(THREAD_AS_AUTHOR, { id: thread.id }, reader.token)).data?.thread).toBeNull();

    const cases: Array<{ id: string; priority: string; status: string }> = await app.dataSource.query(
      'SELECT id, priority, status FROM moderation_case WHERE post_id = $1',
      [thread.id],
    );
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ priority: 'URGENT', status: 'OPEN' });
    const reasons: Array<{ category: string; source: string; start: number; end: number; excerpt: string; detail: string }> =
      await app.dataSource.query('SELECT category, source, start, "end", excerpt, detail FROM case_reason WHERE case_id = $1', [
        cases[0].id,
      ]);
    expect(reasons.map((reason) => reason.category)).toContain('SELF_HARM');
    for (const reason of reasons.filter((r) => r.start !== null)) {
      expect(body.slice(reason.start, reason.end)).toBe(reason.excerpt);
      expect(reason.detail.length).toBeGreaterThan(0);
    }

    const inbox = await app.gql<{ me: { notifications: { edges: Array<{ node: { kind: string; post: { id: string } } }> } } }>(
      NOTIFICATIONS,
      {},
      author.token,
    );
    expect(inbox.data?.me.notifications.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({ kind: 'POST_HELD', post: { id: thread.id } }),
    );
  });

  it('recovers a post whose job was lost before processing: the sweeper enqueues it again', async () => {
    // A PENDING post committed but never enqueued: exactly what a crash between commit and enqueue leaves.
    const id = randomUUID();
    const spaceId = await firstSpaceId(app);
    await app.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO post (id, kind, thread_id, author_id, title, body, status, created_at, updated_at) VALUES ($1, 'THREAD', $1, $2, 'Lost', 'Went to my first meeting in years and nobody judged me.', 'PENDING', now() - interval '1 minute', now() - interval '1 minute')`,
        [id, author.accountId],
      );
      await manager.query(`INSERT INTO thread (id, space_id) VALUES ($1, $2)`, [id, spaceId]);
    });
    expect(await waitForScreened(app, author.token, id, 20_000)).toBe('PUBLISHED');
  });
});

describe('screening results and edits', () => {
  let app: TestApp;
  let author: TestMember;

  beforeAll(async () => {
    // No workers: the test drives screening itself, to interleave it with an edit.
    app = await startTestApp({ env: { WORKERS: 'off' } });
    author = await registerMember(app);
  });
  afterAll(() => app.close());

  it('never lets a stale screening result overwrite a newer edit', async () => {
    const thread = await startThread(app, author.token, 'First draft of my story.');
    const edit = await app.gql(
      `mutation Edit($input: EditPostInput!) { editPost(input: $input) { id status } }`,
      { input: { id: thread.id, body: 'Second draft: honestly, a better one.' } },
      author.token,
    );
    expect(edit.errors).toBeUndefined();

    const screening = app.running.app.get(PostScreeningWorkflow);
    expect(await screening.screenPost(thread.id, 1)).toBe('stale');
    const [afterStale] = await app.dataSource.query('SELECT status, revision, screening FROM post WHERE id = $1', [thread.id]);
    expect(afterStale).toMatchObject({ status: 'PENDING', revision: 2, screening: null });

    expect(await screening.screenPost(thread.id, 2)).toBe('applied');
    const [afterCurrent] = await app.dataSource.query('SELECT status, screening FROM post WHERE id = $1', [thread.id]);
    expect(afterCurrent.status).toBe('PUBLISHED');
    expect(afterCurrent.screening.revision).toBe(2);
    // Applying the same revision again (a duplicate job) changes nothing.
    expect(await screening.screenPost(thread.id, 2)).toBe('stale');
  });

  it('re-enqueues only posts pending past the grace period whose job is not already queued', async () => {
    const insertPending = async (age: string): Promise<string> => {
      const id = randomUUID();
      const spaceId = await firstSpaceId(app);
      await app.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO post (id, kind, thread_id, author_id, title, body, status, created_at, updated_at) VALUES ($1, 'THREAD', $1, $2, 't', 'b', 'PENDING', now() - $3::interval, now() - $3::interval)`,
          [id, author.accountId, age],
        );
        await manager.query(`INSERT INTO thread (id, space_id) VALUES ($1, $2)`, [id, spaceId]);
      });
      return id;
    };
    // Everything pending so far has its job waiting (no workers run here): age it past the grace.
    await app.dataSource.query(`UPDATE post SET updated_at = now() - interval '1 hour' WHERE status = 'PENDING'`);
    const lost = await insertPending('1 hour');
    await insertPending('0 seconds');

    const sweeper = app.running.app.get(ScreeningSweeper);
    expect(await sweeper.sweepOnce()).toBe(1);
    // Sweeping again finds the lost post's job already waiting: duplicates are harmless no-ops.
    expect(await sweeper.sweepOnce()).toBe(0);
    expect(await app.running.app.get(PostScreeningWorkflow).screenPost(lost, 1)).toBe('applied');
  });
});
