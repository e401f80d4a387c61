import { randomUUID } from 'node:crypto';
import { firstSpaceIdInDb, insertThread } from './support/forum';
import { codeOf, ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';
import { WithdrawnBodyEraser } from '../src/workflows/withdrawn-body-eraser';

/**
 * Exact times can link a pseudonym to other traces. Other members see post times to the
 * minute, page cursors cannot be read (or forged), and a withdrawn post's words are erased
 * once the retention window has passed.
 */

const THREAD_TIMES = `query($id: ID!) { thread(id: $id) { id createdAt publishedAt editedAt lastActivityAt
  replies(first: 10) { edges { node { id createdAt publishedAt editedAt } } } } }`;
const FEED = `query($first: Int, $after: String) { threads(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawPost(id: $id) { id status } }`;
const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id body } }`;

interface Times {
  createdAt: string;
  publishedAt: string;
  editedAt: string;
  lastActivityAt: string;
  replies: { edges: Array<{ node: { createdAt: string; publishedAt: string; editedAt: string } }> };
}

describe('privacy of time', () => {
  let app: TestApp;
  let space: string;
  let author: TestMember;
  let replier: TestMember;
  let reader: TestMember;
  let moderator: TestMember;

  beforeAll(async () => {
    app = await startTestApp({
      env: { WORKERS: 'off', EDIT_RATE_LIMIT: '3', EDIT_RATE_WINDOW_SECONDS: '600', WITHDRAWN_BODY_RETENTION_DAYS: '30' },
    });
    space = await firstSpaceIdInDb(app);
    [author, replier, reader, moderator] = [
      await registerMember(app),
      await registerMember(app),
      await registerMember(app),
      await registerMember(app),
    ];
    await setRole(app, moderator.accountId, 'MODERATOR');
  });
  afterAll(() => app?.close());

  describe('post times', () => {
    let threadId: string;

    beforeAll(async () => {
      threadId = await insertThread(app, space, author.accountId, { status: 'PUBLISHED' });
      const replyId = randomUUID();
      await app.dataSource.query(
        `INSERT INTO post (id, kind, thread_id, author_id, body, status) VALUES ($1, 'REPLY', $2, $3, 'Same here.', 'PUBLISHED')`,
        [replyId, threadId, replier.accountId],
      );
      await app.dataSource.query(
        `UPDATE post SET created_at = '2026-11-20T10:11:12.345678Z', published_at = '2026-11-20T10:11:13.456789Z', edited_at = '2026-11-20T10:15:59.999999Z' WHERE id = ANY($1::uuid[])`,
        [[threadId, replyId]],
      );
      await app.dataSource.query(`UPDATE thread SET last_activity_at = '2026-11-20T10:20:30.123456Z' WHERE id = $1`, [threadId]);
    });

    async function timesAs(token?: string): Promise<Times> {
      return ok(await app.gql<{ thread: Times }>(THREAD_TIMES, { id: threadId }, token)).thread;
    }

    it('shows the signed-out and other members every post time to the minute only', async () => {
      for (const times of [await timesAs(), await timesAs(reader.token)]) {
        expect(times).toMatchObject({
          createdAt: '2026-11-20T10:11:00.000Z',
          publishedAt: '2026-11-20T10:11:00.000Z',
          editedAt: '2026-11-20T10:15:00.000Z',
          lastActivityAt: '2026-11-20T10:20:00.000Z',
        });
        expect(times.replies.edges[0].node).toEqual({
          id: expect.any(String),
          createdAt: '2026-11-20T10:11:00.000Z',
          publishedAt: '2026-11-20T10:11:00.000Z',
          editedAt: '2026-11-20T10:15:00.000Z',
        });
      }
    });

    it('shows each author their own post exactly, not others’ posts nor the last activity (another member’s reply)', async () => {
      const asAuthor = await timesAs(author.token);
      expect(asAuthor).toMatchObject({
        createdAt: '2026-11-20T10:11:12.345Z',
        publishedAt: '2026-11-20T10:11:13.456Z',
        editedAt: '2026-11-20T10:15:59.999Z',
        lastActivityAt: '2026-11-20T10:20:00.000Z',
      });
      expect(asAuthor.replies.edges[0].node.createdAt).toBe('2026-11-20T10:11:00.000Z');
      const asReplier = await timesAs(replier.token);
      expect(asReplier.createdAt).toBe('2026-11-20T10:11:00.000Z');
      expect(asReplier.replies.edges[0].node.createdAt).toBe('2026-11-20T10:11:12.345Z');
    });

    it('shows moderators exact times (they read the exact audit log anyway)', async () => {
      expect(await timesAs(moderator.token)).toMatchObject({
        createdAt: '2026-11-20T10:11:12.345Z',
        lastActivityAt: '2026-11-20T10:20:30.123Z',
      });
    });
  });

  it('shows a notification (a reply’s, say) to the minute only', async () => {
    await app.dataSource.query(
      `INSERT INTO notification (account_id, kind, message, created_at) VALUES ($1, 'NEW_REPLY', 'Someone replied to your thread.', '2026-11-20T10:11:12.345678Z')`,
      [author.accountId],
    );
    const inbox = ok(
      await app.gql<{ me: { notifications: { edges: Array<{ node: { kind: string; createdAt: string } }> } } }>(
        `query { me { notifications(first: 50) { edges { node { kind createdAt } } } } }`,
        {},
        author.token,
      ),
    );
    expect(inbox.me.notifications.edges.map((edge) => edge.node)).toContainEqual({
      kind: 'NEW_REPLY',
      createdAt: '2026-11-20T10:11:00.000Z',
    });
  });

  describe('page cursors', () => {
    it('cannot be decoded to a time or id, and a changed or hand-made cursor is refused', async () => {
      await insertThread(app, space, author.accountId, { status: 'PUBLISHED' });
      const [{ last }]: Array<{ last: string }> = await app.dataSource.query(
        `SELECT to_char(max(last_activity_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS last FROM thread`,
      );
      const page = ok(
        await app.gql<{ threads: { edges: Array<{ cursor: string; node: { id: string } }>; pageInfo: { endCursor: string } } }>(
          FEED,
          { first: 1 },
          reader.token,
        ),
      ).threads;
      const cursor = page.pageInfo.endCursor;
      const opened = Buffer.from(cursor, 'base64url').toString('latin1');
      expect(opened).not.toContain(last.slice(0, 10));
      expect(opened).not.toContain(last.slice(-6));
      expect(opened).not.toContain(page.edges[0].node.id);
      expect(() => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).toThrow();

      // The next page still follows on.
      const next = ok(
        await app.gql<{ threads: { edges: Array<{ node: { id: string } }> } }>(FEED, { first: 1, after: cursor }, reader.token),
      ).threads;
      expect(next.edges[0].node.id).not.toBe(page.edges[0].node.id);

      const tampered = Buffer.from(cursor, 'base64url');
      tampered[tampered.length - 1] ^= 1;
      expect(codeOf(await app.gql(FEED, { first: 1, after: tampered.toString('base64url') }, reader.token))).toBe('BAD_USER_INPUT');
      // The old, readable format: a client that decoded cursors cannot craft one either.
      const forged = Buffer.from(JSON.stringify({ k: [`${last}Z`], id: page.edges[0].node.id })).toString('base64url');
      expect(codeOf(await app.gql(FEED, { first: 1, after: forged }, reader.token))).toBe('BAD_USER_INPUT');
    });
  });

  describe('withdrawn posts', () => {
    const eraser = (): WithdrawnBodyEraser => app.running.app.get(WithdrawnBodyEraser);

    async function row(id: string): Promise<{ title: string | null; body: string; screening: unknown; body_erased_at: Date | null }> {
      const [found] = await app.dataSource.query('SELECT title, body, screening, body_erased_at FROM post WHERE id = $1', [id]);
      return found;
    }

    async function withdrawn(): Promise<string> {
      const id = await insertThread(app, space, author.accountId, {
        status: 'PUBLISHED',
        title: 'Relapsed on Friday',
        body: 'Words I no longer want kept.',
      });
      await app.dataSource.query(`UPDATE post SET screening = '{"revision":1}'::jsonb WHERE id = $1`, [id]);
      expect(ok(await app.gql<{ withdrawPost: { status: string } }>(WITHDRAW, { id }, author.token)).withdrawPost.status).toBe('REMOVED');
      return id;
    }

    async function daysPass(id: string, days: number): Promise<void> {
      await app.dataSource.query(`UPDATE post SET withdrawn_at = withdrawn_at - make_interval(days => $2) WHERE id = $1`, [id, days]);
    }

    it('keeps the words through the retention window, then erases title, body and feedback and says when', async () => {
      const id = await withdrawn();
      await eraser().eraseOnce();
      expect(await row(id)).toMatchObject({ title: 'Relapsed on Friday', body: 'Words I no longer want kept.', body_erased_at: null });

      await daysPass(id, 29);
      await eraser().eraseOnce();
      expect((await row(id)).body).toBe('Words I no longer want kept.');

      await daysPass(id, 2);
      await eraser().eraseOnce();
      const erased = await row(id);
      expect(erased).toMatchObject({ title: 'Withdrawn by its author', body: '', screening: null });
      expect(erased.body_erased_at).toBeInstanceOf(Date);
    });

    it('keeps the words while an open moderation case holds the post, and erases them once it is resolved', async () => {
      const id = await withdrawn();
      const [{ id: caseId }] = await app.dataSource.query(
        `INSERT INTO moderation_case (post_id, priority, priority_rank) VALUES ($1, 'HIGH', 1) RETURNING id`,
        [id],
      );
      await daysPass(id, 31);
      await eraser().eraseOnce();
      expect((await row(id)).body).toBe('Words I no longer want kept.');

      await app.dataSource.query(
        `INSERT INTO case_reason (case_id, category, severity, source, detail, excerpt, start, "end", revision)
         VALUES ($1, 'SELF_HARM', 'HOLD', 'SCREENING', 'a wish not to wake: "no longer want kept"', 'Words I no longer want kept.', 0, 10, 1),
                ($1, 'HARASSMENT', 'HOLD', 'REPORT', 'Reported: mean to me', NULL, NULL, NULL, 1)`,
        [caseId],
      );
      await app.dataSource.query(`UPDATE moderation_case SET status = 'RESOLVED', resolved_at = now() WHERE id = $1`, [caseId]);
      await eraser().eraseOnce();
      expect((await row(id)).body).toBe('');
      // The case keeps why it was held, not the words it quoted.
      const reasons: Array<{ detail: string; excerpt: string | null }> = await app.dataSource.query(
        'SELECT detail, excerpt FROM case_reason WHERE case_id = $1 ORDER BY source DESC',
        [caseId],
      );
      expect(reasons).toEqual([
        { detail: 'a wish not to wake', excerpt: null },
        { detail: 'Reported: mean to me', excerpt: null },
      ]);
    });

    it('leaves posts a moderator removed (not withdrawn) to moderation', async () => {
      const id = await insertThread(app, space, author.accountId, { status: 'REMOVED', body: 'Removed by a moderator.' });
      await app.dataSource.query(`UPDATE post SET updated_at = now() - interval '90 days' WHERE id = $1`, [id]);
      await eraser().eraseOnce();
      expect((await row(id)).body).toBe('Removed by a moderator.');
    });
  });

  describe('edit rate limit', () => {
    it('refuses the edit after EDIT_RATE_LIMIT in the window with RATE_LIMITED, leaving the post unchanged; the window passing frees it', async () => {
      const id = await insertThread(app, space, author.accountId, { status: 'PUBLISHED', body: 'First words.' });
      for (const n of [1, 2, 3])
        expect(
          ok(await app.gql<{ editPost: { body: string } }>(EDIT, { input: { id, body: `Edit number ${n}.` } }, author.token)).editPost.body,
        ).toBe(`Edit number ${n}.`);
      const [before] = await app.dataSource.query('SELECT body, revision, edited_at FROM post WHERE id = $1', [id]);

      const refused = await app.gql(EDIT, { input: { id, body: 'Edit number 4.' } }, author.token);
      expect(codeOf(refused)).toBe('RATE_LIMITED');
      expect(await app.dataSource.query('SELECT body, revision, edited_at FROM post WHERE id = $1', [id])).toEqual([before]);
      expect(before.body).toBe('Edit number 3.');

      // Another member's budget is their own.
      const other = await insertThread(app, space, reader.accountId, { status: 'PUBLISHED' });
      ok(await app.gql(EDIT, { input: { id: other, body: 'My own edit.' } }, reader.token));

      await app.dataSource.query(`UPDATE edit_rate_event SET created_at = created_at - interval '601 seconds' WHERE account_id = $1`, [
        author.accountId,
      ]);
      expect(
        ok(await app.gql<{ editPost: { body: string } }>(EDIT, { input: { id, body: 'Edit number 4.' } }, author.token)).editPost.body,
      ).toBe('Edit number 4.');
    });
  });
});
