import { randomUUID } from 'node:crypto';
import { firstSpaceIdInDb, insertThread } from './support/forum';
import { codeOf } from './support/gql';
import { registerMember, Role, setRole, TestMember } from './support/members';
import { queueBackends, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Moderator work end to end over GraphQL, on the real database and both queue backends:
 * who may do what, the queue, claims (and races), decisions and what they write, reports
 * and the hiding threshold, and the append-only audit log.
 */

const backends = queueBackends();
if (!backends.includes('redis')) {
  console.warn('moderation e2e: Redis not available here, running the Postgres backend only');
}

const CASE_FIELDS = `
  id priority status reportCount claimExpiresAt createdAt resolvedAt decision
  claimedBy { id pseudonym }
  author { id pseudonym }
  post { id status body ... on Thread { title } }
  reasons { category severity source detail excerpt start end }
  history { action note internalNote moderator { pseudonym } createdAt }
`;

const QUEUE = `query Queue($status: CaseStatus, $priority: CasePriority, $first: Int, $after: String) {
  moderationQueue(status: $status, priority: $priority, first: $first, after: $after) {
    edges { cursor node { id priority status post { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CASE = `query Case($id: ID!) { moderationCase(id: $id) { ${CASE_FIELDS} } }`;
const STATS = `query { moderationStats { open urgentOpen oldestOpenAt medianSecondsToDecision } }`;
const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id status claimExpiresAt claimedBy { id } } }`;
const RELEASE = `mutation Release($id: ID!) { releaseCase(id: $id) { id status claimedBy { id } } }`;
const RESOLVE = `mutation Resolve($input: ResolveCaseInput!) { resolveCase(input: $input) { id status decision resolvedAt post { id status } } }`;
const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
const THREAD = `query Thread($id: ID!) { thread(id: $id) { id status body } }`;
const NOTIFICATIONS = `query { me { notifications(first: 50) { edges { node { kind message post { id } } } } } }`;

interface Fixture {
  app: TestApp;
  space: string;
}

async function insertReply(fx: Fixture, threadId: string, authorId: string, status = 'HELD', body = 'A reply.'): Promise<string> {
  const id = randomUUID();
  await fx.app.dataSource.query(`INSERT INTO post (id, kind, thread_id, author_id, body, status) VALUES ($1, 'REPLY', $2, $3, $4, $5)`, [
    id,
    threadId,
    authorId,
    body,
    status,
  ]);
  return id;
}

const RANK: Record<string, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

/** A screening case as the worker would open it, with its reason, span and excerpt. */
async function openCase(
  fx: Fixture,
  postId: string,
  priority: string,
  options: { ageSeconds?: number; category?: string; excerpt?: string; start?: number; end?: number } = {},
): Promise<string> {
  const rows: Array<{ id: string }> = await fx.app.dataSource.query(
    `INSERT INTO moderation_case (post_id, priority, priority_rank, created_at) VALUES ($1, $2, $3, now() - make_interval(secs => $4)) RETURNING id`,
    [postId, priority, RANK[priority], options.ageSeconds ?? 0],
  );
  await fx.app.dataSource.query(
    `INSERT INTO case_reason (case_id, category, severity, source, detail, excerpt, start, "end", revision) VALUES ($1, $2, 'HOLD', 'SCREENING', $3, $4, $5, $6, 1)`,
    [
      rows[0].id,
      options.category ?? 'DRUG_SOURCING',
      'sourcing: asks where to buy',
      options.excerpt ?? 'who has percs',
      options.start ?? 0,
      options.end ?? 13,
    ],
  );
  return rows[0].id;
}

async function heldThreadWithCase(
  fx: Fixture,
  authorId: string,
  priority = 'HIGH',
  ageSeconds = 0,
): Promise<{ postId: string; caseId: string }> {
  const postId = await insertThread(fx.app, fx.space, authorId, { status: 'HELD', body: 'who has percs near me' });
  const caseId = await openCase(fx, postId, priority, { ageSeconds });
  return { postId, caseId };
}

async function member(fx: Fixture, role: Role = 'MEMBER'): Promise<TestMember> {
  const m = await registerMember(fx.app);
  if (role !== 'MEMBER') await setRole(fx.app, m.accountId, role);
  return m;
}

async function auditRows(
  fx: Fixture,
  where: string,
  params: unknown[],
): Promise<
  Array<{ action: string; moderator_id: string | null; note: string | null; internal_note: string | null; case_id: string | null }>
> {
  return fx.app.dataSource.query(
    `SELECT action, moderator_id, note, internal_note, case_id FROM moderation_action WHERE ${where} ORDER BY created_at, id`,
    params,
  );
}

describe.each(backends)('moderation on the %s queue backend', (backend) => {
  const fx = {} as Fixture;
  let moderator: TestMember;
  let admin: TestMember;
  let author: TestMember;

  beforeAll(async () => {
    fx.app = await startTestApp({ queue: backend });
    fx.space = await firstSpaceIdInDb(fx.app);
    [moderator, admin, author] = await Promise.all([member(fx, 'MODERATOR'), member(fx, 'ADMIN'), member(fx)]);
  });
  afterAll(() => fx.app?.close());

  describe('authorization', () => {
    const operations: Array<{ name: string; query: string; variables: () => Record<string, unknown>; adminOnly?: boolean }> = [
      { name: 'moderationQueue', query: QUEUE, variables: () => ({}) },
      { name: 'moderationCase', query: CASE, variables: () => ({ id: randomUUID() }) },
      { name: 'moderationStats', query: STATS, variables: () => ({}) },
      { name: 'claimCase', query: CLAIM, variables: () => ({ id: randomUUID() }) },
      { name: 'releaseCase', query: RELEASE, variables: () => ({ id: randomUUID() }) },
      { name: 'resolveCase', query: RESOLVE, variables: () => ({ input: { caseId: randomUUID(), decision: 'APPROVE' } }) },
      {
        name: 'sanctionMember',
        query: `mutation S($input: SanctionInput!) { sanctionMember(input: $input) }`,
        variables: () => ({ input: { memberId: randomUUID(), sanction: 'WARN', reason: 'x' } }),
      },
      {
        name: 'setThreadLocked',
        query: `mutation L($id: ID!) { setThreadLocked(id: $id, locked: true) { id } }`,
        variables: () => ({ id: randomUUID() }),
      },
      {
        name: 'setRole',
        query: `mutation R($id: ID!) { setRole(memberId: $id, role: MODERATOR) { id } }`,
        variables: () => ({ id: randomUUID() }),
        adminOnly: true,
      },
      {
        name: 'liftSanction',
        query: `mutation U($input: LiftSanctionInput!) { liftSanction(input: $input) }`,
        variables: () => ({ input: { memberId: randomUUID(), reason: 'appeal' } }),
        adminOnly: true,
      },
    ];

    it('refuses every moderation operation to the signed-out, members and peer supporters, and lets moderators and admins through', async () => {
      const tokens: Record<string, string | undefined> = {
        anonymous: undefined,
        MEMBER: (await member(fx, 'MEMBER')).token,
        PEER_SUPPORTER: (await member(fx, 'PEER_SUPPORTER')).token,
        MODERATOR: moderator.token,
        ADMIN: admin.token,
      };
      const matrix: Record<string, Record<string, string>> = {};
      for (const operation of operations) {
        matrix[operation.name] = {};
        for (const [who, token] of Object.entries(tokens)) {
          const response = await fx.app.gql(operation.query, operation.variables(), token);
          matrix[operation.name][who] = codeOf(response) ?? 'OK';
        }
      }
      for (const operation of operations) {
        expect({ op: operation.name, result: matrix[operation.name].anonymous }).toEqual({ op: operation.name, result: 'UNAUTHENTICATED' });
        expect({ op: operation.name, result: matrix[operation.name].MEMBER }).toEqual({ op: operation.name, result: 'FORBIDDEN' });
        expect({ op: operation.name, result: matrix[operation.name].PEER_SUPPORTER }).toEqual({ op: operation.name, result: 'FORBIDDEN' });
        const moderatorResult = matrix[operation.name].MODERATOR;
        if (operation.adminOnly)
          expect({ op: operation.name, result: moderatorResult }).toEqual({ op: operation.name, result: 'FORBIDDEN' });
        else
          expect({ op: operation.name, result: ['OK', 'NOT_FOUND'].includes(moderatorResult) }).toEqual({
            op: operation.name,
            result: true,
          });
        expect({ op: operation.name, result: ['OK', 'NOT_FOUND'].includes(matrix[operation.name].ADMIN) }).toEqual({
          op: operation.name,
          result: true,
        });
      }
      // The reads answer with data, not an empty list in disguise.
      expect(matrix.moderationQueue.MODERATOR).toBe('OK');
      expect(matrix.moderationStats.ADMIN).toBe('OK');
    });
  });

  describe('the queue', () => {
    it('orders open cases by priority then age, filters by status and priority, and pages with cursors', async () => {
      const low = await heldThreadWithCase(fx, author.accountId, 'LOW', 500);
      const highOld = await heldThreadWithCase(fx, author.accountId, 'HIGH', 300);
      const urgent = await heldThreadWithCase(fx, author.accountId, 'URGENT', 10);
      const highNew = await heldThreadWithCase(fx, author.accountId, 'HIGH', 20);
      const normal = await heldThreadWithCase(fx, author.accountId, 'NORMAL', 400);
      const mine = [low, highOld, urgent, highNew, normal].map((c) => c.caseId);

      const all = await fx.app.gql(QUEUE, { first: 100 }, moderator.token);
      expect(all.errors).toBeUndefined();
      const order = all.data.moderationQueue.edges
        .map((edge: { node: { id: string } }) => edge.node.id)
        .filter((id: string) => mine.includes(id));
      expect(order).toEqual([urgent.caseId, highOld.caseId, highNew.caseId, normal.caseId, low.caseId]);

      const high = await fx.app.gql(QUEUE, { priority: 'HIGH', first: 100 }, moderator.token);
      expect(high.data.moderationQueue.edges.every((edge: { node: { priority: string } }) => edge.node.priority === 'HIGH')).toBe(true);

      // Keyset pages: two at a time, the same order, nothing skipped or repeated.
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        type QueuePage = { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        const response = await fx.app.gql<{ moderationQueue: QueuePage }>(QUEUE, { first: 2, after }, moderator.token);
        const connection: QueuePage = response.data!.moderationQueue;
        seen.push(...connection.edges.map((edge) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor as string | null;
      }
      expect(seen.filter((id) => mine.includes(id))).toEqual(order);
      expect(new Set(seen).size).toBe(seen.length);

      await fx.app.gql(CLAIM, { id: urgent.caseId }, moderator.token);
      const claimed = await fx.app.gql(QUEUE, { status: 'CLAIMED', first: 100 }, moderator.token);
      expect(claimed.data.moderationQueue.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(urgent.caseId);
      const open = await fx.app.gql(QUEUE, { status: 'OPEN', first: 100 }, moderator.token);
      expect(open.data.moderationQueue.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(urgent.caseId);
      await fx.app.gql(RELEASE, { id: urgent.caseId }, moderator.token);

      const bad = await fx.app.gql(QUEUE, { after: 'nonsense' }, moderator.token);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');

      const stats = await fx.app.gql(STATS, {}, moderator.token);
      expect(stats.data.moderationStats.open).toBeGreaterThanOrEqual(5);
      expect(stats.data.moderationStats.urgentOpen).toBeGreaterThanOrEqual(1);
      expect(new Date(stats.data.moderationStats.oldestOpenAt).getTime()).toBeLessThanOrEqual(Date.now() - 499_000);
    });

    it('costs the same number of SQL statements for a page of 3 cases as for a page of 12', async () => {
      const app = await startTestApp({ queue: backend, env: { WORKERS: 'off' } });
      try {
        const local: Fixture = { app, space: await firstSpaceIdInDb(app) };
        const mod = await registerMember(app);
        await setRole(app, mod.accountId, 'MODERATOR');
        const owners = await Promise.all([registerMember(app), registerMember(app), registerMember(app)]);
        for (let i = 0; i < 12; i++) {
          const { caseId } = await heldThreadWithCase(local, owners[i % 3].accountId, ['URGENT', 'HIGH', 'NORMAL', 'LOW'][i % 4], i);
          if (i % 2 === 0) await app.gql(CLAIM, { id: caseId }, mod.token);
        }
        const page = `query Page($first: Int) { moderationQueue(first: $first) { edges { node { ${CASE_FIELDS} } } } }`;
        const small = await app.countRequestQueries(page, { first: 3 }, mod.token);
        const large = await app.countRequestQueries(page, { first: 12 }, mod.token);
        expect(small.result.errors).toBeUndefined();
        expect(large.result.data.moderationQueue.edges).toHaveLength(12);
        expect(large.count).toBe(small.count);
        expect(large.count).toBeLessThanOrEqual(10);
      } finally {
        await app.close();
      }
    });

    it('shows a case in full: the post whatever its status, the author, every reason with its span, reports, claim and history', async () => {
      const { postId, caseId } = await heldThreadWithCase(fx, author.accountId, 'HIGH');
      const response = await fx.app.gql(CASE, { id: caseId }, moderator.token);
      expect(response.errors).toBeUndefined();
      const view = response.data.moderationCase;
      expect(view).toMatchObject({
        id: caseId,
        priority: 'HIGH',
        status: 'OPEN',
        reportCount: 0,
        claimedBy: null,
        author: { id: author.accountId, pseudonym: author.pseudonym },
        post: { id: postId, status: 'HELD', body: 'who has percs near me' },
        reasons: [{ category: 'DRUG_SOURCING', severity: 'HOLD', source: 'SCREENING', excerpt: 'who has percs', start: 0, end: 13 }],
      });
      // The held post stays invisible to other members all the while.
      expect((await fx.app.gql(THREAD, { id: postId }, (await member(fx)).token)).data.thread).toBeNull();
      const unknown = await fx.app.gql(CASE, { id: randomUUID() }, moderator.token);
      expect(unknown.data.moderationCase).toBeNull();
    });
  });

  describe('claims', () => {
    it('lets exactly one of many moderators claiming at once win; the others get CONFLICT', async () => {
      const moderators = await Promise.all(Array.from({ length: 8 }, () => member(fx, 'MODERATOR')));
      const { caseId } = await heldThreadWithCase(fx, author.accountId, 'URGENT');
      const results = await Promise.all(moderators.map((m) => fx.app.gql(CLAIM, { id: caseId }, m.token)));
      const winners = results.filter((r) => r.data?.claimCase);
      const losers = results.filter((r) => codeOf(r) === 'CONFLICT');
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(moderators.length - 1);
      const winner = moderators[results.indexOf(winners[0])];
      expect(winners[0].data.claimCase).toMatchObject({ status: 'CLAIMED', claimedBy: { id: winner.accountId } });

      // Only the claimant decides; the case shows who holds it.
      const loser = moderators.find((m) => m !== winner) as TestMember;
      const refused = await fx.app.gql(RESOLVE, { input: { caseId, decision: 'APPROVE' } }, loser.token);
      expect(codeOf(refused)).toBe('CONFLICT');
      const view = await fx.app.gql(CASE, { id: caseId }, moderator.token);
      expect(view.data.moderationCase.claimedBy.id).toBe(winner.accountId);
      const claims = await auditRows(fx, `case_id = $1 AND action = 'CLAIM'`, [caseId]);
      expect(claims).toHaveLength(1);
    });

    it('expires claims after the configured minutes so another moderator can take over; release gives a case back', async () => {
      const [first, second] = [moderator, await member(fx, 'MODERATOR')];
      const { caseId } = await heldThreadWithCase(fx, author.accountId, 'HIGH');
      const before = Date.now();
      const claimed = await fx.app.gql(CLAIM, { id: caseId }, first.token);
      const expires = new Date(claimed.data.claimCase.claimExpiresAt).getTime();
      expect(expires - before).toBeGreaterThan(9.5 * 60_000);
      expect(expires - before).toBeLessThan(10.5 * 60_000);

      expect(codeOf(await fx.app.gql(CLAIM, { id: caseId }, second.token))).toBe('CONFLICT');
      expect(codeOf(await fx.app.gql(RELEASE, { id: caseId }, second.token))).toBe('CONFLICT');

      // Ten minutes pass.
      await fx.app.dataSource.query(`UPDATE moderation_case SET claim_expires_at = now() - interval '1 second' WHERE id = $1`, [caseId]);
      const expired = await fx.app.gql(CASE, { id: caseId }, second.token);
      expect(expired.data.moderationCase).toMatchObject({ status: 'OPEN', claimedBy: null, claimExpiresAt: null });
      const takeover = await fx.app.gql(CLAIM, { id: caseId }, second.token);
      expect(takeover.data.claimCase.claimedBy.id).toBe(second.accountId);
      // The first moderator lost the right to decide.
      expect(codeOf(await fx.app.gql(RESOLVE, { input: { caseId, decision: 'APPROVE' } }, first.token))).toBe('CONFLICT');

      const released = await fx.app.gql(RELEASE, { id: caseId }, second.token);
      expect(released.data.releaseCase).toMatchObject({ status: 'OPEN', claimedBy: null });
      expect(codeOf(await fx.app.gql(RESOLVE, { input: { caseId, decision: 'APPROVE' } }, second.token))).toBe('CONFLICT');

      const history = (await auditRows(fx, 'case_id = $1', [caseId])).map((row) => row.action);
      expect(history).toEqual(['CLAIM', 'TAKEOVER', 'RELEASE']);
    });

    it('takes the claim length from configuration', async () => {
      const app = await startTestApp({ queue: backend, env: { CLAIM_MINUTES: '2', WORKERS: 'off' } });
      try {
        const local: Fixture = { app, space: await firstSpaceIdInDb(app) };
        const mod = await registerMember(app);
        await setRole(app, mod.accountId, 'MODERATOR');
        const owner = await registerMember(app);
        const { caseId } = await heldThreadWithCase(local, owner.accountId);
        const before = Date.now();
        const claimed = await app.gql(CLAIM, { id: caseId }, mod.token);
        const minutes = (new Date(claimed.data.claimCase.claimExpiresAt).getTime() - before) / 60_000;
        expect(minutes).toBeGreaterThan(1.9);
        expect(minutes).toBeLessThan(2.1);
      } finally {
        await app.close();
      }
    });
  });

  describe('decisions', () => {
    async function claimAndResolve(caseId: string, decision: string, extra: Record<string, unknown> = {}) {
      const claimed = await fx.app.gql(CLAIM, { id: caseId }, moderator.token);
      expect(claimed.errors).toBeUndefined();
      return fx.app.gql(RESOLVE, { input: { caseId, decision, ...extra } }, moderator.token);
    }

    async function notificationsOf(m: TestMember) {
      const response = await fx.app.gql(NOTIFICATIONS, {}, m.token);
      return response.data.me.notifications.edges.map(
        (edge: { node: { kind: string; message: string; post: { id: string } | null } }) => edge.node,
      );
    }

    it('APPROVE publishes a held post, resolves the case, tells the author (with the note) and writes the audit log', async () => {
      const writer = await member(fx);
      const reader = await member(fx);
      const { postId, caseId } = await heldThreadWithCase(fx, writer.accountId);
      const response = await claimAndResolve(caseId, 'APPROVE', {
        noteToAuthor: 'Thanks for sharing this.',
        internalNote: 'context was recovery',
      });
      expect(response.errors).toBeUndefined();
      expect(response.data.resolveCase).toMatchObject({
        status: 'RESOLVED',
        decision: 'APPROVE',
        post: { id: postId, status: 'PUBLISHED' },
      });
      expect((await fx.app.gql(THREAD, { id: postId }, reader.token)).data.thread).toMatchObject({ id: postId, status: 'PUBLISHED' });
      expect(await notificationsOf(writer)).toContainEqual({
        kind: 'POST_PUBLISHED',
        message: expect.stringContaining('Thanks for sharing this.'),
        post: { id: postId },
      });
      const audit = await auditRows(fx, `case_id = $1 AND action = 'APPROVE'`, [caseId]);
      expect(audit).toEqual([
        expect.objectContaining({
          moderator_id: moderator.accountId,
          note: 'Thanks for sharing this.',
          internal_note: 'context was recovery',
        }),
      ]);
      const view = await fx.app.gql(CASE, { id: caseId }, moderator.token);
      expect(view.data.moderationCase.history.map((h: { action: string }) => h.action)).toEqual(['CLAIM', 'APPROVE']);
      expect(view.data.moderationCase.history[1]).toMatchObject({
        moderator: { pseudonym: moderator.pseudonym },
        note: 'Thanks for sharing this.',
      });
      // Never twice.
      expect(codeOf(await fx.app.gql(RESOLVE, { input: { caseId, decision: 'REJECT' } }, moderator.token))).toBe('CONFLICT');
    });

    it('APPROVE of a held reply tells the thread author of the new reply', async () => {
      const threadAuthor = await member(fx);
      const replier = await member(fx);
      const threadId = await insertThread(fx.app, fx.space, threadAuthor.accountId);
      const replyId = await insertReply(fx, threadId, replier.accountId, 'HELD');
      const caseId = await openCase(fx, replyId, 'NORMAL', { category: 'STIGMA' });
      expect((await claimAndResolve(caseId, 'APPROVE')).errors).toBeUndefined();
      expect(await notificationsOf(threadAuthor)).toContainEqual(expect.objectContaining({ kind: 'NEW_REPLY', post: { id: replyId } }));
      expect(await notificationsOf(replier)).toContainEqual(expect.objectContaining({ kind: 'POST_PUBLISHED' }));
    });

    it('REJECT rejects a held post and tells the author why', async () => {
      const writer = await member(fx);
      const { postId, caseId } = await heldThreadWithCase(fx, writer.accountId);
      const response = await claimAndResolve(caseId, 'REJECT', { noteToAuthor: 'Kindred does not allow buying or selling drugs.' });
      expect(response.data.resolveCase).toMatchObject({ decision: 'REJECT', post: { status: 'REJECTED' } });
      expect(await notificationsOf(writer)).toContainEqual({
        kind: 'POST_REJECTED',
        message: expect.stringContaining('does not allow buying'),
        post: { id: postId },
      });
      expect(await auditRows(fx, `case_id = $1 AND action = 'REJECT'`, [caseId])).toHaveLength(1);
    });

    it('REQUEST_CHANGES asks the author to edit; the edit is screened again and, held again, reopens the same case', async () => {
      const writer = await member(fx);
      const { postId, caseId } = await heldThreadWithCase(fx, writer.accountId);
      const response = await claimAndResolve(caseId, 'REQUEST_CHANGES', { noteToAuthor: 'Please take out the phone number.' });
      expect(response.data.resolveCase).toMatchObject({
        decision: 'REQUEST_CHANGES',
        status: 'RESOLVED',
        post: { status: 'NEEDS_CHANGES' },
      });
      expect(await notificationsOf(writer)).toContainEqual({
        kind: 'CHANGES_REQUESTED',
        message: expect.stringContaining('phone number'),
        post: { id: postId },
      });

      const edited = await fx.app.gql(
        `mutation Edit($input: EditPostInput!) { editPost(input: $input) { id status } }`,
        { input: { id: postId, body: 'I want to kill myself tonight, I have the pills ready and no reason to go on.' } },
        writer.token,
      );
      expect(edited.errors).toBeUndefined();
      expect(edited.data.editPost.status).toBe('PENDING');
      // Screening holds the edit again (the worker runs in-process): the same case comes back.
      const reopened = await waitFor(async () => {
        const view = await fx.app.gql(CASE, { id: caseId }, moderator.token);
        return view.data.moderationCase.status === 'OPEN' ? view.data.moderationCase : null;
      }, 20_000);
      expect(reopened).toMatchObject({
        id: caseId,
        decision: null,
        resolvedAt: null,
        post: { id: postId, status: 'HELD' },
        priority: 'URGENT',
      });
      expect(reopened.history.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['CLAIM', 'REQUEST_CHANGES']));
      const cases: Array<{ count: number }> = await fx.app.dataSource.query(
        'SELECT count(*)::int AS count FROM moderation_case WHERE post_id = $1',
        [postId],
      );
      expect(cases[0].count).toBe(1);
    });

    it('REMOVE takes down a published post', async () => {
      const writer = await member(fx);
      const reporter = await member(fx);
      const postId = await insertThread(fx.app, fx.space, writer.accountId);
      expect(
        (await fx.app.gql(REPORT, { input: { postId, reason: 'HARASSMENT', note: 'aimed at another member' } }, reporter.token)).data
          .report,
      ).toBe(true);
      const [{ id: caseId }]: Array<{ id: string }> = await fx.app.dataSource.query(`SELECT id FROM moderation_case WHERE post_id = $1`, [
        postId,
      ]);
      const response = await claimAndResolve(caseId, 'REMOVE', { noteToAuthor: 'Please keep it kind.' });
      expect(response.data.resolveCase).toMatchObject({ decision: 'REMOVE', post: { status: 'REMOVED' } });
      expect((await fx.app.gql(THREAD, { id: postId }, reporter.token)).data.thread).toBeNull();
      expect(await notificationsOf(writer)).toContainEqual({
        kind: 'POST_REMOVED',
        message: expect.stringContaining('keep it kind'),
        post: { id: postId },
      });
      expect(await auditRows(fx, `case_id = $1 AND action = 'REMOVE'`, [caseId])).toEqual([
        expect.objectContaining({ moderator_id: moderator.accountId }),
      ]);
    });

    it('refuses decisions that do not fit the post, and deciding without a claim', async () => {
      const writer = await member(fx);
      const reporter = await member(fx);
      const postId = await insertThread(fx.app, fx.space, writer.accountId);
      await fx.app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, reporter.token);
      const [{ id: caseId }]: Array<{ id: string }> = await fx.app.dataSource.query(`SELECT id FROM moderation_case WHERE post_id = $1`, [
        postId,
      ]);
      expect(codeOf(await fx.app.gql(RESOLVE, { input: { caseId, decision: 'REMOVE' } }, moderator.token))).toBe('CONFLICT');
      const wrong = await claimAndResolve(caseId, 'REQUEST_CHANGES');
      expect(codeOf(wrong)).toBe('CONFLICT');
      expect(wrong.errors?.[0].message).toContain('PUBLISHED');
      expect(codeOf(await fx.app.gql(RESOLVE, { input: { caseId: 'not-a-uuid', decision: 'REMOVE' } }, moderator.token))).toBe('NOT_FOUND');
    });

    it('reports the median time to a decision over the last week', async () => {
      const stats = await fx.app.gql(STATS, {}, moderator.token);
      expect(stats.errors).toBeUndefined();
      expect(typeof stats.data.moderationStats.medianSecondsToDecision).toBe('number');
      expect(stats.data.moderationStats.medianSecondsToDecision).toBeGreaterThanOrEqual(0);
    });
  });

  describe('reports', () => {
    it('joins reports into one case and hides the post at three distinct reporters until an approval restores it', async () => {
      const writer = await member(fx);
      const reporters = await Promise.all([member(fx), member(fx), member(fx)]);
      const bystander = await member(fx);
      const postId = await insertThread(fx.app, fx.space, writer.accountId, { body: 'Honest words that some readers disliked.' });

      for (const [index, reporter] of reporters.entries()) {
        const response = await fx.app.gql(
          REPORT,
          { input: { postId, reason: index === 0 ? 'STIGMA' : 'HARASSMENT', note: `report ${index}` } },
          reporter.token,
        );
        expect(response.errors).toBeUndefined();
        const visible = (await fx.app.gql(THREAD, { id: postId }, bystander.token)).data.thread;
        if (index < 2) expect(visible).not.toBeNull();
        else expect(visible).toBeNull();
      }
      const cases: Array<{ id: string; priority: string }> = await fx.app.dataSource.query(
        `SELECT id, priority FROM moderation_case WHERE post_id = $1`,
        [postId],
      );
      expect(cases).toHaveLength(1);
      expect(cases[0].priority).toBe('HIGH');
      const caseId = cases[0].id;

      // Hidden from everyone but its author and moderators; anonymous readers too.
      expect((await fx.app.gql(THREAD, { id: postId })).data.thread).toBeNull();
      expect((await fx.app.gql(THREAD, { id: postId }, writer.token)).data.thread).toMatchObject({ id: postId });
      expect((await fx.app.gql(THREAD, { id: postId }, moderator.token)).data.thread).toMatchObject({ id: postId });

      const view = await fx.app.gql(CASE, { id: caseId }, moderator.token);
      expect(view.data.moderationCase).toMatchObject({ reportCount: 3, status: 'OPEN', post: { status: 'PUBLISHED' } });
      expect(view.data.moderationCase.reasons.map((r: { source: string; category: string }) => `${r.source}:${r.category}`)).toEqual([
        'REPORT:STIGMA',
        'REPORT:HARASSMENT',
        'REPORT:HARASSMENT',
      ]);
      expect(view.data.moderationCase.reasons[0].detail).toContain('report 0');
      expect(view.data.moderationCase.history.map((h: { action: string }) => h.action)).toContain('HIDDEN_BY_REPORTS');

      await fx.app.gql(CLAIM, { id: caseId }, moderator.token);
      const approved = await fx.app.gql(RESOLVE, { input: { caseId, decision: 'APPROVE' } }, moderator.token);
      expect(approved.data.resolveCase.post.status).toBe('PUBLISHED');
      expect((await fx.app.gql(THREAD, { id: postId }, bystander.token)).data.thread).toMatchObject({ id: postId, status: 'PUBLISHED' });
      expect((await fx.app.gql(THREAD, { id: postId })).data.thread).toMatchObject({ id: postId });
    });

    it('takes the threshold from configuration', async () => {
      const app = await startTestApp({ queue: backend, env: { REPORT_HIDE_THRESHOLD: '1', WORKERS: 'off' } });
      try {
        const local: Fixture = { app, space: await firstSpaceIdInDb(app) };
        const owner = await registerMember(app);
        const reader = await registerMember(app);
        const postId = await insertThread(local.app, local.space, owner.accountId);
        await app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, reader.token);
        expect((await app.gql(THREAD, { id: postId })).data.thread).toBeNull();
      } finally {
        await app.close();
      }
    });

    it('refuses reporting one’s own post, reporting twice, unpublished posts, and the signed-out', async () => {
      const writer = await member(fx);
      const reader = await member(fx);
      const postId = await insertThread(fx.app, fx.space, writer.accountId);
      const own = await fx.app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, writer.token);
      expect(codeOf(own)).toBe('BAD_USER_INPUT');
      expect(own.errors?.[0].message).toMatch(/your own post/);

      const twice = await Promise.all([1, 2, 3].map(() => fx.app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, reader.token)));
      expect(twice.filter((r) => r.data?.report === true)).toHaveLength(1);
      const refused = twice.filter((r) => codeOf(r) === 'CONFLICT');
      expect(refused).toHaveLength(2);
      expect(refused[0].errors?.[0].message).toMatch(/already reported/);

      const held = await insertThread(fx.app, fx.space, writer.accountId, { status: 'HELD' });
      expect(codeOf(await fx.app.gql(REPORT, { input: { postId: held, reason: 'SPAM' } }, reader.token))).toBe('NOT_FOUND');
      expect(codeOf(await fx.app.gql(REPORT, { input: { postId, reason: 'SPAM' } }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await fx.app.gql(REPORT, { input: { postId: randomUUID(), reason: 'OTHER' } }, reader.token))).toBe('NOT_FOUND');
    });
  });

  describe('the audit log', () => {
    it('cannot be changed or erased by the database user the app runs as', async () => {
      const { caseId } = await heldThreadWithCase(fx, author.accountId);
      await fx.app.gql(CLAIM, { id: caseId }, moderator.token);
      const [row]: Array<{ id: string; note: string | null }> = await fx.app.dataSource.query(
        `SELECT id, note FROM moderation_action WHERE case_id = $1`,
        [caseId],
      );
      const [{ current_user: user }]: Array<{ current_user: string }> = await fx.app.dataSource.query('SELECT current_user');
      expect(user).toBeTruthy();

      // The app's role holds only INSERT and SELECT on the log (the trigger behind it refuses
      // even the owner: test/database-roles.e2e-spec.ts).
      await expect(fx.app.dataSource.query(`UPDATE moderation_action SET note = 'rewritten' WHERE id = $1`, [row.id])).rejects.toThrow(
        /permission denied/,
      );
      await expect(fx.app.dataSource.query(`DELETE FROM moderation_action WHERE id = $1`, [row.id])).rejects.toThrow(/permission denied/);
      await expect(fx.app.dataSource.query(`TRUNCATE moderation_action`)).rejects.toThrow(/permission denied/);
      const [after]: Array<{ note: string | null }> = await fx.app.dataSource.query(`SELECT note FROM moderation_action WHERE id = $1`, [
        row.id,
      ]);
      expect(after.note).toBe(row.note);
    });
  });
});
