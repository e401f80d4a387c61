import { firstSpaceIdInDb, insertThread } from './support/forum';
import { ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Reporter feedback over GraphQL on the real database: a member who reported a post is told,
 * once and in plain words, whether it was acted on, reviewed and left up, or gone before a
 * decision, and never who wrote it, what the moderator told its author, or any sanction.
 * Account.myReports lists their reports with the same plain status.
 */

const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id } }`;
const RESOLVE = `mutation Resolve($input: ResolveCaseInput!) { resolveCase(input: $input) { id decision } }`;
const WITHDRAW = `mutation W($id: ID!) { withdrawPost(id: $id) { id status } }`;
const NOTIFICATIONS = `query { me { notifications(first: 50) { edges { node { kind message reportStatus post { id body } } } } } }`;
const MY_REPORTS = `query { me { id myReports { id reason note status statusMessage answeredAt post { id body } } } }`;

interface Notice {
  kind: string;
  message: string;
  reportStatus: string | null;
  post: { id: string; body: string } | null;
}

describe('reporters hear what became of their reports', () => {
  let app: TestApp;
  let space: string;
  let moderator: TestMember;
  let author: TestMember;

  beforeAll(async () => {
    app = await startTestApp();
    space = await firstSpaceIdInDb(app);
    [moderator, author] = await Promise.all([registerMember(app), registerMember(app)]);
    await setRole(app, moderator.accountId, 'MODERATOR');
  });
  afterAll(() => app?.close());

  async function notices(member: TestMember): Promise<Notice[]> {
    const data = ok(await app.gql<{ me: { notifications: { edges: Array<{ node: Notice }> } } }>(NOTIFICATIONS, {}, member.token));
    return data.me.notifications.edges.map((edge) => edge.node);
  }

  async function answers(member: TestMember): Promise<Notice[]> {
    return (await notices(member)).filter((notice) => notice.kind === 'REPORT_ANSWERED');
  }

  async function report(member: TestMember, postId: string, reason = 'HARASSMENT', note: string | null = null): Promise<void> {
    ok(await app.gql(REPORT, { input: { postId, reason, note } }, member.token));
  }

  async function decide(postId: string, decision: string, noteToAuthor?: string): Promise<void> {
    const [{ id }] = (await app.dataSource.query(`SELECT id FROM moderation_case WHERE post_id = $1 AND status <> 'RESOLVED'`, [
      postId,
    ])) as Array<{ id: string }>;
    ok(await app.gql(CLAIM, { id }, moderator.token));
    ok(await app.gql(RESOLVE, { input: { caseId: id, decision, noteToAuthor } }, moderator.token));
  }

  async function myReports(member: TestMember) {
    const data = ok(
      await app.gql<{
        me: {
          myReports: Array<{
            id: string;
            status: string;
            statusMessage: string;
            note: string | null;
            post: { id: string; body: string } | null;
          }>;
        };
      }>(MY_REPORTS, {}, member.token),
    );
    return data.me.myReports;
  }

  it('tells each reporter once that a taken-down post was acted on, without the author, the note or the post’s words', async () => {
    const body = 'Words that two members found hurtful.';
    const postId = await insertThread(app, space, author.accountId, { body });
    const [first, second] = await Promise.all([registerMember(app), registerMember(app)]);
    await report(first, postId, 'HARASSMENT', 'This felt aimed at me.');
    await report(second, postId, 'OTHER');

    // Before a decision: submitted, nothing answered yet.
    expect(await answers(first)).toEqual([]);
    expect(await myReports(first)).toEqual([
      expect.objectContaining({ status: 'SUBMITTED', note: 'This felt aimed at me.', post: { id: postId, body } }),
    ]);

    await decide(postId, 'REMOVE', 'Please keep it kind; a first warning.');

    for (const reporter of [first, second]) {
      const told = await answers(reporter);
      expect(told).toHaveLength(1);
      expect(told[0].message).toMatch(/reviewed a post you reported and acted on it/);
      expect(told[0].reportStatus).toBe('ACTED_ON');
      expect(told[0].message).not.toContain(author.pseudonym);
      expect(told[0].message).not.toMatch(/kind|warning|REMOVE/);
      // The link to the post leads nowhere now: the reporter does not see its words again.
      expect(told[0].post).toBeNull();
    }
    const [listed] = await myReports(first);
    expect(listed).toMatchObject({ status: 'ACTED_ON', statusMessage: expect.stringMatching(/acted on/), post: null });
    // The author hears their own news, never a reporter's.
    expect((await notices(author)).map((notice) => notice.kind)).toContain('POST_REMOVED');
    expect(await answers(author)).toEqual([]);
  });

  it('tells a reporter a post kept up was reviewed and left up, and it stays readable in their list', async () => {
    const postId = await insertThread(app, space, author.accountId, { body: 'A hard day, told honestly.' });
    const reporter = await registerMember(app);
    await report(reporter, postId, 'OTHER');
    await decide(postId, 'APPROVE');

    const told = await answers(reporter);
    expect(told).toEqual([
      expect.objectContaining({
        reportStatus: 'LEFT_UP',
        message: expect.stringMatching(/reviewed a post you reported and decided to leave it up/),
      }),
    ]);
    expect(told[0].post).toEqual({ id: postId, body: 'A hard day, told honestly.' });
    expect(await myReports(reporter)).toEqual([
      expect.objectContaining({ status: 'LEFT_UP', post: { id: postId, body: 'A hard day, told honestly.' } }),
    ]);
  });

  it('tells a reporter plainly when the post left before a decision, without saying who took it down', async () => {
    const postId = await insertThread(app, space, author.accountId);
    const reporter = await registerMember(app);
    await report(reporter, postId, 'SPAM');
    ok(await app.gql(WITHDRAW, { id: postId }, author.token));

    const told = await answers(reporter);
    expect(told).toEqual([expect.objectContaining({ reportStatus: 'POST_GONE', message: expect.stringMatching(/no longer on Kindred/) })]);
    expect(told[0].message).not.toMatch(/author|withdr/i);
    expect(await myReports(reporter)).toEqual([expect.objectContaining({ status: 'POST_GONE', post: null })]);
  });

  it('lists newest first, and each member sees only their own reports', async () => {
    const reporter = await registerMember(app);
    const older = await insertThread(app, space, author.accountId);
    const newer = await insertThread(app, space, author.accountId);
    await report(reporter, older, 'OTHER');
    await report(reporter, newer, 'SPAM');
    expect((await myReports(reporter)).map((row) => row.post?.id)).toEqual([newer, older]);

    const stranger = await registerMember(app);
    expect(await myReports(stranger)).toEqual([]);
    expect(ok(await app.gql(MY_REPORTS, {})).me).toBeNull();
  });
});
