import { firstSpaceIdInDb, insertThread } from './support/forum';
import { ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Hiding a post by reports needs reporters with standing: days active, published posts and
 * a clean record, not just an account old enough. Sockpuppets, however old, reach the
 * moderators but cannot hide anything.
 */

const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
const SANCTION = `mutation S($input: SanctionInput!) { sanctionMember(input: $input) }`;
const LIFT = `mutation L($input: LiftSanctionInput!) { liftSanction(input: $input) }`;
const CASE_OF_POST = `query Q { moderationQueue(first: 50) { edges { node { reportCount post { id } } } } }`;
const ME = `query { me { id } }`;

describe('report standing', () => {
  let app: TestApp;
  let space: string;
  let moderator: TestMember;
  let admin: TestMember;

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        WORKERS: 'off',
        REPORT_HIDE_THRESHOLD: '3',
        REPORT_MIN_ACCOUNT_AGE_HOURS: '24',
        REPORT_TRUST_MIN_DAYS_ACTIVE: '3',
        REPORT_TRUST_MIN_PUBLISHED_POSTS: '3',
        REPORT_TRUST_WARN_COOLDOWN_DAYS: '90',
      },
    });
    space = await firstSpaceIdInDb(app);
    [moderator, admin] = [await registerMember(app), await registerMember(app)];
    await setRole(app, moderator.accountId, 'MODERATOR');
    await setRole(app, admin.accountId, 'ADMIN');
  });
  afterAll(() => app?.close());

  async function daysActive(member: TestMember): Promise<number> {
    const [row]: Array<{ days_active: number }> = await app.dataSource.query('SELECT days_active FROM account WHERE id = $1', [
      member.accountId,
    ]);
    return row.days_active;
  }

  /** A day passes for this member: their last active day becomes yesterday. */
  async function nextDay(member: TestMember): Promise<void> {
    await app.dataSource.query(
      `UPDATE account SET last_active_on = last_active_on - 1, created_at = created_at - interval '1 day' WHERE id = $1`,
      [member.accountId],
    );
  }

  /** An account that came back on `days` days (signed-in requests) and published `posts` posts. */
  async function regular(days: number, posts: number): Promise<TestMember> {
    const member = await registerMember(app);
    await app.dataSource.query(`UPDATE account SET created_at = now() - interval '60 days' WHERE id = $1`, [member.accountId]);
    for (let day = 0; day < days; day += 1) {
      if (day > 0) await nextDay(member);
      ok(await app.gql(ME, {}, member.token));
    }
    for (let n = 0; n < posts; n += 1) await insertThread(app, space, member.accountId, { status: 'PUBLISHED' });
    return member;
  }

  async function hidden(postId: string): Promise<boolean> {
    const [row]: Array<{ hidden_by_reports: boolean }> = await app.dataSource.query('SELECT hidden_by_reports FROM post WHERE id = $1', [
      postId,
    ]);
    return row.hidden_by_reports;
  }

  async function reportCount(postId: string): Promise<number> {
    const queue = ok(
      await app.gql<{ moderationQueue: { edges: Array<{ node: { reportCount: number; post: { id: string } } }> } }>(
        CASE_OF_POST,
        {},
        moderator.token,
      ),
    );
    return queue.moderationQueue.edges.find((edge) => edge.node.post.id === postId)?.node.reportCount ?? 0;
  }

  it('counts a day active once per day, however many requests, and never stores a time', async () => {
    const member = await registerMember(app);
    ok(await app.gql(ME, {}, member.token));
    ok(await app.gql(ME, {}, member.token));
    expect(await daysActive(member)).toBe(1);
    await nextDay(member);
    ok(await app.gql(ME, {}, member.token));
    ok(await app.gql(ME, {}, member.token));
    expect(await daysActive(member)).toBe(2);
    const [column]: Array<{ data_type: string }> = await app.dataSource.query(
      `SELECT data_type FROM information_schema.columns WHERE table_name = 'account' AND column_name = 'last_active_on'`,
    );
    expect(column.data_type).toBe('date');
  });

  it('lets three aged sockpuppets report a post into the queue but not hide it; three regulars hide it', async () => {
    const author = await regular(5, 3);
    const postId = await insertThread(app, space, author.accountId, { status: 'PUBLISHED' });

    // Accounts months old that signed in once and never posted: the classic sockpuppet.
    const puppets = [await regular(1, 0), await regular(1, 0), await regular(1, 0)];
    for (const puppet of puppets) ok(await app.gql(REPORT, { input: { postId, reason: 'HARASSMENT' } }, puppet.token));
    expect(await hidden(postId)).toBe(false);
    expect(await reportCount(postId)).toBe(3);

    // Active on enough days but never posted, or posted but came back on too few days.
    ok(await app.gql(REPORT, { input: { postId, reason: 'HARASSMENT' } }, (await regular(5, 0)).token));
    ok(await app.gql(REPORT, { input: { postId, reason: 'HARASSMENT' } }, (await regular(2, 5)).token));
    expect(await hidden(postId)).toBe(false);

    const regulars = [await regular(3, 3), await regular(4, 3)];
    for (const member of regulars) ok(await app.gql(REPORT, { input: { postId, reason: 'HARASSMENT' } }, member.token));
    expect(await hidden(postId)).toBe(false);
    ok(await app.gql(REPORT, { input: { postId, reason: 'HARASSMENT' } }, (await regular(3, 4)).token));
    expect(await hidden(postId)).toBe(true);
    expect(await reportCount(postId)).toBe(8);
    // Eleven members registered one by one: generous on a loaded machine, nothing is timed.
  }, 180_000);

  it('does not count a recently warned member, nor one ever suspended (even lifted)', async () => {
    const author = await regular(5, 3);
    const postId = await insertThread(app, space, author.accountId, { status: 'PUBLISHED' });
    const [warned, suspended, good1, good2] = [await regular(5, 5), await regular(5, 5), await regular(5, 5), await regular(5, 5)];
    ok(await app.gql(SANCTION, { input: { memberId: warned.accountId, sanction: 'WARN', reason: 'Piling on.' } }, moderator.token));
    ok(
      await app.gql(
        SANCTION,
        { input: { memberId: suspended.accountId, sanction: 'SUSPEND', days: 1, reason: 'Piling on.' } },
        moderator.token,
      ),
    );
    ok(await app.gql(LIFT, { input: { memberId: suspended.accountId, reason: 'Served.' } }, admin.token));

    for (const member of [warned, suspended, good1]) ok(await app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, member.token));
    ok(await app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, good2.token));
    expect(await hidden(postId)).toBe(false);
    expect(await reportCount(postId)).toBe(4);

    ok(await app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, (await regular(5, 5)).token));
    expect(await hidden(postId)).toBe(true);
  }, 180_000);
});
