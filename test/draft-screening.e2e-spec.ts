import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ScreeningPool } from '../src/screening/pool/screening-pool';
import { codeOf, ok } from './support/gql';
import { registerMember, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * screenDraft is the one place a member makes the API run the engine on demand. Replays the
 * attack (many long drafts at once, to stall every other request) and sees it fail: the
 * engine runs in the screening pool's threads, so /health still answers; each account has a
 * budget of checks; and when the pool is saturated drafts are refused, not queued forever.
 */

const DRAFT = `query Draft($body: String!) { screenDraft(body: $body) { outcome categories } }`;
const CALM = 'Today I went to my meeting and talked with my sponsor about the week, and it helped. ';

/** A calm draft of exactly `chars` characters (the longest a post may be, by default). */
function longDraft(tag: number, chars = 20_000): string {
  return `Draft ${tag}. ${CALM.repeat(Math.ceil(chars / CALM.length))}`.slice(0, chars);
}

describe('screenDraft under load', () => {
  let app: TestApp;
  let pool: ScreeningPool;
  let member: TestMember;

  beforeAll(async () => {
    // One thread, so the drafts queue behind each other and stay in flight for a while.
    app = await startTestApp({
      env: { WORKERS: 'off', SCREENING_THREADS: '1', SCREENING_QUEUE_MAX: '100', SCREEN_DRAFT_RATE_LIMIT: '1000' },
    });
    pool = app.running.app.get(ScreeningPool);
    member = await registerMember(app);
  });
  afterAll(() => app.close());

  it('leaves the API answering while long drafts are screened, each in a pool thread', async () => {
    const count = 10;
    const completedBefore = pool.completed;
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    let answered = 0;
    const drafts = Array.from({ length: count }, (_, i) =>
      app.gql<{ screenDraft: { outcome: string } }>(DRAFT, { body: longDraft(i) }, member.token).then((response) => {
        answered += 1;
        return response;
      }),
    );

    // Several drafts are waiting for the one thread: screening is in progress, off this loop.
    // (With the engine on the event loop, nothing ever waits in the pool and this times out.)
    await waitFor(async () => pool.waiting >= 3, 30_000, 5);
    const health = await fetch(`${app.baseUrl}/health`);
    const answeredWhenHealthAnswered = answered;
    expect(health.status).toBe(200);
    expect(answeredWhenHealthAnswered).toBeLessThan(count);

    const responses = await Promise.all(drafts);
    loopDelay.disable();
    for (const response of responses) expect(ok(response).screenDraft.outcome).toBe('PUBLISH');
    // Every draft was screened by a pool thread, once.
    expect(pool.completed - completedBefore).toBe(count);
    console.log(
      `${count} drafts of 20,000 characters: /health answered after ${answeredWhenHealthAnswered} of them; ` +
        `event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`,
    );
  });
});

describe('screenDraft limits', () => {
  let app: TestApp;
  let pool: ScreeningPool;

  beforeAll(async () => {
    // Room for exactly one screening at a time (one thread, no queue) and three drafts per account per ten minutes.
    app = await startTestApp({
      env: {
        WORKERS: 'off',
        SCREENING_THREADS: '1',
        SCREENING_QUEUE_MAX: '0',
        SCREEN_DRAFT_RATE_LIMIT: '3',
        SCREEN_DRAFT_RATE_WINDOW_SECONDS: '600',
      },
    });
    pool = app.running.app.get(ScreeningPool);
  });
  afterAll(() => app.close());

  it('refuses the fourth draft check in the window with RATE_LIMITED, for that account only', async () => {
    const [member, other] = [await registerMember(app), await registerMember(app)];
    for (let i = 0; i < 3; i++) expect(ok(await app.gql(DRAFT, { body: `Checking in, day ${i}.` }, member.token))).toBeTruthy();

    const completedBefore = pool.completed;
    const refused = await app.gql(DRAFT, { body: 'One more check.' }, member.token);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.errors?.[0].extensions?.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(pool.completed).toBe(completedBefore); // refused before any screening

    expect(
      ok(await app.gql<{ screenDraft: { outcome: string } }>(DRAFT, { body: 'My first check.' }, other.token)).screenDraft.outcome,
    ).toBe('PUBLISH');
  });

  it('lets exactly the budget through when the checks arrive at once', async () => {
    const member = await registerMember(app);
    // Five at once. Checks past the budget are refused by the budget; those within it may still
    // find the pool's one slot taken (refused as busy), so only the budget's refusals are counted.
    const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => app.gql(DRAFT, { body: `Same moment ${i}.` }, member.token)));
    const limited = responses.filter(
      (response) => codeOf(response) === 'RATE_LIMITED' && /checked a lot of drafts/.test(response.errors?.[0].message ?? ''),
    );
    expect(limited).toHaveLength(2);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM draft_check WHERE account_id = $1`, [
      member.accountId,
    ]);
    expect(count).toBe(3);
  });

  it('refuses a draft with RATE_LIMITED while the pool is full, and screens it once there is room', async () => {
    const member = await registerMember(app);
    // Take the pool's one slot with a long screening of our own (not a draft, so no budget is used).
    const occupying = pool.screen({ body: longDraft(0, 200_000) });
    const refused = await app.gql(DRAFT, { body: 'Is there room?' }, member.token);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].message).toMatch(/busy/);
    await occupying;

    const accepted = await app.gql<{ screenDraft: { outcome: string } }>(DRAFT, { body: 'Is there room now?' }, member.token);
    expect(ok(accepted).screenDraft.outcome).toBe('PUBLISH');
  });
});
