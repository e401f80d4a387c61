import { calmText, startThread, waitForScreened } from './support/forum';
import { registerMember, TestMember } from './support/members';
import { queueBackends, startTestApp, TestApp } from './support/test-app';

/** Well past how long screening takes on a loaded machine, and far short of the fallback poll below. */
const PROMPTLY_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A member's post is screened as soon as it is submitted: the idle worker is woken by the
 * enqueue itself (NOTIFY on the Postgres backend, a marker on Redis), not by a timer. Here
 * the worker's fallback look (QUEUE_DRAIN_DELAY_SECONDS) is a minute and the sweeper does
 * not run, so a post published within seconds was taken because the queue said so.
 */
describe.each(queueBackends())('an idle worker on the %s queue', (queue) => {
  let app: TestApp;
  let members: TestMember[];

  beforeAll(async () => {
    app = await startTestApp({
      queue,
      env: { QUEUE_DRAIN_DELAY_SECONDS: '60', SWEEP_INTERVAL_SECONDS: '3600', PENDING_GRACE_SECONDS: '3600' },
    });
    members = [];
    for (let i = 0; i < 4; i++) members.push(await registerMember(app));
  });
  afterAll(() => app.close());

  it('publishes a post promptly after submit, well before its fallback look', async () => {
    // Let the worker find the queue empty and settle into its (minute-long) wait.
    await sleep(1_500);
    const submitted = Date.now();
    const thread = await startThread(app, members[0].token, calmText('wake-up one'), 'Woke up early');
    expect(await waitForScreened(app, members[0].token, thread.id, PROMPTLY_MS)).toBe('PUBLISHED');
    expect(Date.now() - submitted).toBeLessThan(PROMPTLY_MS);
  });

  it('publishes posts from several members submitted at once, again after the worker went idle', async () => {
    await sleep(1_500);
    const submitted = Date.now();
    const threads = await Promise.all(
      members.map((member, i) =>
        startThread(app, member.token, calmText(`wake-up burst ${i}`), `Morning ${i}`).then((t) => ({ member, t })),
      ),
    );
    const statuses = await Promise.all(threads.map(({ member, t }) => waitForScreened(app, member.token, t.id, PROMPTLY_MS)));
    expect(statuses).toEqual(threads.map(() => 'PUBLISHED'));
    expect(Date.now() - submitted).toBeLessThan(PROMPTLY_MS);
  });
});
