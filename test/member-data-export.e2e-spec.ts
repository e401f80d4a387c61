import { calmText, firstSpaceId, REPLY, startThread, waitForScreened } from './support/forum';
import { codeOf, ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * "Your data, yours" (issue 13): a member downloads everything Kindred holds about them as
 * one JSON document, and it holds exactly their own rows: nothing of another member's,
 * nothing of the moderators', and no secret (token, passphrase, its hash, recovery codes).
 */

const MY_DATA = `query { myData { fileName generatedAt json } }`;
const WITHDRAW = `mutation W($id: ID!) { withdrawPost(id: $id) { id status } }`;
const REACT = `mutation R($input: ReactInput!) { react(input: $input) { id } }`;
const REPORT = `mutation R($input: ReportInput!) { report(input: $input) }`;
const CLAIM = `mutation C($id: ID!) { claimCase(id: $id) { id } }`;
const RESOLVE = `mutation R($input: ResolveCaseInput!) { resolveCase(input: $input) { id decision } }`;
const SANCTION = `mutation S($input: SanctionInput!) { sanctionMember(input: $input) }`;
const EDIT = `mutation E($input: EditPostInput!) { editPost(input: $input) { id } }`;
const SCREEN_DRAFT = `query D($body: String!) { screenDraft(body: $body) { outcome } }`;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Exported {
  format: string;
  version: number;
  generatedAt: string;
  account: {
    id: string;
    pseudonym: string;
    role: string;
    sessions: { count: number; list: Array<{ createdAt: string; expiresAt: string; endedAt: string | null }> };
    recoveryCodesRemaining: number;
  };
  posts: Array<{
    id: string;
    kind: string;
    threadId: string;
    spaceId: string | null;
    title: string | null;
    body: string;
    status: string;
    withdrawnAt: string | null;
    screening: { outcome: string; categories: string[]; reasons: string[] } | null;
    moderatorDecisions: Array<{ decision: string; noteToAuthor: string | null }>;
  }>;
  reactions: Array<{ postId: string; kind: string }>;
  reports: Array<{ id: string; postId: string; reason: string; note: string | null; status: string }>;
  sanctions: Array<{ action: string; reasonAsTold: string | null }>;
  notifications: Array<{ id: string; kind: string; postId: string | null }>;
  rateLimitLogs: { draftChecks: string[]; edits: string[]; dataExports: string[] };
}

async function exportOf(app: TestApp, member: TestMember): Promise<{ fileName: string; json: string; document: Exported }> {
  const { myData } = ok(await app.gql<{ myData: { fileName: string; generatedAt: string; json: string } }>(MY_DATA, {}, member.token));
  return { fileName: myData.fileName, json: myData.json, document: JSON.parse(myData.json) as Exported };
}

/** Waits until screening has moved the post (a thread or a reply) out of PENDING. */
async function settled(app: TestApp, postId: string): Promise<string> {
  return waitFor(async () => {
    const [row] = (await app.dataSource.query(`SELECT status FROM post WHERE id = $1`, [postId])) as Array<{ status: string }>;
    return row && row.status !== 'PENDING' ? row.status : null;
  }, 20_000);
}

async function reply(app: TestApp, member: TestMember, threadId: string, body: string): Promise<string> {
  const { reply: created } = ok(await app.gql<{ reply: { id: string } }>(REPLY, { input: { threadId, body } }, member.token));
  expect(await settled(app, created.id)).toBe('PUBLISHED');
  return created.id;
}

describe('the member data export (myData)', () => {
  let app: TestApp;
  let ana: TestMember;
  let bo: TestMember;
  let mod: TestMember;
  let spaceId: string;
  const ids = {} as Record<'anaPublished' | 'anaHeld' | 'anaWithdrawn' | 'anaReply' | 'boThread' | 'boReply', string>;
  const ANA_HELD = 'hmu for subs, my plug has percs, dm me';
  const BO_THREAD = calmText('bo-thread-words');
  const BO_REPLY = 'Bo here: proud of you, bo-reply-words.';
  const NOTE_TO_ANA = 'Please leave out where to buy; the rest of your story is welcome.';
  const INTERNAL = 'internal: mod-eyes-only';

  beforeAll(async () => {
    app = await startTestApp({ env: { POST_RATE_LIMIT: '1000', DATA_EXPORT_RATE_LIMIT: '4' } });
    spaceId = await firstSpaceId(app);
    [ana, bo, mod] = [await registerMember(app), await registerMember(app), await registerMember(app)];
    await setRole(app, mod.accountId, 'MODERATOR');

    ids.anaPublished = (await startThread(app, ana.token, calmText('ana-published-words'), 'Ana, day 30')).id;
    ids.anaHeld = (await startThread(app, ana.token, ANA_HELD, 'Ana asks')).id;
    ids.anaWithdrawn = (await startThread(app, ana.token, calmText('ana-withdrawn-words'), 'Ana, second thoughts')).id;
    ids.boThread = (await startThread(app, bo.token, BO_THREAD, 'Bo, a good week')).id;
    expect(await waitForScreened(app, ana.token, ids.anaPublished)).toBe('PUBLISHED');
    expect(await waitForScreened(app, ana.token, ids.anaHeld)).toBe('HELD');
    expect(await waitForScreened(app, ana.token, ids.anaWithdrawn)).toBe('PUBLISHED');
    expect(await waitForScreened(app, bo.token, ids.boThread)).toBe('PUBLISHED');
    ok(await app.gql(WITHDRAW, { id: ids.anaWithdrawn }, ana.token));
    ok(await app.gql(SCREEN_DRAFT, { body: 'Thinking about what to write next.' }, ana.token));
    ok(await app.gql(EDIT, { input: { id: ids.anaPublished, body: calmText('ana-published-words, edited') } }, ana.token));
    expect(await settled(app, ids.anaPublished)).toBe('PUBLISHED');

    ids.anaReply = await reply(app, ana, ids.boThread, 'Ana here: this helped me today, ana-reply-words.');
    ids.boReply = await reply(app, bo, ids.anaPublished, BO_REPLY);

    ok(await app.gql(REACT, { input: { postId: ids.boThread, kind: 'RELATE' } }, ana.token));
    ok(await app.gql(REACT, { input: { postId: ids.anaPublished, kind: 'SUPPORT' } }, bo.token));
    ok(await app.gql(REPORT, { input: { postId: ids.boReply, reason: 'SPAM', note: 'ana-report-note' } }, ana.token));
    ok(await app.gql(REPORT, { input: { postId: ids.anaPublished, reason: 'OTHER', note: 'bo-report-note' } }, bo.token));

    const [held] = (await app.dataSource.query(`SELECT id FROM moderation_case WHERE post_id = $1`, [ids.anaHeld])) as Array<{
      id: string;
    }>;
    ok(await app.gql(CLAIM, { id: held.id }, mod.token));
    ok(
      await app.gql(
        RESOLVE,
        { input: { caseId: held.id, decision: 'REQUEST_CHANGES', noteToAuthor: NOTE_TO_ANA, internalNote: INTERNAL } },
        mod.token,
      ),
    );
    ok(await app.gql(SANCTION, { input: { memberId: ana.accountId, sanction: 'WARN', reason: 'Be gentle with others.' } }, mod.token));
    ok(await app.gql(SANCTION, { input: { memberId: bo.accountId, sanction: 'WARN', reason: 'bo-warning-words' } }, mod.token));
  }, 180_000);
  afterAll(() => app?.close());

  it('refuses a visitor who is not signed in', async () => {
    expect(codeOf(await app.gql(MY_DATA))).toBe('UNAUTHENTICATED');
  });

  it("holds exactly Ana's rows: every post in every state, her reaction, her report, her sanction, her notifications", async () => {
    const { fileName, document } = await exportOf(app, ana);
    expect(fileName).toMatch(/^kindred-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(document).toMatchObject({ format: 'kindred-member-data', version: 2 });
    expect(document.account).toMatchObject({ id: ana.accountId, pseudonym: ana.pseudonym, role: 'MEMBER', recoveryCodesRemaining: 10 });

    const byId = new Map(document.posts.map((post) => [post.id, post]));
    expect([...byId.keys()].sort()).toEqual([ids.anaPublished, ids.anaHeld, ids.anaWithdrawn, ids.anaReply].sort());
    expect(byId.get(ids.anaPublished)).toMatchObject({
      kind: 'THREAD',
      status: 'PUBLISHED',
      spaceId,
      title: 'Ana, day 30',
      body: calmText('ana-published-words, edited'),
    });
    expect(byId.get(ids.anaWithdrawn)).toMatchObject({ status: 'REMOVED', withdrawnAt: expect.any(String) });
    expect(byId.get(ids.anaReply)).toMatchObject({ kind: 'REPLY', status: 'PUBLISHED', threadId: ids.boThread, spaceId });
    const held = byId.get(ids.anaHeld);
    expect(held).toMatchObject({ status: 'NEEDS_CHANGES', body: ANA_HELD });
    expect(held?.screening).toMatchObject({ outcome: 'HOLD', categories: expect.arrayContaining(['DRUG_SOURCING']) });
    expect(held?.moderatorDecisions).toEqual([expect.objectContaining({ decision: 'REQUEST_CHANGES', noteToAuthor: NOTE_TO_ANA })]);

    expect(document.reactions).toEqual([expect.objectContaining({ postId: ids.boThread, kind: 'RELATE' })]);
    const [report] = (await app.dataSource.query(`SELECT id FROM report WHERE reporter_id = $1`, [ana.accountId])) as Array<{ id: string }>;
    expect(document.reports).toEqual([
      expect.objectContaining({ id: report.id, postId: ids.boReply, reason: 'SPAM', note: 'ana-report-note', status: 'AWAITING_REVIEW' }),
    ]);
    expect(document.sanctions).toEqual([expect.objectContaining({ action: 'WARN', reasonAsTold: 'Be gentle with others.' })]);

    const notifications = (await app.dataSource.query(`SELECT id FROM notification WHERE account_id = $1`, [ana.accountId])) as Array<{
      id: string;
    }>;
    expect(document.notifications.map((n) => n.id).sort()).toEqual(notifications.map((n) => n.id).sort());
    expect(document.notifications.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['NEW_REPLY', 'CHANGES_REQUESTED', 'MODERATOR_WARNING']),
    );

    const sessions = (await app.dataSource.query(`SELECT count(*)::int AS count FROM session WHERE account_id = $1`, [
      ana.accountId,
    ])) as Array<{
      count: number;
    }>;
    expect(document.account.sessions.count).toBe(sessions[0].count);
    expect(document.rateLimitLogs.draftChecks).toHaveLength(1);
    expect(document.rateLimitLogs.edits).toHaveLength(1);
    expect(document.rateLimitLogs.dataExports.length).toBeGreaterThanOrEqual(1);
  });

  it("names no id but Ana's own and those her rows point at (a thread she replied in, a post she reacted to or reported, a reply she was told of)", async () => {
    const { json } = await exportOf(app, ana);
    const notifications = (await app.dataSource.query(`SELECT id FROM notification WHERE account_id = $1`, [ana.accountId])) as Array<{
      id: string;
    }>;
    const [report] = (await app.dataSource.query(`SELECT id FROM report WHERE reporter_id = $1`, [ana.accountId])) as Array<{ id: string }>;
    const expected = new Set([
      ana.accountId,
      ids.anaPublished,
      ids.anaHeld,
      ids.anaWithdrawn,
      ids.anaReply,
      spaceId,
      report.id,
      ...notifications.map((n) => n.id),
      ids.boThread, // replied in and reacted to
      ids.boReply, // reported, and told of in a notification
    ]);
    expect(new Set(json.match(UUID))).toEqual(expected);
  });

  it("holds nothing of Bo's or the moderators', and no secret", async () => {
    const { json } = await exportOf(app, ana);
    for (const foreign of [
      bo.accountId,
      bo.pseudonym,
      mod.accountId,
      mod.pseudonym,
      BO_THREAD,
      BO_REPLY,
      'bo-report-note',
      'bo-warning-words',
      INTERNAL,
    ]) {
      expect(json).not.toContain(foreign);
    }
    const [account] = (await app.dataSource.query(`SELECT passphrase_hash FROM account WHERE id = $1`, [ana.accountId])) as Array<{
      passphrase_hash: string;
    }>;
    const sessions = (await app.dataSource.query(`SELECT token_hash FROM session WHERE account_id = $1`, [ana.accountId])) as Array<{
      token_hash: string;
    }>;
    const codes = (await app.dataSource.query(`SELECT code_hash FROM recovery_code WHERE account_id = $1`, [ana.accountId])) as Array<{
      code_hash: string;
    }>;
    const secrets = [
      ana.token,
      ana.passphrase,
      account.passphrase_hash,
      ...ana.recoveryCodes,
      ...sessions.map((s) => s.token_hash),
      ...codes.map((c) => c.code_hash),
    ];
    for (const secret of secrets) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/hash|token/i);
  });

  it("gives Bo his own and none of Ana's", async () => {
    const { json, document } = await exportOf(app, bo);
    expect(document.posts.map((post) => post.id).sort()).toEqual([ids.boThread, ids.boReply].sort());
    expect(document.rateLimitLogs).toMatchObject({ draftChecks: [], edits: [] });
    expect(document.reports).toEqual([expect.objectContaining({ postId: ids.anaPublished, note: 'bo-report-note' })]);
    for (const foreign of [ana.accountId, ana.pseudonym, ANA_HELD, 'ana-report-note', NOTE_TO_ANA, 'Be gentle with others.']) {
      expect(json).not.toContain(foreign);
    }
  });

  it('refuses a member past the export limit with RATE_LIMITED and the wait', async () => {
    // Ana has exported three times above; the limit here is four an hour.
    ok(await app.gql(MY_DATA, {}, ana.token));
    const refused = await app.gql(MY_DATA, {}, ana.token);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toEqual(expect.any(Number));
  });

  it('lets an operation ask for the export once only', async () => {
    expect(codeOf(await app.gql(`query { a: myData { fileName } b: myData { fileName } }`, {}, bo.token))).toBe('BAD_USER_INPUT');
  });
});
