import { firstSpaceIdInDb, insertThread } from './support/forum';
import { codeOf } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

/**
 * ModerationCase.authorCases: a moderator reading a case sees the same author's other
 * cases, newest first, batched so that a queue page costs the same statements whatever its size.
 */

const CASE = `query Case($id: ID!, $first: Int) { moderationCase(id: $id) { id authorCases(first: $first) { id status decision post { id } } } }`;
const CASE_DEFAULT = `query Case($id: ID!) { moderationCase(id: $id) { authorCases { id } } }`;

const RANK: Record<string, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

describe('ModerationCase.authorCases', () => {
  let app: TestApp;
  let space: string;
  let moderator: TestMember;

  /** A held thread by `authorId` and its case, opened `ageSeconds` ago; resolved when a decision is given. */
  async function caseBy(authorId: string, ageSeconds: number, decision: string | null = null): Promise<{ caseId: string; postId: string }> {
    const postId = await insertThread(app, space, authorId, { status: 'HELD' });
    const rows: Array<{ id: string }> = await app.dataSource.query(
      `INSERT INTO moderation_case (post_id, priority, priority_rank, created_at, status, decision, resolved_at)
       VALUES ($1, 'NORMAL', $2, now() - make_interval(secs => $3), $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END)
       RETURNING id`,
      [postId, RANK.NORMAL, ageSeconds, decision ? 'RESOLVED' : 'OPEN', decision],
    );
    return { caseId: rows[0].id, postId };
  }

  async function authorCaseIds(caseId: string, first?: number): Promise<string[]> {
    const response = await app.gql(CASE, { id: caseId, first }, moderator.token);
    expect(response.errors).toBeUndefined();
    return response.data.moderationCase.authorCases.map((other: { id: string }) => other.id);
  }

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
    space = await firstSpaceIdInDb(app);
    moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
  });

  afterAll(async () => {
    await app?.close();
  });

  it("lists the author's other cases, resolved ones included, newest first, and nobody else's", async () => {
    const author = await registerMember(app);
    const someoneElse = await registerMember(app);
    const oldest = await caseBy(author.accountId, 300, 'REJECT');
    const middle = await caseBy(author.accountId, 200);
    const newest = await caseBy(author.accountId, 100, 'APPROVE');
    await caseBy(someoneElse.accountId, 50);

    expect(await authorCaseIds(middle.caseId)).toEqual([newest.caseId, oldest.caseId]);
    expect(await authorCaseIds(newest.caseId)).toEqual([middle.caseId, oldest.caseId]);
    const response = await app.gql(CASE, { id: middle.caseId }, moderator.token);
    expect(response.data.moderationCase.authorCases).toEqual([
      { id: newest.caseId, status: 'RESOLVED', decision: 'APPROVE', post: { id: newest.postId } },
      { id: oldest.caseId, status: 'RESOLVED', decision: 'REJECT', post: { id: oldest.postId } },
    ]);
  });

  it('takes the newest `first` (10 by default) and refuses a page size out of range', async () => {
    const author = await registerMember(app);
    const cases = [];
    for (let age = 12; age >= 0; age--) cases.push(await caseBy(author.accountId, age * 10));
    const [, ...others] = cases.reverse();
    const current = cases[0];
    expect(await authorCaseIds(current.caseId, 2)).toEqual(others.slice(0, 2).map((c) => c.caseId));
    const byDefault = await app.gql(CASE_DEFAULT, { id: current.caseId }, moderator.token);
    expect(byDefault.data.moderationCase.authorCases.map((c: { id: string }) => c.id)).toEqual(others.slice(0, 10).map((c) => c.caseId));
    for (const first of [0, -1, 101]) {
      expect(codeOf(await app.gql(CASE, { id: current.caseId, first }, moderator.token))).toBe('BAD_USER_INPUT');
    }
  });

  it('is empty for an author with no other case, and for a post whose author deleted the account', async () => {
    const author = await registerMember(app);
    const only = await caseBy(author.accountId, 10);
    expect(await authorCaseIds(only.caseId)).toEqual([]);

    const anonymous = await caseBy(author.accountId, 5);
    await app.dataSource.query(`UPDATE post SET author_id = NULL WHERE id = $1`, [anonymous.postId]);
    const another = await caseBy(author.accountId, 1);
    await app.dataSource.query(`UPDATE post SET author_id = NULL WHERE id = $1`, [another.postId]);
    // Two authorless posts are not one author's history.
    expect(await authorCaseIds(anonymous.caseId)).toEqual([]);
  });

  it('is for moderators only, like the case itself', async () => {
    const author = await registerMember(app);
    const { caseId } = await caseBy(author.accountId, 10);
    const member = await registerMember(app);
    expect(codeOf(await app.gql(CASE, { id: caseId }, member.token))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(CASE, { id: caseId }, author.token))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(CASE, { id: caseId }))).toBe('UNAUTHENTICATED');
  });

  it('costs the same statements for a queue page of 2 cases as for 12', async () => {
    const authors = [await registerMember(app), await registerMember(app), await registerMember(app)];
    for (let i = 0; i < 12; i++) await caseBy(authors[i % 3].accountId, 1000 + i);
    const page = `query Page($first: Int) { moderationQueue(first: $first) { edges { node { id authorCases(first: 3) { id status } } } } }`;
    const small = await app.countRequestQueries(page, { first: 2 }, moderator.token);
    const large = await app.countRequestQueries(page, { first: 12 }, moderator.token);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data.moderationQueue.edges).toHaveLength(12);
    expect(
      large.result.data.moderationQueue.edges.some((edge: { node: { authorCases: unknown[] } }) => edge.node.authorCases.length > 0),
    ).toBe(true);
    expect(large.count).toBe(small.count);
  });
});
