import { randomUUID } from 'node:crypto';
import { ok } from './gql';
import type { TestApp } from './test-app';
import { waitFor } from './wait';

export const START_THREAD = `mutation Start($input: StartThreadInput!) {
  startThread(input: $input) { id status title body viewerIsAuthor }
}`;

export const REPLY = `mutation($input: ReplyInput!) { reply(input: $input) { id status body inReplyTo { id } thread { id } } }`;

/** A thread by id, as the given viewer (or an anonymous one) sees it. */
export const THREAD = `query Thread($id: ID!) { thread(id: $id) { id status title body } }`;

export async function spaces(app: TestApp): Promise<Array<{ id: string; slug: string }>> {
  return ok(await app.gql<{ spaces: Array<{ id: string; slug: string }> }>('{ spaces { id slug } }')).spaces;
}

export async function firstSpaceId(app: TestApp): Promise<string> {
  const response = await app.gql<{ spaces: Array<{ id: string }> }>('{ spaces { id } }');
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.spaces[0].id;
}

/** The first space in display order, read straight from the database. */
export async function firstSpaceIdInDb(app: TestApp): Promise<string> {
  const rows: Array<{ id: string }> = await app.dataSource.query('SELECT id FROM space ORDER BY position, slug LIMIT 1');
  return rows[0].id;
}

/** A post body screening publishes: nothing in it to hold. */
export function calmText(tag: string): string {
  return `Went for a long walk by the river today and called my sponsor afterwards. Grateful for this group. ${tag}`;
}

/** Starts a thread in the first space; throws when there is no data. */
export async function startThread(app: TestApp, token: string, body: string, title = 'A thread'): Promise<{ id: string; status: string }> {
  const response = await app.gql<{ startThread: { id: string; status: string } }>(
    START_THREAD,
    { input: { spaceId: await firstSpaceId(app), title, body } },
    token,
  );
  if (!response.data) throw new Error(`startThread failed: ${JSON.stringify(response.errors)}`);
  return response.data.startThread;
}

/** Starts a thread with the whole input given; throws on any GraphQL error. */
export async function startThreadWith(
  app: TestApp,
  token: string,
  input: { spaceId: string; title: string; body: string; contentWarnings?: string[] },
): Promise<{ id: string; status: string }> {
  return ok(await app.gql<{ startThread: { id: string; status: string } }>(START_THREAD, { input }, token)).startThread;
}

/** Waits until screening moved the thread out of PENDING, as seen by its author. */
export async function waitForScreened(app: TestApp, token: string, threadId: string, timeoutMs = 15_000): Promise<string> {
  return waitFor(async () => {
    const response = await app.gql<{ thread: { status: string } | null }>(THREAD, { id: threadId }, token);
    const status = response.data?.thread?.status;
    return status && status !== 'PENDING' ? status : null;
  }, timeoutMs);
}

/** Waits until anyone, signed out, can read the thread. */
export async function waitPublishedThread(app: TestApp, id: string, timeoutMs = 20_000): Promise<void> {
  await waitFor(async () => (await app.gql<{ thread: { id: string } | null }>(THREAD, { id })).data?.thread ?? null, timeoutMs);
}

/**
 * A thread written straight into the database, without screening (for tests that need it
 * deterministic); published_at is set when the status is PUBLISHED.
 */
export async function insertThread(
  app: TestApp,
  spaceId: string,
  authorId: string,
  options: { status?: string; title?: string; body?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const status = options.status ?? 'PUBLISHED';
  await app.dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO post (id, kind, thread_id, author_id, title, body, status, published_at)
       VALUES ($1, 'THREAD', $1, $2, $3, $4, $5, CASE WHEN $5 = 'PUBLISHED' THEN now() END)`,
      [id, authorId, options.title ?? 'Day 12 and holding on', options.body ?? 'Some words about the day.', status],
    );
    await manager.query(`INSERT INTO thread (id, space_id) VALUES ($1, $2)`, [id, spaceId]);
  });
  return id;
}

export interface BulkThreadOptions {
  count: number;
  spaceIds: string[];
  authorIds: Array<string | null>;
  prefix: string;
  /** Same activity time for all (to exercise the id tie-breaker) or one second apart. */
  sameTime?: boolean;
  status?: string;
}

/** Many threads written straight into the database in one transaction; their ids in insertion order. */
export async function insertThreads(app: TestApp, options: BulkThreadOptions): Promise<string[]> {
  return app.dataSource.transaction(async (manager) => {
    const rows = (await manager.query(
      `INSERT INTO post (kind, thread_id, author_id, title, body, status, published_at)
       SELECT 'THREAD', '00000000-0000-0000-0000-000000000000', ($3::uuid[])[1 + (n % cardinality($3::uuid[]))],
              $2 || ' thread ' || n, $2 || ' body ' || n, $4, now()
         FROM generate_series(1, $1::int) AS n
       RETURNING id`,
      [options.count, options.prefix, options.authorIds, options.status ?? 'PUBLISHED'],
    )) as Array<{ id: string }>;
    const ids = rows.map((row) => row.id);
    await manager.query(`UPDATE post SET thread_id = id WHERE id = ANY($1::uuid[])`, [ids]);
    await manager.query(
      `INSERT INTO thread (id, space_id, last_activity_at)
       SELECT ids.id, ($2::uuid[])[1 + ((ids.n - 1) % cardinality($2::uuid[]))],
              CASE WHEN $3 THEN date_trunc('second', now()) - interval '1 hour' ELSE now() - interval '1 hour' - ids.n * interval '1 second' END
         FROM unnest($1::uuid[]) WITH ORDINALITY AS ids(id, n)`,
      [ids, options.spaceIds, options.sameTime ?? false],
    );
    return ids;
  });
}
