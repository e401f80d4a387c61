import { codeOf } from './support/gql';
import { firstSpaceIdInDb, insertThread } from './support/forum';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Time to review, measured: after scripted claims and decisions on cases opened at known
 * ages, moderationStats gives each priority's median and 90th percentile from opening to
 * first claim and to decision over the chosen window, and how many wait now.
 */

const RANK: Record<string, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

const STATS = `query Stats($windowHours: Int) {
  moderationStats(windowHours: $windowHours) {
    open urgentOpen medianSecondsToDecision windowHours
    byPriority {
      priority waiting oldestWaitingSince claimed medianSecondsToClaim p90SecondsToClaim
      decided medianSecondsToDecision p90SecondsToDecision
    }
  }
}`;
const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id status } }`;
const RELEASE = `mutation Release($id: ID!) { releaseCase(id: $id) { id status } }`;
const RESOLVE = `mutation Resolve($input: ResolveCaseInput!) { resolveCase(input: $input) { id status } }`;

interface PriorityTimes {
  priority: string;
  waiting: number;
  oldestWaitingSince: string | null;
  claimed: number;
  medianSecondsToClaim: number | null;
  p90SecondsToClaim: number | null;
  decided: number;
  medianSecondsToDecision: number | null;
  p90SecondsToDecision: number | null;
}

/**
 * The scripted claims happen a few seconds after the cases are opened in the past (a busy
 * machine adds more), so a measured time is the case's age plus that little: within a minute.
 */
function near(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThan(60);
}

describe('moderationStats: time to review per priority', () => {
  let app: TestApp;
  let moderator: TestMember;
  let other: TestMember;
  let author: TestMember;
  let space: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', MODERATION_STATS_WINDOW_HOURS_MAX: '720' } });
    moderator = await registerMember(app);
    other = await registerMember(app);
    author = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    await setRole(app, other.accountId, 'MODERATOR');
    space = await firstSpaceIdInDb(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  async function caseAged(priority: string, ageSeconds: number): Promise<string> {
    const postId = await insertThread(app, space, author.accountId, { status: 'HELD', body: 'who has percs near me' });
    const rows: Array<{ id: string }> = await app.dataSource.query(
      `INSERT INTO moderation_case (post_id, priority, priority_rank, created_at) VALUES ($1, $2, $3, now() - make_interval(secs => $4)) RETURNING id`,
      [postId, priority, RANK[priority], ageSeconds],
    );
    return rows[0].id;
  }

  async function stats(
    windowHours?: number,
  ): Promise<{ windowHours: number; byPriority: PriorityTimes[]; medianSecondsToDecision: number | null }> {
    const response = await app.gql(STATS, windowHours === undefined ? {} : { windowHours }, moderator.token);
    expect(response.errors).toBeUndefined();
    return response.data.moderationStats;
  }

  const of = (all: PriorityTimes[], priority: string) => all.find((row) => row.priority === priority) as PriorityTimes;

  it('starts empty, one row per priority, most urgent first', async () => {
    const { byPriority, windowHours } = await stats();
    expect(windowHours).toBe(168);
    expect(byPriority.map((row) => row.priority)).toEqual(['URGENT', 'HIGH', 'NORMAL', 'LOW']);
    for (const row of byPriority) {
      expect(row).toMatchObject({ waiting: 0, claimed: 0, decided: 0, medianSecondsToClaim: null, p90SecondsToDecision: null });
    }
  });

  it('measures opening to first claim and to decision, median and 90th percentile, and counts who waits', async () => {
    // URGENT: claimed after 10, 20 and 30 minutes; two of them decided.
    const urgent = [await caseAged('URGENT', 600), await caseAged('URGENT', 1200), await caseAged('URGENT', 1800)];
    for (const id of urgent) expect((await app.gql(CLAIM, { id }, moderator.token)).errors).toBeUndefined();
    for (const id of urgent.slice(0, 2)) {
      const resolved = await app.gql(RESOLVE, { input: { caseId: id, decision: 'APPROVE' } }, moderator.token);
      expect(resolved.errors).toBeUndefined();
    }
    // HIGH: one waits an hour with nobody on it, one claimed then released (still waiting, first claim kept).
    const waitingHigh = await caseAged('HIGH', 3600);
    const released = await caseAged('HIGH', 7200);
    expect((await app.gql(CLAIM, { id: released }, moderator.token)).errors).toBeUndefined();
    const [{ first_claimed_at: firstClaim }] = await app.dataSource.query(`SELECT first_claimed_at FROM moderation_case WHERE id = $1`, [
      released,
    ]);
    expect((await app.gql(RELEASE, { id: released }, moderator.token)).errors).toBeUndefined();
    expect((await app.gql(CLAIM, { id: released }, other.token)).errors).toBeUndefined();
    expect((await app.gql(RELEASE, { id: released }, other.token)).errors).toBeUndefined();
    const [{ first_claimed_at: afterAnother }] = await app.dataSource.query(`SELECT first_claimed_at FROM moderation_case WHERE id = $1`, [
      released,
    ]);
    expect(afterAnother).toEqual(firstClaim);

    const { byPriority, medianSecondsToDecision } = await stats();
    const u = of(byPriority, 'URGENT');
    expect(u).toMatchObject({ waiting: 0, claimed: 3, decided: 2, oldestWaitingSince: null });
    near(u.medianSecondsToClaim, 1200);
    // percentile_cont over 600, 1200, 1800: 1200 + 0.8 × 600.
    near(u.p90SecondsToClaim, 1680);
    near(u.medianSecondsToDecision, 900);
    near(u.p90SecondsToDecision, 1140);

    const h = of(byPriority, 'HIGH');
    expect(h).toMatchObject({ waiting: 2, claimed: 1, decided: 0, medianSecondsToDecision: null });
    near(h.medianSecondsToClaim, 7200);
    near((Date.now() - Date.parse(h.oldestWaitingSince as string)) / 1000, 7200);
    expect(of(byPriority, 'NORMAL')).toMatchObject({ waiting: 0, claimed: 0 });
    near(medianSecondsToDecision, 900);
    expect(waitingHigh).toBeTruthy();
  });

  it('counts a claim in the window it happened in', async () => {
    // Opened 12 days ago, first claimed 10 days ago: outside a week, inside 300 hours.
    const old = await caseAged('LOW', 12 * 86400);
    await app.dataSource.query(`UPDATE moderation_case SET first_claimed_at = now() - interval '10 days' WHERE id = $1`, [old]);
    expect(of((await stats()).byPriority, 'LOW')).toMatchObject({ claimed: 0, medianSecondsToClaim: null, waiting: 1 });
    const wide = await stats(300);
    expect(wide.windowHours).toBe(300);
    expect(of(wide.byPriority, 'LOW').claimed).toBe(1);
    near(of(wide.byPriority, 'LOW').medianSecondsToClaim, 2 * 86400);
  });

  it('refuses a window outside 1 hour to MODERATION_STATS_WINDOW_HOURS_MAX, and members', async () => {
    expect(codeOf(await app.gql(STATS, { windowHours: 0 }, moderator.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(STATS, { windowHours: 721 }, moderator.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(STATS, {}, author.token))).toBe('FORBIDDEN');
  });
});
