import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser';
import { ok } from './support/gql';
import { registerMember, type TestMember } from './support/members';
import { useBrowserApp } from './support/browser-app';
import type { TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Issue 10, progress, in a real browser: the account page's progress (a came-back day, days on
 * medication, a milestone shared), pathways and content preferences, and the feed honouring
 * them (pathway filter, a hidden topic gone, a collapsed one folded). Workers off: threads are
 * published in the database, so nothing waits on screening. Needs `npm run build` first.
 */
const UI_MS = 20_000;

const START_THREAD = `mutation Start($input: StartThreadInput!) { startThread(input: $input) { id } }`;

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('progress, pathways and content preferences in the browser', () => {
  const web = useBrowserApp({ WORKERS: 'off' }, UI_MS);
  let app: TestApp;
  beforeAll(() => {
    app = web.app;
  });

  /** YYYY-MM-DD `days` before today in UTC (the member counts in UTC). */
  function daysAgo(days: number): string {
    const today = new Date(new Date().toISOString().slice(0, 10));
    return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  }

  async function publishedThread(token: string, input: Record<string, unknown>): Promise<string> {
    const [space] = ok(await app.gql<{ spaces: Array<{ id: string }> }>('{ spaces { id } }')).spaces;
    const { id } = ok(
      await app.gql<{ startThread: { id: string } }>(START_THREAD, { input: { spaceId: space.id, ...input } }, token),
    ).startThread;
    await app.dataSource.query(`UPDATE post SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
    return id;
  }

  it('records a came-back day and medication without losing a day, and shares a reached milestone for review', async () => {
    const { page, member } = await web.signedIn();
    ok(
      await app.gql(`mutation { updateProfile(input: { recoveryStartDate: "${daysAgo(35)}", timeZone: "UTC" }) { id } }`, {}, member.token),
    );

    await page.goto('/account');
    const progress = page.getByRole('region', { name: 'Your progress' });
    await progress.getByText('35 days in recovery').waitFor();

    await progress.getByLabel('I came back on').fill(daysAgo(5));
    await progress.getByRole('button', { name: 'Record this day' }).click();
    await progress.getByText(`5 days since ${daysAgo(5)}`).waitFor();
    await progress.getByText('Times you came back: 1.', { exact: false }).waitFor();
    expect(await progress.getByText('35 days in recovery').isVisible()).toBe(true);

    await progress.getByLabel(/The day you began medication/).fill(daysAgo(50));
    await progress.getByRole('button', { name: 'Save', exact: true }).click();
    await progress.getByText('50 days in recovery').waitFor();
    await progress.getByText(/50 days on medication \(MOUD\)/).waitFor();
    // The came-back day still begins the current stretch.
    expect(await progress.getByText(`5 days since ${daysAgo(5)}`).isVisible()).toBe(true);

    await progress.getByRole('button', { name: 'Share 30 days' }).click();
    const title = progress.getByLabel('Title');
    expect(await title.inputValue()).toBe('Celebrating 30 days');
    await progress.getByLabel('Your story').fill('Thirty days, one at a time. Thank you, everyone.');
    await progress.getByRole('button', { name: 'Share with the community' }).click();
    await progress.getByText(/Thank you for sharing/).waitFor();
    const rows: Array<{ status: string; body: string }> = await app.dataSource.query(
      `SELECT status, body FROM post WHERE author_id = $1 AND title = 'Celebrating 30 days'`,
      [member.accountId],
    );
    expect(rows).toEqual([{ status: 'PENDING', body: 'Thirty days, one at a time. Thank you, everyone.' }]);
  });

  it('tags pathways, filters the feed by one, hides and folds topics as the member chose', async () => {
    const member = await registerMember(app);
    const writer = await registerMember(app);
    const again = await signedInAs(member);
    const smart = `Worksheet evening ${Date.now()}`;
    const faith = `Prayer circle ${Date.now()}`;
    const heavy = `Heavy night ${Date.now()}`;
    const grief = `Missing my brother ${Date.now()}`;
    await publishedThread(writer.token, { title: smart, body: 'The cost-benefit worksheet helped tonight.', pathways: ['SMART'] });
    await publishedThread(writer.token, { title: faith, body: 'Our prayer circle met again this week.', pathways: ['FAITH_BASED'] });
    await publishedThread(writer.token, { title: heavy, body: 'A heavy night, and I reached out.', contentWarnings: ['SELF_HARM'] });
    await publishedThread(writer.token, { title: grief, body: 'A year since my brother died.', contentWarnings: ['LOSS'] });

    await again.goto('/account');
    const pathways = again.getByRole('form', { name: 'Your pathways' });
    await pathways.getByRole('checkbox', { name: 'SMART Recovery' }).check();
    await pathways.getByRole('button', { name: 'Save pathways' }).click();
    await pathways.getByRole('status').getByText('Saved.').waitFor();
    expect(
      ok(await app.gql<{ me: { member: { pathways: string[] } } }>('{ me { member { pathways } } }', {}, member.token)).me.member.pathways,
    ).toEqual(['SMART']);

    const preferences = again.getByRole('region', { name: 'Content preferences' });
    await preferences.getByLabel('self-harm', { exact: true }).selectOption('HIDE');
    await preferences.getByRole('status').waitFor();
    await preferences.getByLabel('loss', { exact: true }).selectOption('COLLAPSE');
    await waitFor(async () => {
      const prefs = ok(
        await app.gql<{ me: { contentPreferences: Array<{ warning: string; display: string }> } }>(
          '{ me { contentPreferences { warning display } } }',
          {},
          member.token,
        ),
      ).me.contentPreferences;
      return prefs.some((p) => p.warning === 'LOSS' && p.display === 'COLLAPSE');
    }, UI_MS);

    await again.goto('/');
    const threads = again.getByRole('region', { name: 'Threads' });
    await threads.getByRole('link', { name: smart }).waitFor();
    await threads.getByRole('link', { name: faith }).waitFor({ state: 'visible' });
    // Hidden by the server: not on the page at all.
    expect(await threads.getByText(heavy).count()).toBe(0);
    // Folded, title too, until opened.
    expect(await threads.getByText(grief).count()).toBe(0);
    const folded = threads.getByText('A post about loss, folded as you asked.');
    await folded.waitFor();
    await threads.getByRole('button', { name: 'Open it' }).click();
    await threads.getByRole('link', { name: grief }).waitFor();

    await again.getByLabel('Pathway').selectOption('SMART');
    // The list is asked again for the pathway: wait for the new answer, then only SMART threads remain.
    await waitFor(
      async () =>
        (await threads.getByRole('link', { name: smart }).count()) === 1 &&
        (await threads.getByRole('link', { name: faith }).count()) === 0,
      UI_MS,
    );
    // Shown, not merely in the page: a busy machine may still be drawing the new answer.
    await threads.getByRole('link', { name: smart }).waitFor({ state: 'visible' });
    expect(await threads.getByRole('link', { name: faith }).count()).toBe(0);
  });

  /** A fresh browser context signed in as an existing member (session cookie from signIn). */
  async function signedInAs(member: TestMember): Promise<Page> {
    const page = await web.page();
    const response = await page.context().request.post('/graphql', {
      data: {
        query: `mutation SignIn($input: SignInInput!) { signIn(input: $input) { account { id } } }`,
        variables: { input: { pseudonym: member.pseudonym, passphrase: member.passphrase } },
      },
    });
    expect(response.ok()).toBe(true);
    return page;
  }
});
