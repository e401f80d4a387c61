import type { Page } from 'playwright-core';
import { browserAvailable, describeViolations, runAxe, screenshot } from './support/browser';
import { calmText, REPLY, startThread, waitForScreened } from './support/forum';
import { ok } from './support/gql';
import { registerMember, type TestMember } from './support/members';
import { useBrowserApp } from './support/browser-app';
import type { TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Follow, bookmark, block and mute in a real browser (issue 10), found by role and accessible
 * name with the English words of web/src/i18n/connection.en.ts. Needs `npm run build` first.
 */

const UI_MS = 20_000;
const SCREENED_MS = 30_000;
const THREAD_REPLIES = `query Replies($id: ID!) { thread(id: $id) { replies(first: 50) { edges { node { id status } } } } }`;

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('follow, bookmark, block and mute in the web client', () => {
  const web = useBrowserApp({ POST_RATE_LIMIT: '1000' }, UI_MS);
  let app: TestApp;
  beforeAll(() => {
    app = web.app;
  });

  async function publishedThread(author: TestMember, title: string): Promise<string> {
    const { id } = await startThread(app, author.token, calmText(title), title);
    expect(await waitForScreened(app, author.token, id, SCREENED_MS)).toBe('PUBLISHED');
    return id;
  }

  async function publishedReply(author: TestMember, threadId: string, body: string): Promise<string> {
    const { id } = ok(await app.gql<{ reply: { id: string } }>(REPLY, { input: { threadId, body } }, author.token)).reply;
    await waitFor(async () => {
      const replies = ok(
        await app.gql<{ thread: { replies: { edges: Array<{ node: { id: string; status: string } }> } } }>(
          THREAD_REPLIES,
          { id: threadId },
          author.token,
        ),
      );
      return replies.thread.replies.edges.some((edge) => edge.node.id === id && edge.node.status === 'PUBLISHED');
    }, SCREENED_MS);
    return id;
  }

  async function expectNoViolations(page: Page, name: string): Promise<void> {
    await waitFor(async () => (await page.getByRole('main').getByText('Loading…').count()) === 0, UI_MS);
    await screenshot(page, name);
    const violations = await runAxe(page);
    if (violations.length > 0) throw new Error(`axe on ${name}:\n${describeViolations(violations)}`);
  }

  it('follows a story, is told of a reply, and stops following right from the notification', async () => {
    const { page } = await web.signedIn();
    const author = await registerMember(app);
    const replier = await registerMember(app);
    const title = 'Morning walks keep me steady';
    const threadId = await publishedThread(author, title);

    await page.goto(`/t/${threadId}`);
    await page.getByRole('button', { name: 'Follow this story' }).click();
    await page.getByRole('button', { name: 'Following', pressed: true }).waitFor();
    await expectNoViolations(page, 'connection-thread-following');

    await publishedReply(replier, threadId, 'Walking helps me too, especially early before work.');
    await page.goto('/notifications');
    const notice = page.getByRole('listitem').filter({ hasText: 'There is a new reply in a story you follow:' });
    await notice.getByRole('link', { name: title }).waitFor();
    await notice.getByRole('button', { name: 'Stop following' }).click();
    await notice.getByRole('status').filter({ hasText: 'You no longer follow this story.' }).waitFor();

    await page.goto(`/t/${threadId}`);
    await page.getByRole('button', { name: 'Follow this story', pressed: false }).waitFor();
  }, 180_000);

  it('bookmarks a story and finds it on the Saved page beside offline copies', async () => {
    const { page } = await web.signedIn();
    const author = await registerMember(app);
    const title = 'A list of meetings that helped';
    const threadId = await publishedThread(author, title);

    await page.goto(`/t/${threadId}`);
    await page.getByRole('button', { name: 'Bookmark', exact: true }).first().click();
    await page.getByRole('button', { name: 'Bookmarked', exact: true, pressed: true }).waitFor();

    await page.goto('/saved');
    await page.getByRole('heading', { level: 1, name: 'Saved', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bookmarks' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Saved for offline reading' }).waitFor();
    await page.getByRole('link', { name: title }).waitFor();
    await expectNoViolations(page, 'connection-saved');
    await page.getByRole('button', { name: 'Remove bookmark' }).click();
    await page.getByText('No bookmarks yet.').waitFor();
  }, 180_000);

  it('blocks a reply’s author after a plain confirmation, hides their reply, and unblocks from the account page', async () => {
    const { page } = await web.signedIn();
    const author = await registerMember(app);
    const other = await registerMember(app);
    const threadId = await publishedThread(author, 'Small wins this week');
    const replyText = 'I cooked dinner for my kids three nights in a row.';
    await publishedReply(other, threadId, replyText);

    await page.goto(`/t/${threadId}`);
    await page.getByText(replyText).waitFor();
    let confirmation = '';
    page.once('dialog', (dialog) => {
      confirmation = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: `Block ${other.pseudonym}` }).click();
    await waitFor(async () => (await page.getByText(replyText).count()) === 0, UI_MS);
    expect(confirmation).toContain('They are not told.');

    await page.goto('/account');
    await page.getByRole('heading', { name: 'Members you blocked' }).waitFor();
    await page.getByRole('button', { name: `Unblock ${other.pseudonym}` }).click();
    await page.getByText('You have not blocked anyone.').waitFor();
    await page.goto(`/t/${threadId}`);
    await page.getByText(replyText).waitFor();
  }, 180_000);

  it('mutes a story out of the feed, says so on its page, and unmutes it', async () => {
    const { page } = await web.signedIn();
    const author = await registerMember(app);
    const title = 'Quiet evenings, good books';
    const threadId = await publishedThread(author, title);

    await page.goto(`/t/${threadId}`);
    await page.getByRole('button', { name: 'Mute this story', exact: true }).click();
    await page.getByText('You muted this story').waitFor();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waitFor(async () => (await page.getByRole('main').getByText('Loading…').count()) === 0, UI_MS);
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);

    await page.goto(`/t/${threadId}`);
    await page.getByRole('button', { name: 'Unmute this story', pressed: true }).click();
    await page.getByRole('button', { name: 'Mute this story', exact: true, pressed: false }).waitFor();
    await page.goto('/');
    await page.getByRole('link', { name: title }).waitFor();
  }, 180_000);
});
