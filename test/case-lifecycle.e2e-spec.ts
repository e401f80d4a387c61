import { registerMember, setRole, TestMember } from './support/members';
import { firstSpaceId, firstSpaceIdInDb, insertThread, startThread, waitForScreened } from './support/forum';
import { codeOf } from './support/gql';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * How a post's moderation case follows what the author does and what screening says, and
 * what other members can and cannot learn about it.
 */
const EDIT = `mutation Edit($input: EditPostInput!) { editPost(input: $input) { id status } }`;
const WITHDRAW = `mutation W($id: ID!) { withdrawPost(id: $id) { id status } }`;
const MINE = `query T($id: ID!) { thread(id: $id) { status screening { outcome reasons crisisResources { name } } } }`;
const DRAFT = `query D($body: String!) { screenDraft(body: $body) { outcome reasons crisisResources { name } } }`;
const REPORT = `mutation R($input: ReportInput!) { report(input: $input) }`;

interface CaseRow {
  id: string;
  status: string;
  decision: string | null;
}

async function casesOf(app: TestApp, postId: string): Promise<CaseRow[]> {
  return app.dataSource.query('SELECT id, status, decision FROM moderation_case WHERE post_id = $1 ORDER BY created_at', [postId]);
}

describe('moderation cases follow the post', () => {
  let app: TestApp;
  let author: TestMember;

  beforeAll(async () => {
    app = await startTestApp({ env: { POST_RATE_LIMIT: '1000' } });
    author = await registerMember(app);
  });
  afterAll(() => app.close());

  it('refuses text with a NUL character as BAD_USER_INPUT, not as a server error', async () => {
    const response = await app.gql(
      `mutation S($input: StartThreadInput!) { startThread(input: $input) { id } }`,
      { input: { spaceId: await firstSpaceId(app), title: 'nul\u0000title', body: 'hello\u0000world' } },
      author.token,
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('NUL');
  });

  it('closes the open case when the author withdraws a held post', async () => {
    const thread = await startThread(app, author.token, 'hmu for subs, my plug has percs, dm me', 'Selling');
    expect(await waitForScreened(app, author.token, thread.id)).toBe('HELD');
    expect((await casesOf(app, thread.id))[0].status).toBe('OPEN');

    expect((await app.gql<{ withdrawPost: { status: string } }>(WITHDRAW, { id: thread.id }, author.token)).data?.withdrawPost.status).toBe(
      'REMOVED',
    );
    expect(await casesOf(app, thread.id)).toEqual([expect.objectContaining({ status: 'RESOLVED', decision: null })]);
    const [audit] = await app.dataSource.query(`SELECT note FROM moderation_action WHERE post_id = $1 AND action = 'CASE_CLOSED'`, [
      thread.id,
    ]);
    expect(audit.note).toContain('withdrew');
  });

  it('drops findings about old words, and closes the case, when an edit passes screening', async () => {
    const thread = await startThread(app, author.token, 'help my boyfriend is turning blue and not breathing', 'Help');
    expect(await waitForScreened(app, author.token, thread.id)).toBe('HELD');
    const [held] = await casesOf(app, thread.id);
    expect(held.status).toBe('OPEN');

    await app.gql(
      EDIT,
      { input: { id: thread.id, body: 'He is okay now, the ambulance came. Thank you all for being here.' } },
      author.token,
    );
    expect(await waitForScreened(app, author.token, thread.id)).toBe('PUBLISHED');
    expect(await casesOf(app, thread.id)).toEqual([expect.objectContaining({ id: held.id, status: 'RESOLVED' })]);
    expect(await app.dataSource.query('SELECT * FROM case_reason WHERE case_id = $1', [held.id])).toEqual([]);
  });

  it('replaces, not piles up, the findings when an edit is held again', async () => {
    const thread = await startThread(app, author.token, 'text me anytime: 614-555-0192', 'Call me');
    expect(await waitForScreened(app, author.token, thread.id)).toBe('HELD');
    await app.gql(EDIT, { input: { id: thread.id, body: 'text me anytime: 614-555-0193' } }, author.token);
    await waitFor(
      async () =>
        (
          await app.dataSource.query(
            `SELECT 1 FROM case_reason r JOIN moderation_case c ON c.id = r.case_id WHERE c.post_id = $1 AND r.revision = 2`,
            [thread.id],
          )
        ).length > 0,
    );
    const revisions: Array<{ revision: number }> = await app.dataSource.query(
      `SELECT r.revision FROM case_reason r JOIN moderation_case c ON c.id = r.case_id WHERE c.post_id = $1`,
      [thread.id],
    );
    expect(new Set(revisions.map((row) => row.revision))).toEqual(new Set([2]));
  });

  it('rejects certain spam without a queue case, telling the author plainly, and keeps it in the audit log', async () => {
    const spam = 'Visit my shop for great deals on recovery books today, link in my profile';
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await startThread(app, author.token, spam, `Deals ${i}`)).id);
    const last = ids[2];
    const status = await waitForScreened(app, author.token, last);
    expect(status).toBe('REJECTED');
    const mine = await app.gql<{ thread: { screening: { outcome: string; reasons: string[] } } }>(MINE, { id: last }, author.token);
    expect(mine.data?.thread.screening.outcome).toBe('REJECT');
    expect(mine.data?.thread.screening.reasons.join(' ')).not.toContain('moderator');
    expect(await casesOf(app, last)).toEqual([]);
    const [audit] = await app.dataSource.query(`SELECT note FROM moderation_action WHERE post_id = $1 AND action = 'SCREENED_REJECT'`, [
      last,
    ]);
    expect(audit.note).toContain('SPAM');
  });

  it('shows each crisis the resources docs/policy.md lists for it', async () => {
    const selfHarm = await startThread(
      app,
      author.token,
      "I can't do this anymore. Tonight I'm going to take every pill I have saved up.",
      'Tonight',
    );
    const overdose = await startThread(
      app,
      author.token,
      'HELP my roommate is passed out, lips blue, not breathing right after using',
      'Help now',
    );
    expect(await waitForScreened(app, author.token, selfHarm.id)).toBe('HELD');
    expect(await waitForScreened(app, author.token, overdose.id)).toBe('HELD');
    const names = async (id: string) =>
      (
        await app.gql<{ thread: { screening: { crisisResources: Array<{ name: string }> } } }>(MINE, { id }, author.token)
      ).data?.thread.screening.crisisResources.map((resource) => resource.name);
    expect(await names(selfHarm.id)).toEqual(expect.arrayContaining(['988 Suicide & Crisis Lifeline', 'Crisis Text Line']));
    expect(await names(selfHarm.id)).not.toContain('Never Use Alone');
    expect(await names(overdose.id)).toEqual(expect.arrayContaining(['Emergency services', 'Naloxone steps', 'Never Use Alone']));
    expect(await names(overdose.id)).not.toContain('Crisis Text Line');
  });

  it('words a draft check as a draft: nothing is live yet', async () => {
    const draft = await app.gql<{ screenDraft: { outcome: string; reasons: string[] } }>(
      DRAFT,
      { body: "I'm an addict and 90 days clean" },
      author.token,
    );
    expect(draft.data?.screenDraft.outcome).toBe('PUBLISH_WITH_SUGGESTIONS');
    expect(draft.data?.screenDraft.reasons.join(' ')).not.toMatch(/is live/);
  });
});

describe('what other members can learn about a held thread', () => {
  let app: TestApp;
  let author: TestMember;
  let replier: TestMember;

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
    author = await registerMember(app);
    replier = await registerMember(app);
  });
  afterAll(() => app.close());

  it('shows a reply author only a placeholder for the thread: no status, counts or dates', async () => {
    const space = await firstSpaceIdInDb(app);
    const threadId = await insertThread(app, space, author.accountId, { status: 'PUBLISHED', title: 'Original', body: 'Original words' });
    await app.dataSource.query(
      `INSERT INTO post (kind, thread_id, author_id, body, status, published_at) VALUES ('REPLY', $1, $2, 'My reply', 'PUBLISHED', now())`,
      [threadId, replier.accountId],
    );
    await app.dataSource.query(`INSERT INTO reaction (post_id, account_id, kind) VALUES ($1, $2, 'SUPPORT')`, [threadId, author.accountId]);
    await app.dataSource.query(`UPDATE post SET status = 'HELD', edited_at = now() WHERE id = $1`, [threadId]);

    const response = await app.gql<{ me: { posts: { edges: Array<{ node: { thread: Record<string, unknown> } }> } } }>(
      `{ me { posts(first: 5) { edges { node { ... on Reply { thread { id title body status editedAt publishedAt replyCount reactions { count } } } } } } } }`,
      {},
      replier.token,
    );
    const thread = response.data?.me.posts.edges[0].node.thread;
    expect(thread).toMatchObject({
      id: threadId,
      title: 'This thread is no longer available',
      body: '',
      editedAt: null,
      publishedAt: null,
      replyCount: 0,
    });
    expect(thread?.status).not.toBe('HELD');
    expect((thread?.reactions as Array<{ count: number }>).every((reaction) => reaction.count === 0)).toBe(true);
  });
});

describe('reports from brand-new accounts', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', REPORT_HIDE_THRESHOLD: '2', REPORT_MIN_ACCOUNT_AGE_HOURS: '24' } });
  });
  afterAll(() => app.close());

  it('join the case but do not hide the post until established members report it', async () => {
    const author = await registerMember(app);
    const moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    const postId = await insertThread(app, await firstSpaceIdInDb(app), author.accountId, { status: 'PUBLISHED' });
    const fresh = [await registerMember(app), await registerMember(app)];
    for (const member of fresh) expect((await app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, member.token)).errors).toBeUndefined();

    const [{ hidden_by_reports: hiddenByFresh }] = await app.dataSource.query('SELECT hidden_by_reports FROM post WHERE id = $1', [postId]);
    expect(hiddenByFresh).toBe(false);
    const [{ reports }] = await app.dataSource.query(`SELECT count(*)::int AS reports FROM report WHERE post_id = $1`, [postId]);
    expect(reports).toBe(2);

    const established = [await registerMember(app), await registerMember(app)];
    await app.dataSource.query(`UPDATE account SET created_at = now() - interval '30 days' WHERE id = ANY($1::uuid[])`, [
      established.map((member) => member.accountId),
    ]);
    for (const member of established) await app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, member.token);
    const [{ hidden_by_reports: hidden }] = await app.dataSource.query('SELECT hidden_by_reports FROM post WHERE id = $1', [postId]);
    expect(hidden).toBe(true);
  });
});
