import { Client } from 'pg';
import { insertThreads, spaces, START_THREAD } from './support/forum';
import { ok } from './support/gql';
import { registerMember, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

const SPACE_COUNTS = `{ spaces { id threadCount } }`;
const DELETE_ACCOUNT = `mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id status } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawPost(id: $id) { id status } }`;

/**
 * A space's threadCount is read from space_thread_count, which triggers keep as posts change
 * state. Workers off: statuses a screening or a moderator would set are set in SQL, as
 * PostStateService writes them; the author's own steps go through the API. After every step
 * each space's count must equal a count of its public threads made from scratch.
 */
describe("forum: a space's threadCount through every change of its threads", () => {
  let app: TestApp;
  let owner: Client;
  let author: TestMember;
  let reader: TestMember;
  let spaceA: string;
  let spaceB: string;

  /** Every space's threadCount as the API answers it (to a member: never a cached anonymous page). */
  async function apiCounts(): Promise<Map<string, number>> {
    const data = ok(await app.gql<{ spaces: Array<{ id: string; threadCount: number }> }>(SPACE_COUNTS, {}, reader.token));
    return new Map(data.spaces.map((space) => [space.id, space.threadCount]));
  }

  /** The counts made from scratch, as threadCount used to count them. */
  async function countedCounts(): Promise<Map<string, number>> {
    const rows = (await app.dataSource.query(
      `SELECT s.id, count(p.id)::int AS count FROM space s
         LEFT JOIN thread t ON t.space_id = s.id
         LEFT JOIN post p ON p.id = t.id AND p.kind = 'THREAD' AND p.status = 'PUBLISHED' AND NOT p.hidden_by_reports
        GROUP BY s.id`,
    )) as Array<{ id: string; count: number }>;
    return new Map(rows.map((row) => [row.id, row.count]));
  }

  /** Checks every space against the recount, and returns spaces A and B. */
  async function counts(): Promise<[number, number]> {
    const api = await apiCounts();
    expect(api).toEqual(await countedCounts());
    return [api.get(spaceA) ?? -1, api.get(spaceB) ?? -1];
  }

  async function setStatus(id: string, status: string): Promise<void> {
    await app.dataSource.query(
      `UPDATE post SET status = $2, published_at = coalesce(published_at, now()), updated_at = now() WHERE id = $1`,
      [id, status],
    );
  }

  async function started(token: string, title: string, spaceId = spaceA): Promise<string> {
    const thread = ok(await app.gql(START_THREAD, { input: { spaceId, title, body: `${title}: a calm story.` } }, token)).startThread;
    expect(thread.status).toBe('PENDING');
    return thread.id as string;
  }

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
    owner = new Client({ connectionString: app.ownerUrl });
    await owner.connect();
    author = await registerMember(app);
    reader = await registerMember(app);
    const all = await spaces(app);
    [spaceA, spaceB] = [all[2].id, all[3].id];
  });
  afterAll(async () => {
    await owner?.end();
    await app?.close();
  });

  it('counts a thread while it is published and shown: publish, reply, hide, show, edit, remove, restore, withdraw', async () => {
    expect(await counts()).toEqual([0, 0]);
    const id = await started(author.token, 'Counted');
    expect(await counts()).toEqual([0, 0]); // PENDING

    await setStatus(id, 'PUBLISHED');
    expect(await counts()).toEqual([1, 0]);
    await setStatus(id, 'PUBLISHED'); // published again (an approval of a published post): no change
    expect(await counts()).toEqual([1, 0]);

    const reply = ok(
      await app.gql(
        `mutation($input: ReplyInput!) { reply(input: $input) { id } }`,
        { input: { threadId: id, body: 'Here with you.' } },
        reader.token,
      ),
    ).reply;
    await setStatus(reply.id, 'PUBLISHED');
    expect(await counts()).toEqual([1, 0]); // replies are not threads

    await app.dataSource.query(`UPDATE post SET hidden_by_reports = true WHERE id = $1`, [id]);
    expect(await counts()).toEqual([0, 0]);
    await app.dataSource.query(`UPDATE post SET hidden_by_reports = false WHERE id = $1`, [id]);
    expect(await counts()).toEqual([1, 0]);

    // The author's edit sends it back to screening.
    expect(ok(await app.gql(EDIT, { input: { id, body: 'Counted, edited: still calm.' } }, author.token)).editPost.status).toBe('PENDING');
    expect(await counts()).toEqual([0, 0]);
    await setStatus(id, 'PUBLISHED');
    expect(await counts()).toEqual([1, 0]);

    await setStatus(id, 'REMOVED'); // a moderator's REMOVE
    expect(await counts()).toEqual([0, 0]);
    await app.dataSource.query(`UPDATE post SET hidden_by_reports = true WHERE id = $1`, [id]);
    await setStatus(id, 'PUBLISHED'); // restored, but still hidden by reports
    expect(await counts()).toEqual([0, 0]);
    await app.dataSource.query(`UPDATE post SET hidden_by_reports = false WHERE id = $1`, [id]);
    expect(await counts()).toEqual([1, 0]);

    expect(ok(await app.gql(WITHDRAW, { id }, author.token)).withdrawPost.status).toBe('REMOVED');
    expect(await counts()).toEqual([0, 0]);
  });

  it('counts threads that never were public only when they are published: HELD, NEEDS_CHANGES, REJECTED', async () => {
    const held = await started(author.token, 'Held');
    await setStatus(held, 'HELD');
    const changes = await started(author.token, 'Changes');
    await setStatus(changes, 'NEEDS_CHANGES');
    const rejected = await started(author.token, 'Rejected');
    await setStatus(rejected, 'REJECTED');
    expect(await counts()).toEqual([0, 0]);
    await setStatus(held, 'PUBLISHED'); // a moderator's APPROVE
    expect(await counts()).toEqual([1, 0]);
    await setStatus(held, 'REMOVED');
    expect(await counts()).toEqual([0, 0]);
  });

  it('follows a thread moved to another space, and threads written with their thread rows in bulk', async () => {
    const id = await started(author.token, 'Moving');
    await setStatus(id, 'PUBLISHED');
    expect(await counts()).toEqual([1, 0]);
    await owner.query(`UPDATE thread SET space_id = $2 WHERE id = $1`, [id, spaceB]);
    expect(await counts()).toEqual([0, 1]);

    // Opening posts written PUBLISHED before their thread rows, as seed-load and a restore write them.
    await insertThreads(app, { count: 4, spaceIds: [spaceA, spaceB], authorIds: [reader.accountId], prefix: 'bulk' });
    await insertThreads(app, { count: 2, spaceIds: [spaceA], authorIds: [reader.accountId], prefix: 'held', status: 'HELD' });
    expect(await counts()).toEqual([2, 3]);
  });

  it("forgets deleted threads, whichever row goes first, and an erased account's threads", async () => {
    const before = await counts();
    const [postFirst, threadFirst, hiddenGone] = await insertThreads(app, {
      count: 3,
      spaceIds: [spaceA],
      authorIds: [reader.accountId],
      prefix: 'gone',
    });
    await app.dataSource.query(`UPDATE post SET hidden_by_reports = true WHERE id = $1`, [hiddenGone]);
    expect(await counts()).toEqual([before[0] + 2, before[1]]);

    await app.dataSource.query(`DELETE FROM post WHERE id = $1`, [postFirst]); // the thread row goes by cascade
    expect(await counts()).toEqual([before[0] + 1, before[1]]);
    await owner.query(`DELETE FROM thread WHERE id = $1`, [threadFirst]); // its posts go by cascade
    expect(await counts()).toEqual(before);
    await owner.query(`DELETE FROM thread WHERE id = $1`, [hiddenGone]);
    expect(await counts()).toEqual(before);
    expect(await owner.query(`SELECT id FROM post WHERE id = ANY($1::uuid[])`, [[postFirst, threadFirst, hiddenGone]])).toMatchObject({
      rowCount: 0,
    });

    // An account erased with its posts, and one anonymized (its published posts stay).
    const leaving = await registerMember(app);
    const anonymized = await registerMember(app);
    const [gone, kept] = [await started(leaving.token, 'Leaving', spaceB), await started(anonymized.token, 'Staying', spaceB)];
    await setStatus(gone, 'PUBLISHED');
    await setStatus(kept, 'PUBLISHED');
    expect(await counts()).toEqual([before[0], before[1] + 2]);
    expect(
      ok(await app.gql(DELETE_ACCOUNT, { input: { passphrase: leaving.passphrase, mode: 'ERASE' } }, leaving.token)).deleteAccount,
    ).toBe(true);
    expect(await counts()).toEqual([before[0], before[1] + 1]);
    expect(
      ok(await app.gql(DELETE_ACCOUNT, { input: { passphrase: anonymized.passphrase, mode: 'ANONYMIZE' } }, anonymized.token))
        .deleteAccount,
    ).toBe(true);
    expect(await counts()).toEqual([before[0], before[1] + 1]);
  });

  it('lets the app read the counts but not write them', async () => {
    await expect(app.dataSource.query(`UPDATE space_thread_count SET public_threads = 99`)).rejects.toThrow(/permission denied/);
    await expect(
      app.dataSource.query(`INSERT INTO space_thread_count (space_id, public_threads) VALUES ($1, 5)`, [spaceB]),
    ).rejects.toThrow(/permission denied/);
    await expect(app.dataSource.query(`SELECT space_thread_count_add($1, 5)`, [spaceB])).rejects.toThrow(/permission denied/);
    await counts();
  });

  it('empties the counts when the tables are truncated', async () => {
    await owner.query(`TRUNCATE thread, post CASCADE`);
    expect(await counts()).toEqual([0, 0]);
    const [id] = await insertThreads(app, { count: 1, spaceIds: [spaceB], authorIds: [reader.accountId], prefix: 'after' });
    expect(id).toBeDefined();
    expect(await counts()).toEqual([0, 1]);
  });
});
