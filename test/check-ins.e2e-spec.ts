import { CheckInClock } from '../src/checkins/check-in-clock';
import { HOUSE_ACCOUNT_ID } from '../src/checkins/house-account';
import { codeOf, ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { createTestDatabase, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The daily check-in over GraphQL: once per member and local day (the member's own time
 * zone, the server's clock), a private history, screening like a post (a crisis in a
 * check-in is an URGENT case and crisis resources for the member), sharing through the normal
 * reply lifecycle, and one check-in thread a day even with two API instances on one database.
 */
const CHECK_IN = `mutation C($input: CheckInInput!) {
  checkIn(input: $input) {
    id localDate timeZone mood moodWords intention note
    screenedPost { id status }
    sharedReply { id status body }
  }
}`;
const HISTORY = `query H($first: Int, $after: String) {
  me { checkIns(first: $first, after: $after) {
    edges { node { id localDate mood intention note screenedPost { id status screening { outcome categories crisisResources { name } } } sharedReply { id status body } } }
    pageInfo { hasNextPage endCursor }
  } }
}`;
const TODAYS_THREAD = `query { checkInThread { id title status author { pseudonym } space { slug } replies { edges { node { id body status } } } } }`;
const REPORT = `mutation R($input: ReportInput!) { report(input: $input) }`;
const SEARCH = `query S($q: String!) { search(query: $q) { edges { node { id } } } }`;
const QUEUE = `query { moderationQueue(priority: URGENT) { edges { node { id priority post { id body status } reasons { category } } } } }`;
const CLAIM = `mutation C($id: ID!) { claimCase(id: $id) { id status } }`;
const RESOLVE = `mutation R($input: ResolveCaseInput!) { resolveCase(input: $input) { id status decision } }`;

const CRISIS_NOTE = "I can't do this anymore. Tonight I'm going to take every pill I have saved up.";

interface CheckInNode {
  id: string;
  localDate: string;
  mood: number;
  intention: string;
  note: string | null;
  screenedPost: {
    id: string;
    status: string;
    screening: { outcome: string; categories: string[]; crisisResources: Array<{ name: string }> } | null;
  };
  sharedReply: { id: string; status: string; body: string } | null;
}

function setClock(app: TestApp, iso: string): void {
  app.running.app.get(CheckInClock).now = () => new Date(iso);
}

async function checkIn(app: TestApp, token: string, input: Record<string, unknown>) {
  return app.gql<{ checkIn: { id: string; localDate: string; timeZone: string; moodWords: string; screenedPost: { id: string } } }>(
    CHECK_IN,
    { input },
    token,
  );
}

async function history(app: TestApp, token: string): Promise<CheckInNode[]> {
  return ok(
    await app.gql<{ me: { checkIns: { edges: Array<{ node: CheckInNode }> } } }>(HISTORY, { first: 10 }, token),
  ).me.checkIns.edges.map((edge) => edge.node);
}

async function screened(app: TestApp, token: string, id: string): Promise<CheckInNode> {
  return waitFor(async () => {
    const node = (await history(app, token)).find((entry) => entry.id === id);
    return node && node.screenedPost.status !== 'PENDING' ? node : null;
  }, 30_000);
}

describe('daily check-ins', () => {
  let app: TestApp;
  let member: TestMember;
  let other: TestMember;
  let moderator: TestMember;

  beforeAll(async () => {
    app = await startTestApp();
    [member, other, moderator] = [await registerMember(app), await registerMember(app), await registerMember(app)];
    await setRole(app, moderator.accountId, 'MODERATOR');
  });
  afterAll(() => app.close());

  it("takes one check-in per day, counted in the member's own time zone by the server's clock", async () => {
    // 03:30 UTC on 7 December: still the evening of the 6th in Chicago.
    setClock(app, '2026-12-07T03:30:00Z');
    const first = ok(await checkIn(app, member.token, { mood: 2, intention: 'Call my sponsor', timeZone: 'America/Chicago' })).checkIn;
    expect(first).toMatchObject({ localDate: '2026-12-06', timeZone: 'America/Chicago', moodWords: 'Hard' });

    const again = await checkIn(app, member.token, { mood: 4, intention: 'Another try', timeZone: 'America/Chicago' });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toContain('already checked in today');

    // 07:00 UTC: one in the morning of the 7th in Chicago, a new day for this member.
    setClock(app, '2026-12-07T07:00:00Z');
    const second = ok(
      await checkIn(app, member.token, { mood: 4, intention: 'Go for a walk', note: 'Slept well', timeZone: 'America/Chicago' }),
    ).checkIn;
    expect(second.localDate).toBe('2026-12-07');

    // Newest first, and nothing about streaks or missed days anywhere.
    const entries = await history(app, member.token);
    expect(entries.map((entry) => [entry.localDate, entry.mood, entry.intention, entry.note])).toEqual([
      ['2026-12-07', 4, 'Go for a walk', 'Slept well'],
      ['2026-12-06', 2, 'Call my sponsor', null],
    ]);
    const page = ok(await app.gql(HISTORY, { first: 1 }, member.token)).me.checkIns;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = ok(await app.gql(HISTORY, { first: 1, after: page.pageInfo.endCursor }, member.token)).me.checkIns;
    expect(next.edges.map((edge: { node: CheckInNode }) => edge.node.localDate)).toEqual(['2026-12-06']);
  });

  it('gives one check-in and one CONFLICT when two requests race for the same day', async () => {
    setClock(app, '2026-12-09T12:00:00Z');
    const racer = await registerMember(app);
    const answers = await Promise.all(
      [1, 2, 3].map((mood) => checkIn(app, racer.token, { mood, intention: `racing ${mood}`, timeZone: 'Europe/Madrid' })),
    );
    expect(answers.filter((answer) => answer.data?.checkIn).length).toBe(1);
    expect(answers.filter((answer) => codeOf(answer) === 'CONFLICT').length).toBe(2);
    expect((await history(app, racer.token)).length).toBe(1);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM post WHERE author_id = $1`, [racer.accountId]);
    expect(count).toBe(1);
  });

  it('refuses a time zone it does not know and a mood outside 1 to 5', async () => {
    expect(codeOf(await checkIn(app, other.token, { mood: 3, intention: 'x', timeZone: 'Mars/Olympus' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await checkIn(app, other.token, { mood: 6, intention: 'x' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(CHECK_IN, { input: { mood: 3, intention: 'x' } }))).toBe('UNAUTHENTICATED');
  });

  it('keeps a check-in as written: its private words cannot be edited or withdrawn as a post', async () => {
    setClock(app, '2026-12-10T12:00:00Z');
    const writer = await registerMember(app);
    const made = ok(await checkIn(app, writer.token, { mood: 3, intention: 'Drink water and rest' })).checkIn;
    const edit = await app.gql(
      `mutation E($input: EditPostInput!) { editPost(input: $input) { id } }`,
      {
        input: { id: made.screenedPost.id, body: 'Different words' },
      },
      writer.token,
    );
    expect(codeOf(edit)).toBe('CONFLICT');
    const withdraw = await app.gql(`mutation W($id: ID!) { withdrawPost(id: $id) { id } }`, { id: made.screenedPost.id }, writer.token);
    expect(codeOf(withdraw)).toBe('CONFLICT');
    expect((await history(app, writer.token)).map((entry) => entry.intention)).toEqual(['Drink water and rest']);
  });

  it('keeps the history private: nobody else reads it', async () => {
    // Account is only ever the viewer's own: another member's me holds their (empty) history, never this member's.
    expect(ok(await app.gql(`query { me { id } }`, {}, other.token)).me.id).toBe(other.accountId);
    expect(await history(app, other.token)).toEqual([]);
    expect((await history(app, member.token)).length).toBe(2);
  });

  it('screens a check-in like a post: a crisis shows the member crisis resources and opens an URGENT case, and stays private', async () => {
    setClock(app, '2026-12-10T15:00:00Z');
    const crisisMember = await registerMember(app);
    const made = ok(await checkIn(app, crisisMember.token, { mood: 1, intention: 'Get through today', note: CRISIS_NOTE })).checkIn;
    const entry = await screened(app, crisisMember.token, made.id);
    expect(entry.screenedPost.status).toBe('HELD');
    expect(entry.screenedPost.screening?.categories).toContain('SELF_HARM');
    expect(entry.screenedPost.screening?.crisisResources.map((resource) => resource.name)).toEqual(
      expect.arrayContaining([expect.stringContaining('988')]),
    );

    // The moderators' queue has it as URGENT, with the words they need to act on.
    const urgent = await waitFor(async () => {
      const edges = ok(await app.gql(QUEUE, {}, moderator.token)).moderationQueue.edges as Array<{
        node: { id: string; priority: string; post: { id: string; body: string } };
      }>;
      return edges.find((edge) => edge.node.post.id === made.screenedPost.id)?.node;
    });
    expect(urgent.priority).toBe('URGENT');
    expect(urgent.post.body).toContain('every pill');

    // Even approved by a moderator, the check-in's words are never public.
    ok(await app.gql(CLAIM, { id: urgent.id }, moderator.token));
    const decided = ok(
      await app.gql(RESOLVE, { input: { caseId: urgent.id, decision: 'APPROVE', noteToAuthor: 'We are here for you.' } }, moderator.token),
    );
    expect(decided.resolveCase.status).toBe('RESOLVED');
    // The member hears that a moderator read it, with the note, and that it stays private (never "it is live").
    const told = ok(
      await app.gql(`query { me { notifications(first: 10) { edges { node { kind message } } } } }`, {}, crisisMember.token),
    ).me.notifications.edges.map((edge: { node: { kind: string; message: string } }) => edge.node);
    expect(told).toEqual([{ kind: 'CHECK_IN_REVIEWED', message: expect.stringContaining('We are here for you.') }]);
    expect(told[0].message).toContain('stays private');
    expect(codeOf(await app.gql(REPORT, { input: { postId: made.screenedPost.id, reason: 'SPAM' } }, other.token))).toBe('NOT_FOUND');
    const found = ok(await app.gql(SEARCH, { q: 'saved pill tonight' }, other.token)).search.edges as Array<{ node: { id: string } }>;
    expect(found.map((edge) => edge.node.id)).not.toContain(made.screenedPost.id);
    const thread = ok(await app.gql(TODAYS_THREAD)).checkInThread;
    expect(JSON.stringify(thread)).not.toContain('every pill');
  });

  it('takes every check-in and its private words along when the member deletes the account, even with ANONYMIZE', async () => {
    setClock(app, '2026-12-10T18:00:00Z');
    const leaving = await registerMember(app);
    const made = ok(await checkIn(app, leaving.token, { mood: 3, intention: 'Pack up calmly', note: 'A quiet evening at home' })).checkIn;
    // Screened and passed: the private post is PUBLISHED (and still private), the status ANONYMIZE keeps for other posts.
    expect((await screened(app, leaving.token, made.id)).screenedPost.status).toBe('PUBLISHED');
    const deleted = await app.gql(
      `mutation D($input: DeleteAccountInput!) { deleteAccount(input: $input) }`,
      { input: { passphrase: leaving.passphrase, mode: 'ANONYMIZE' } },
      leaving.token,
    );
    expect(ok(deleted).deleteAccount).toBe(true);
    expect(await app.dataSource.query('SELECT id FROM post WHERE id = $1', [made.screenedPost.id])).toEqual([]);
    expect(await app.dataSource.query('SELECT id FROM check_in WHERE id = $1', [made.id])).toEqual([]);
  });

  it("shares mood and intention to today's thread as a reply that is screened before it is published", async () => {
    setClock(app, '2026-12-11T09:00:00Z');
    const sharer = await registerMember(app);
    const made = ok(
      await app.gql(
        CHECK_IN,
        { input: { mood: 5, intention: 'Cook dinner with my kids', note: 'a private detail', share: true } },
        sharer.token,
      ),
    ).checkIn;
    expect(made.sharedReply.status).toBe('PENDING');
    expect(made.sharedReply.body).toContain('Cook dinner with my kids');
    expect(made.sharedReply.body).not.toContain('a private detail');

    const reply = await waitFor(async () => {
      const thread = ok(await app.gql(TODAYS_THREAD)).checkInThread;
      return thread.replies.edges.find((edge: { node: { id: string } }) => edge.node.id === made.sharedReply.id)?.node;
    }, 30_000);
    expect(reply.status).toBe('PUBLISHED');
    const thread = ok(await app.gql(TODAYS_THREAD)).checkInThread;
    expect(thread).toMatchObject({ status: 'PUBLISHED', author: { pseudonym: 'Kindred check-ins' }, space: { slug: 'check-ins' } });
    expect(thread.title).toContain('11 December 2026');
    // The house account opened the thread but is told of no reply in it: it mutes its own space.
    const told = (await app.dataSource.query(`SELECT count(*)::int AS count FROM notification WHERE account_id = $1`, [
      HOUSE_ACCOUNT_ID,
    ])) as Array<{
      count: number;
    }>;
    expect(told[0].count).toBe(0);
  });
});

describe('the daily check-in thread with two API instances on one database', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const database = await createTestDatabase();
    // One after the other: the second finds the migrations applied by the first.
    first = await startTestApp({ database });
    second = await startTestApp({ database });
  }, 180_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('is opened exactly once a day, however many requests arrive on both at once', async () => {
    for (const app of [first, second]) setClock(app, '2026-12-12T08:00:00Z');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => (index % 2 ? first : second).gql(TODAYS_THREAD)));
    const ids = new Set(answers.map((answer) => ok(answer).checkInThread.id));
    expect(ids.size).toBe(1);
    const [{ count }] = await first.dataSource.query(`SELECT count(*)::int AS count FROM post WHERE author_id = $1 AND kind = 'THREAD'`, [
      HOUSE_ACCOUNT_ID,
    ]);
    expect(count).toBe(1);

    // The next day has a thread of its own.
    for (const app of [first, second]) setClock(app, '2026-12-13T08:00:00Z');
    const [a, b] = await Promise.all([first.gql(TODAYS_THREAD), second.gql(TODAYS_THREAD)]);
    expect(ok(a).checkInThread.id).toBe(ok(b).checkInThread.id);
    expect(ids.has(ok(a).checkInThread.id)).toBe(false);
  });
});
