import { randomUUID } from 'node:crypto';
import { firstSpaceIdInDb, insertThread } from './support/forum';
import { codeOf } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { queueBackends, startTestApp, TestApp } from './support/test-app';

/**
 * What moderators do to members and threads, end to end: warnings, suspensions and bans
 * (and their effect on sessions already open), lifting them, roles, locked threads, and
 * the draft check members may run before posting.
 */

const backends = queueBackends();

const SANCTION = `mutation S($input: SanctionInput!) { sanctionMember(input: $input) }`;
const LIFT = `mutation L($input: LiftSanctionInput!) { liftSanction(input: $input) }`;
const ME = `query { me { id suspendedUntil } }`;
const START = `mutation Start($input: StartThreadInput!) { startThread(input: $input) { id status } }`;
const REPLY = `mutation Reply($input: ReplyInput!) { reply(input: $input) { id status } }`;
const REACT = `mutation React($input: ReactInput!) { react(input: $input) { id } }`;
const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }`;
const LOCK = `mutation Lock($id: ID!, $locked: Boolean!) { setThreadLocked(id: $id, locked: $locked) { id locked } }`;
const SET_ROLE = `mutation R($id: ID!, $role: Role!) { setRole(memberId: $id, role: $role) { id role pseudonym } }`;
const QUEUE = `query { moderationQueue { edges { node { id } } } }`;
const NOTIFICATIONS = `query { me { notifications(first: 50) { edges { node { kind message } } } } }`;
const DRAFT = `query Draft($body: String!) { screenDraft(body: $body) { outcome categories reasons suggestions { term suggestion start end } crisisResources { name contact } } }`;

describe.each(backends)('moderating members and threads on the %s queue backend', (backend) => {
  let app: TestApp;
  let space: string;
  let moderator: TestMember;
  let admin: TestMember;

  async function member(role?: 'MODERATOR' | 'ADMIN' | 'PEER_SUPPORTER'): Promise<TestMember> {
    const m = await registerMember(app);
    if (role) await setRole(app, m.accountId, role);
    return m;
  }

  function publishedThread(authorId: string): Promise<string> {
    return insertThread(app, space, authorId, { title: 'Checking in', body: 'Day 30 today.' });
  }

  async function kinds(m: TestMember): Promise<Array<{ kind: string; message: string }>> {
    const response = await app.gql(NOTIFICATIONS, {}, m.token);
    return response.data.me.notifications.edges.map((edge: { node: { kind: string; message: string } }) => edge.node);
  }

  beforeAll(async () => {
    app = await startTestApp({ queue: backend });
    space = await firstSpaceIdInDb(app);
    [moderator, admin] = await Promise.all([member('MODERATOR'), member('ADMIN')]);
  });
  afterAll(() => app?.close());

  describe('sanctions', () => {
    it('WARN tells the member and is audited', async () => {
      const target = await member();
      const response = await app.gql(
        SANCTION,
        { input: { memberId: target.accountId, sanction: 'WARN', reason: 'Please keep the sourcing talk out.' } },
        moderator.token,
      );
      expect(response).toEqual({ data: { sanctionMember: true } });
      expect(await kinds(target)).toContainEqual({ kind: 'MODERATOR_WARNING', message: expect.stringContaining('sourcing talk') });
      const audit: Array<{ moderator_id: string; note: string }> = await app.dataSource.query(
        `SELECT moderator_id, note FROM moderation_action WHERE action = 'WARN' AND subject_id = $1`,
        [target.accountId],
      );
      expect(audit).toEqual([{ moderator_id: moderator.accountId, note: 'Please keep the sourcing talk out.' }]);
    });

    it('SUSPEND stops posting, replying, reacting and reporting on the sessions already open; reading and signing in still work; an admin lifts it', async () => {
      const target = await member();
      const other = await member();
      const threadId = await publishedThread(other.accountId);
      const before = Date.now();
      const response = await app.gql(
        SANCTION,
        { input: { memberId: target.accountId, sanction: 'SUSPEND', days: 3, reason: 'Cooling off after harassment.' } },
        moderator.token,
      );
      expect(response.errors).toBeUndefined();

      const me = await app.gql(ME, {}, target.token);
      const until = new Date(me.data.me.suspendedUntil).getTime();
      expect(until - before).toBeGreaterThan(3 * 86_400_000 - 60_000);
      expect(until - before).toBeLessThan(3 * 86_400_000 + 60_000);

      const attempts = [
        app.gql(START, { input: { spaceId: space, title: 'Hello', body: 'Still here.' } }, target.token),
        app.gql(REPLY, { input: { threadId, body: 'Same here.' } }, target.token),
        app.gql(REACT, { input: { postId: threadId, kind: 'SUPPORT' } }, target.token),
        app.gql(REPORT, { input: { postId: threadId, reason: 'OTHER' } }, target.token),
      ];
      for (const attempt of await Promise.all(attempts)) {
        expect(codeOf(attempt)).toBe('SUSPENDED');
        expect(attempt.errors?.[0].message).toContain(new Date(until).toISOString());
      }
      // Reading still works, and signing in again too (still suspended there).
      expect((await app.gql(`query T($id: ID!) { thread(id: $id) { id } }`, { id: threadId }, target.token)).data.thread).toMatchObject({
        id: threadId,
      });
      const signedIn = await app.gql(SIGN_IN, { input: { pseudonym: target.pseudonym, passphrase: target.passphrase } });
      expect(signedIn.errors).toBeUndefined();
      expect(
        codeOf(await app.gql(START, { input: { spaceId: space, title: 'Hello', body: 'Still here.' } }, signedIn.data.signIn.token)),
      ).toBe('SUSPENDED');
      expect(await kinds(target)).toContainEqual({
        kind: 'ACCOUNT_SUSPENDED',
        message: expect.stringContaining(new Date(until).toISOString()),
      });

      // Moderators cannot lift it; admins can.
      expect(codeOf(await app.gql(LIFT, { input: { memberId: target.accountId, reason: 'appeal' } }, moderator.token))).toBe('FORBIDDEN');
      expect(
        (await app.gql(LIFT, { input: { memberId: target.accountId, reason: 'Appeal accepted.' } }, admin.token)).data.liftSanction,
      ).toBe(true);
      const posted = await app.gql(
        START,
        { input: { spaceId: space, title: 'Back', body: 'Thank you all for the patience.' } },
        target.token,
      );
      expect(posted.errors).toBeUndefined();
      expect(codeOf(await app.gql(LIFT, { input: { memberId: target.accountId, reason: 'again' } }, admin.token))).toBe('CONFLICT');
      const actions: Array<{ action: string }> = await app.dataSource.query(
        `SELECT action FROM moderation_action WHERE subject_id = $1 ORDER BY created_at, id`,
        [target.accountId],
      );
      expect(actions.map((a) => a.action)).toEqual(['SUSPEND', 'LIFT_SUSPENSION']);
    });

    it('BAN ends every session at once and refuses sign-in; an admin can lift it', async () => {
      const target = await member();
      const second = await app.gql(SIGN_IN, { input: { pseudonym: target.pseudonym, passphrase: target.passphrase } });
      const tokens = [target.token, second.data.signIn.token as string];
      for (const token of tokens) expect((await app.gql(ME, {}, token)).data.me).toMatchObject({ id: target.accountId });

      expect(
        (await app.gql(SANCTION, { input: { memberId: target.accountId, sanction: 'BAN', reason: 'Selling pills.' } }, moderator.token))
          .data.sanctionMember,
      ).toBe(true);
      for (const token of tokens) {
        expect((await app.gql(ME, {}, token)).data.me).toBeNull();
        expect(codeOf(await app.gql(START, { input: { spaceId: space, title: 'x', body: 'y' } }, token))).toBe('UNAUTHENTICATED');
      }
      const open: Array<{ count: number }> = await app.dataSource.query(
        `SELECT count(*)::int AS count FROM session WHERE account_id = $1 AND revoked_at IS NULL`,
        [target.accountId],
      );
      expect(open[0].count).toBe(0);
      const refused = await app.gql(SIGN_IN, { input: { pseudonym: target.pseudonym, passphrase: target.passphrase } });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(
        codeOf(await app.gql(SANCTION, { input: { memberId: target.accountId, sanction: 'BAN', reason: 'again' } }, moderator.token)),
      ).toBe('CONFLICT');

      expect(
        (await app.gql(LIFT, { input: { memberId: target.accountId, reason: 'Mistaken identity.' } }, admin.token)).data.liftSanction,
      ).toBe(true);
      const back = await app.gql(SIGN_IN, { input: { pseudonym: target.pseudonym, passphrase: target.passphrase } });
      expect(back.errors).toBeUndefined();
    });

    it('refuses sanctions on oneself and on admins by moderators, and checks the input', async () => {
      const target = await member();
      const self = await app.gql(SANCTION, { input: { memberId: moderator.accountId, sanction: 'WARN', reason: 'x' } }, moderator.token);
      expect(codeOf(self)).toBe('FORBIDDEN');
      const onAdmin = await app.gql(
        SANCTION,
        { input: { memberId: admin.accountId, sanction: 'SUSPEND', days: 1, reason: 'x' } },
        moderator.token,
      );
      expect(codeOf(onAdmin)).toBe('FORBIDDEN');
      expect(onAdmin.errors?.[0].message).toMatch(/admin/);
      expect(
        codeOf(await app.gql(SANCTION, { input: { memberId: target.accountId, sanction: 'SUSPEND', reason: 'x' } }, moderator.token)),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await app.gql(SANCTION, { input: { memberId: target.accountId, sanction: 'SUSPEND', days: 9999, reason: 'x' } }, moderator.token),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(await app.gql(SANCTION, { input: { memberId: target.accountId, sanction: 'WARN', reason: '  ' } }, moderator.token)),
      ).toBe('BAD_USER_INPUT');
      expect(codeOf(await app.gql(SANCTION, { input: { memberId: randomUUID(), sanction: 'WARN', reason: 'x' } }, moderator.token))).toBe(
        'NOT_FOUND',
      );
    });
  });

  it('refuses a moderator who warns, suspends or bans another moderator: the target keeps posting; an admin may', async () => {
    const otherModerator = await member('MODERATOR');
    for (const input of [
      { sanction: 'BAN', reason: 'Taking over the queue.' },
      { sanction: 'SUSPEND', days: 30, reason: 'Taking over the queue.' },
      { sanction: 'WARN', reason: 'Taking over the queue.' },
    ]) {
      const attempt = await app.gql(SANCTION, { input: { memberId: otherModerator.accountId, ...input } }, moderator.token);
      expect(codeOf(attempt)).toBe('FORBIDDEN');
      expect(attempt.errors?.[0].message).toMatch(/admin/);
    }
    const [row]: Array<{ banned_at: Date | null; suspended_until: Date | null }> = await app.dataSource.query(
      'SELECT banned_at, suspended_until FROM account WHERE id = $1',
      [otherModerator.accountId],
    );
    expect(row).toEqual({ banned_at: null, suspended_until: null });
    expect(await kinds(otherModerator)).toEqual([]);
    expect((await app.gql(QUEUE, {}, otherModerator.token)).errors).toBeUndefined();

    expect(
      (
        await app.gql(
          SANCTION,
          { input: { memberId: otherModerator.accountId, sanction: 'WARN', reason: 'Claimed cases and sat on them.' } },
          admin.token,
        )
      ).data.sanctionMember,
    ).toBe(true);
  });

  describe('roles', () => {
    it('lets an admin grant and revoke roles over GraphQL, audited; nobody else', async () => {
      const target = await member();
      expect(codeOf(await app.gql(QUEUE, {}, target.token))).toBe('FORBIDDEN');
      const granted = await app.gql(SET_ROLE, { id: target.accountId, role: 'MODERATOR' }, admin.token);
      expect(granted.data.setRole).toMatchObject({ id: target.accountId, role: 'MODERATOR' });
      expect((await app.gql(QUEUE, {}, target.token)).errors).toBeUndefined();

      expect(codeOf(await app.gql(SET_ROLE, { id: admin.accountId, role: 'MEMBER' }, target.token))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(SET_ROLE, { id: admin.accountId, role: 'MEMBER' }, admin.token))).toBe('FORBIDDEN');

      await app.gql(SET_ROLE, { id: target.accountId, role: 'MEMBER' }, admin.token);
      expect(codeOf(await app.gql(QUEUE, {}, target.token))).toBe('FORBIDDEN');
      const audit: Array<{ moderator_id: string; note: string }> = await app.dataSource.query(
        `SELECT moderator_id, note FROM moderation_action WHERE action = 'ROLE_CHANGE' AND subject_id = $1 ORDER BY created_at, id`,
        [target.accountId],
      );
      expect(audit).toEqual([
        { moderator_id: admin.accountId, note: 'MEMBER -> MODERATOR' },
        { moderator_id: admin.accountId, note: 'MODERATOR -> MEMBER' },
      ]);
    });
  });

  describe('locked threads', () => {
    it('stops new replies with a clear error until unlocked; reading goes on', async () => {
      const owner = await member();
      const replier = await member();
      const threadId = await publishedThread(owner.accountId);
      const locked = await app.gql(LOCK, { id: threadId, locked: true }, moderator.token);
      expect(locked.data.setThreadLocked).toEqual({ id: threadId, locked: true });

      const refused = await app.gql(REPLY, { input: { threadId, body: 'Thinking of you.' } }, replier.token);
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0].message).toMatch(/locked/);
      expect((await app.gql(`query T($id: ID!) { thread(id: $id) { id locked } }`, { id: threadId }, replier.token)).data.thread).toEqual({
        id: threadId,
        locked: true,
      });

      expect((await app.gql(LOCK, { id: threadId, locked: false }, moderator.token)).data.setThreadLocked.locked).toBe(false);
      const replied = await app.gql(REPLY, { input: { threadId, body: 'Thinking of you.' } }, replier.token);
      expect(replied.errors).toBeUndefined();

      const audit: Array<{ action: string; moderator_id: string }> = await app.dataSource.query(
        `SELECT action, moderator_id FROM moderation_action WHERE post_id = $1 AND action IN ('LOCK', 'UNLOCK') ORDER BY created_at, id`,
        [threadId],
      );
      expect(audit).toEqual([
        { action: 'LOCK', moderator_id: moderator.accountId },
        { action: 'UNLOCK', moderator_id: moderator.accountId },
      ]);
      expect(codeOf(await app.gql(LOCK, { id: randomUUID(), locked: true }, moderator.token))).toBe('NOT_FOUND');
    });
  });

  describe('the draft check', () => {
    it('shows a signed-in member the suggestions and crisis resources their words would get, storing nothing', async () => {
      const writer = await member();
      const count = async () =>
        (
          (await app.dataSource.query(
            `SELECT (SELECT count(*) FROM post)::int + (SELECT count(*) FROM moderation_case)::int AS n`,
          )) as Array<{ n: number }>
        )[0].n;
      const before = await count();

      const nudge = await app.gql(DRAFT, { body: "I'm an addict and I've been clean for 90 days." }, writer.token);
      expect(nudge.errors).toBeUndefined();
      expect(nudge.data.screenDraft.outcome).toBe('PUBLISH_WITH_SUGGESTIONS');
      expect(nudge.data.screenDraft.suggestions.length).toBeGreaterThan(0);
      expect(nudge.data.screenDraft.crisisResources).toEqual([]);

      const crisis = await app.gql(DRAFT, { body: "I don't want to wake up tomorrow. I have the pills ready." }, writer.token);
      expect(crisis.data.screenDraft).toMatchObject({ outcome: 'HOLD', categories: expect.arrayContaining(['SELF_HARM']) });
      expect(crisis.data.screenDraft.crisisResources.map((r: { contact: string }) => r.contact).join(' ')).toContain('988');
      expect(crisis.data.screenDraft.reasons.length).toBeGreaterThan(0);

      expect(await count()).toBe(before);
      expect(codeOf(await app.gql(DRAFT, { body: 'hello' }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await app.gql(DRAFT, { body: '   ' }, writer.token))).toBe('BAD_USER_INPUT');
    });
  });
});
