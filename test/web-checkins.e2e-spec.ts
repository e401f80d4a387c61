import type { Page } from 'playwright-core';
import { browserAvailable, describeViolations, runAxe } from './support/browser';
import { useBrowserApp } from './support/browser-app';

/**
 * The daily check-in page in a real browser against the real app: a member picks how today
 * feels by its words, writes an intention, optionally shares, sees their history (and crisis
 * resources at once when their words read as a crisis), and cannot check in twice a day.
 * Needs `npm run build` first: the API serves dist/web.
 */
const SCREENED_MS = 30_000;
const UI_MS = 20_000;
const CRISIS_NOTE = 'I have decided to kill myself tonight. The pills are counted out and this is my goodbye.';

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('the daily check-in page', () => {
  const web = useBrowserApp({}, UI_MS);

  /** A member signed in in a browser whose clock is in Chicago: the check-in's day is theirs. */
  async function signedInPage(): Promise<Page> {
    return (await web.signedIn({ timezoneId: 'America/Chicago' })).page;
  }

  it('saves a check-in picked by words, lists it in the history, shares it, and offers no second one today', async () => {
    const page = await signedInPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check-in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Daily check-in' }).waitFor();

    const moods = page.getByRole('radiogroup', { name: 'How does today feel?' });
    expect(await moods.getByRole('radio').count()).toBe(5);
    await moods.getByRole('radio', { name: 'Good', exact: true }).check();
    await page.getByLabel('One small intention for today').fill('Get to my evening meeting');
    await page.getByLabel('A note for yourself (optional)').fill('Slept badly but I am here');
    await page.getByRole('checkbox', { name: /Also share how today feels/ }).check();
    const violations = await runAxe(page);
    expect(describeViolations(violations)).toBe('');
    await page.getByRole('button', { name: 'Save my check-in' }).click();

    await page.getByText('Thank you for checking in.').waitFor();
    const history = page.getByRole('list').filter({ hasText: 'Get to my evening meeting' });
    await history.getByText('Today felt: Good').waitFor();
    await history.getByText('Shared in the thread').waitFor();
    await page.getByRole('link', { name: "See today's check-in thread" }).click();
    // The shared reply (mood and intention, not the note) shows in the day's thread once screening published it.
    await page.getByText('My intention: Get to my evening meeting').waitFor({ timeout: SCREENED_MS });
    expect(await page.getByText('Slept badly but I am here').count()).toBe(0);

    await page.goto('/check-in');
    await page.getByText('You have checked in today.').waitFor();
    expect(await page.getByRole('button', { name: 'Save my check-in' }).count()).toBe(0);
  });

  it('shows crisis resources at once when the words of a check-in read as a crisis', async () => {
    const page = await signedInPage();
    await page.goto('/check-in');
    await page.getByRole('radiogroup', { name: 'How does today feel?' }).getByRole('radio', { name: 'Really hard' }).check();
    await page.getByLabel('One small intention for today').fill('Get through tonight');
    await page.getByLabel('A note for yourself (optional)').fill(CRISIS_NOTE);
    await page.getByRole('button', { name: 'Save my check-in' }).click();
    const help = page.getByRole('region', { name: 'You do not have to go through this alone' });
    await help.waitFor({ timeout: SCREENED_MS });
    expect(await help.textContent()).toContain('988');
  });
});
