import { REPLY, spaces, START_THREAD } from './support/forum';
import { codes, ok } from './support/gql';
import { registerMember, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 10, progress: progress that never resets, milestones shared as screened posts,
 * pathways, content preferences. Workers off: posts stay PENDING until the test publishes them
 * in the database, so nothing waits on screening.
 */
interface Connection {
  edges: Array<{ node: { id: string } }>;
}
interface Preference {
  warning: string;
  display: string;
}
interface Me {
  timeZone: string;
  medicationStartDate: string | null;
  pathways: string[];
  member: { daysInRecovery: number | null; pathways: string[] };
  progress: {
    totalDays: number;
    currentStretchDays: number;
    comebacks: number;
    comebackDates: string[];
    daysOnMedication: number | null;
    countingFrom: string;
    milestonesReached: Array<{ days: number; years: number | null }>;
    nextMilestone: { days: number; years: number | null };
  } | null;
}

describe('progress, pathways and content preferences', () => {
  let app: TestApp;
  let member: TestMember;
  let reader: TestMember;
  let spaceId: string;
  let otherSpaceSlug: string;

  /** YYYY-MM-DD `days` before today in UTC (the accounts below count in UTC). */
  function daysAgo(days: number): string {
    const today = new Date(new Date().toISOString().slice(0, 10));
    return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  }

  const PROGRESS = `query { me { timeZone medicationStartDate pathways member { daysInRecovery pathways }
    progress { totalDays currentStretchDays comebacks comebackDates daysOnMedication countingFrom
               milestonesReached { days years } nextMilestone { days years } } } }`;
  const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id timeZone pathways } }`;
  const COMEBACK = `mutation($date: String!) { recordComeback(date: $date) { id } }`;
  const SHARE = `mutation($input: ShareMilestoneInput!) { shareMilestone(input: $input) { id status title body pathways } }`;
  const PREFER = `mutation($w: ContentWarning!, $d: WarningDisplay!) { setContentPreference(warning: $w, display: $d) { warning display } }`;

  async function publish(id: string): Promise<void> {
    await app.dataSource.query(`UPDATE post SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
  }

  async function thread(token: string, input: Record<string, unknown>): Promise<string> {
    const id = ok(await app.gql<{ startThread: { id: string } }>(START_THREAD, { input: { spaceId, ...input } }, token)).startThread.id;
    await publish(id);
    return id;
  }

  const ids = (connection: Connection): string[] => connection.edges.map((edge) => edge.node.id);

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
    member = await registerMember(app);
    reader = await registerMember(app);
    const all = await spaces(app);
    spaceId = all[0].id;
    otherSpaceSlug = all[1].slug;
  });
  afterAll(() => app?.close());

  it('counts total days that never reset, a current stretch after a came-back day, and MOUD days as recovery', async () => {
    expect(ok(await app.gql<{ me: { progress: unknown } }>(PROGRESS, {}, member.token)).me.progress).toBeNull();
    ok(await app.gql(UPDATE, { input: { recoveryStartDate: daysAgo(70), timeZone: 'UTC' } }, member.token));
    ok(await app.gql(COMEBACK, { date: daysAgo(10) }, member.token));
    ok(await app.gql(COMEBACK, { date: daysAgo(10) }, member.token));

    let me = ok(await app.gql<{ me: Me }>(PROGRESS, {}, member.token)).me;
    expect(me.progress).toMatchObject({
      totalDays: 70,
      currentStretchDays: 10,
      comebacks: 1,
      comebackDates: [daysAgo(10)],
      daysOnMedication: null,
      milestonesReached: [
        { days: 30, years: null },
        { days: 60, years: null },
      ],
      nextMilestone: { days: 90, years: null },
    });
    // Not shared yet: others see no days at all.
    expect(me.member.daysInRecovery).toBeNull();

    // Medication began before the recorded start: those days are recovery too. The stretch is untouched.
    ok(await app.gql(UPDATE, { input: { medicationStartDate: daysAgo(95), shareRecoveryDays: true } }, member.token));
    me = ok(await app.gql<{ me: Me }>(PROGRESS, {}, member.token)).me;
    expect(me.progress).toMatchObject({ totalDays: 95, currentStretchDays: 10, daysOnMedication: 95, countingFrom: daysAgo(95) });
    expect(me.progress?.milestonesReached.map((m) => m.days)).toEqual([30, 60, 90]);
    expect(me.member.daysInRecovery).toBe(95);

    // A reader sees the shared total on the member's posts, never the stretch or the came-back days.
    const id = await thread(member.token, { title: 'Morning walk', body: 'A slow morning walk and a good call with a friend.' });
    const seen = ok(
      await app.gql<{ thread: { author: Record<string, unknown> } }>(
        `query($id: ID!) { thread(id: $id) { author { daysInRecovery } } }`,
        { id },
        reader.token,
      ),
    ).thread.author;
    expect(seen).toEqual({ daysInRecovery: 95 });
  });

  it('refuses a came-back day in the future or before the start, and a time zone that is not one', async () => {
    expect(codes(await app.gql(COMEBACK, { date: daysAgo(-3) }, member.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(COMEBACK, { date: daysAgo(400) }, member.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(UPDATE, { input: { timeZone: 'Mars/Olympus_Mons' } }, member.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(COMEBACK, { date: daysAgo(3) }))).toEqual(['UNAUTHENTICATED']);
    const me = ok(await app.gql<{ me: Me }>(PROGRESS, {}, member.token)).me;
    expect(me.timeZone).toBe('UTC');
    expect(me.progress?.comebackDates).toEqual([daysAgo(10)]);
  });

  it('shares only a reached milestone, as a thread screened like any post', async () => {
    const input = { spaceId, title: '90 days', body: 'Ninety days today. Thank you all for walking with me.', pathways: ['MEDICATION'] };
    expect(codes(await app.gql(SHARE, { input: { ...input, days: 180 } }, member.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(SHARE, { input: { ...input, days: 45 } }, member.token))).toEqual(['BAD_USER_INPUT']);
    const shared = ok(
      await app.gql<{ shareMilestone: { id: string } }>(SHARE, { input: { ...input, days: 90 } }, member.token),
    ).shareMilestone;
    expect(shared).toMatchObject({ status: 'PENDING', title: '90 days', pathways: ['MEDICATION'] });
    const feed = `query { threads(first: 100) { edges { node { id } } } }`;
    expect(ids(ok(await app.gql<{ threads: Connection }>(feed, {}, reader.token)).threads)).not.toContain(shared.id);
    await publish(shared.id);
    expect(ids(ok(await app.gql<{ threads: Connection }>(feed, {}, reader.token)).threads)).toContain(shared.id);
  });

  it('tags members and threads with pathways and filters threads by one, ranking none', async () => {
    const tagged = ok(
      await app.gql<{ updateProfile: { pathways: string[] } }>(
        UPDATE,
        { input: { pathways: ['SMART', 'TWELVE_STEP', 'SMART'] } },
        member.token,
      ),
    );
    expect(tagged.updateProfile.pathways).toEqual(['TWELVE_STEP', 'SMART']);
    const smart = await thread(reader.token, {
      title: 'Tools that help',
      body: 'The cost-benefit worksheet helped me this week.',
      pathways: ['SMART'],
    });
    const faith = await thread(reader.token, {
      title: 'Evening prayer',
      body: 'Quiet evening prayer steadies me.',
      pathways: ['FAITH_BASED', 'SMART'],
    });
    const none = await thread(reader.token, { title: 'Just a hello', body: 'Hello from a rainy afternoon.' });

    const FILTER = `query($p: Pathway) { threads(first: 100, pathway: $p) { edges { node { id pathways author { pathways } } } } }`;
    for (const token of [undefined, member.token]) {
      const smartIds = ids(ok(await app.gql<{ threads: Connection }>(FILTER, { p: 'SMART' }, token)).threads);
      expect(smartIds).toEqual(expect.arrayContaining([smart, faith]));
      expect(smartIds).not.toContain(none);
      const faithIds = ids(ok(await app.gql<{ threads: Connection }>(FILTER, { p: 'FAITH_BASED' }, token)).threads);
      expect(faithIds).toContain(faith);
      expect(faithIds).not.toContain(smart);
      expect(ids(ok(await app.gql<{ threads: Connection }>(FILTER, {}, token)).threads)).toEqual(
        expect.arrayContaining([smart, faith, none]),
      );
    }
    const SPACE = `query($slug: String!, $p: Pathway) { space(slug: $slug) { threads(pathway: $p) { edges { node { id } } } } }`;
    const firstSlug = (await spaces(app))[0].slug;
    expect(ids(ok(await app.gql<{ space: { threads: Connection } }>(SPACE, { slug: firstSlug, p: 'SMART' })).space.threads)).toEqual(
      expect.arrayContaining([smart, faith]),
    );
    expect(ids(ok(await app.gql<{ space: { threads: Connection } }>(SPACE, { slug: otherSpaceSlug, p: 'SMART' })).space.threads)).toEqual(
      [],
    );
    const author = ok(await app.gql<{ me: Me }>(PROGRESS, {}, member.token)).me.member;
    expect(author.pathways).toEqual(['TWELVE_STEP', 'SMART']);
    expect(codes(await app.gql(FILTER, { p: 'BEST_PATH' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('hides posts with a warning the member chose to HIDE from their feed, space pages, replies and search, and only theirs', async () => {
    const heavy = await thread(reader.token, {
      title: 'Heavy night lantern',
      body: 'A lantern story about a heavy night.',
      contentWarnings: ['SELF_HARM'],
    });
    const light = await thread(reader.token, { title: 'Light lantern', body: 'A lantern story about a light morning.' });
    const reply = ok(
      await app.gql<{ reply: { id: string } }>(
        REPLY,
        { input: { threadId: light, body: 'A lantern reply about loss.', contentWarnings: ['LOSS'] } },
        reader.token,
      ),
    ).reply.id;
    await publish(reply);
    const own = await thread(member.token, {
      title: 'My own lantern',
      body: 'My own lantern story, about loss.',
      contentWarnings: ['LOSS'],
    });

    const set = ok(
      await app.gql<{ setContentPreference: Preference[] }>(PREFER, { w: 'SELF_HARM', d: 'HIDE' }, member.token),
    ).setContentPreference;
    expect(set).toContainEqual({ warning: 'SELF_HARM', display: 'HIDE' });
    ok(await app.gql(PREFER, { w: 'LOSS', d: 'HIDE' }, member.token));
    ok(await app.gql(PREFER, { w: 'TRAUMA', d: 'COLLAPSE' }, member.token));
    const prefs = ok(
      await app.gql<{ me: { contentPreferences: Preference[] } }>(
        `query { me { contentPreferences { warning display } } }`,
        {},
        member.token,
      ),
    ).me.contentPreferences;
    expect(prefs).toHaveLength(6);
    expect(prefs).toContainEqual({ warning: 'TRAUMA', display: 'COLLAPSE' });
    expect(prefs).toContainEqual({ warning: 'RELAPSE', display: 'SHOW' });

    const FEED = `query { threads(first: 100) { edges { node { id } } } }`;
    const SPACE = `query($slug: String!) { space(slug: $slug) { threads(first: 100) { edges { node { id } } } } }`;
    const REPLIES = `query($id: ID!) { thread(id: $id) { replies { edges { node { id } } } } }`;
    const SEARCH = `query { search(query: "lantern", first: 50) { edges { node { id } } } }`;
    const slug = (await spaces(app))[0].slug;
    const view = async (token?: string) => ({
      feed: ids(ok(await app.gql<{ threads: Connection }>(FEED, {}, token)).threads),
      space: ids(ok(await app.gql<{ space: { threads: Connection } }>(SPACE, { slug }, token)).space.threads),
      replies: ids(ok(await app.gql<{ thread: { replies: Connection } }>(REPLIES, { id: light }, token)).thread.replies),
      search: ids(ok(await app.gql<{ search: Connection }>(SEARCH, {}, token)).search),
    });

    const mine = await view(member.token);
    for (const list of [mine.feed, mine.space, mine.search]) {
      expect(list).not.toContain(heavy);
      expect(list).toContain(light);
      expect(list).toContain(own); // their own post, whatever its warnings
    }
    expect(mine.replies).toEqual([]);
    expect(mine.search).not.toContain(reply);

    for (const token of [undefined, reader.token]) {
      const theirs = await view(token);
      expect(theirs.feed).toEqual(expect.arrayContaining([heavy, light, own]));
      expect(theirs.space).toEqual(expect.arrayContaining([heavy, light, own]));
      expect(theirs.replies).toEqual([reply]);
      expect(theirs.search).toEqual(expect.arrayContaining([heavy, light, reply, own]));
    }

    ok(await app.gql(PREFER, { w: 'SELF_HARM', d: 'SHOW' }, member.token));
    expect((await view(member.token)).feed).toContain(heavy);
  });

  it('keeps progress and preferences with their owner: gone with the account', async () => {
    const leaving = await registerMember(app);
    ok(await app.gql(UPDATE, { input: { recoveryStartDate: daysAgo(20) } }, leaving.token));
    ok(await app.gql(COMEBACK, { date: daysAgo(5) }, leaving.token));
    ok(await app.gql(PREFER, { w: 'RELAPSE', d: 'HIDE' }, leaving.token));
    ok(
      await app.gql(
        `mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) }`,
        { input: { passphrase: leaving.passphrase, mode: 'ERASE' } },
        leaving.token,
      ),
    );
    const [left] = (await app.dataSource.query(
      `SELECT (SELECT count(*) FROM recovery_comeback WHERE account_id = $1)::int AS comebacks,
              (SELECT count(*) FROM content_preference WHERE account_id = $1)::int AS preferences`,
      [leaving.accountId],
    )) as Array<{ comebacks: number; preferences: number }>;
    expect(left).toEqual({ comebacks: 0, preferences: 0 });
  });
});
