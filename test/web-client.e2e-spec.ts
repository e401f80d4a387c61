import * as fs from 'node:fs';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { browserAvailable, describeViolations, runAxe, screenshot } from './support/browser';
import { useBrowserApp } from './support/browser-app';
import { waitForScreened, waitPublishedThread } from './support/forum';
import { ok } from './support/gql';
import { registerMember, setRole, type TestMember } from './support/members';
import type { TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The web client in a real browser (chromium through playwright-core), against the real app:
 * what a member, a reader and a moderator notice, found by role and accessible name with the
 * English words of web/src/i18n/en.ts. Needs `npm run build` first: the API serves dist/web.
 */

/** Screening, the sweeper and a busy 2-core machine: how long a post may take to leave review. */
const SCREENED_MS = 30_000;
const UI_MS = 20_000;

const CALM_STORY =
  'Ninety days today. I went for a long walk by the river this morning and called my sponsor afterwards. Grateful for this group.';
/** Read by screening as someone about to end their life: held, with crisis resources. */
const CRISIS_STORY = 'I have decided to kill myself tonight. The pills are counted out and this is my goodbye to all of you.';
/** Read by screening as dosing instructions: held for a moderator, not urgent. */
const DOSING_STORY =
  'If you are tapering, start with 16mg of bupe and drop by 2mg each week, dissolve it under your tongue for 10 minutes.';

const START_THREAD = `mutation Start($input: StartThreadInput!) { startThread(input: $input) { id status } }`;
const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id } }`;
const RELEASE = `mutation Release($id: ID!) { releaseCase(id: $id) { id } }`;

/**
 * Records, from the first script of every page on, which of these phrases the page ever showed:
 * a state that lasts less than a poll (a post being reviewed) is still seen.
 */
const WATCHED_PHRASES = ['Being reviewed.', 'Held for a moderator.'];
const WATCH_SCRIPT = `(() => {
  const phrases = ${JSON.stringify(WATCHED_PHRASES)};
  window.__kindredSeen = [];
  new MutationObserver(() => {
    const text = document.body ? document.body.textContent || '' : '';
    for (const phrase of phrases) if (text.includes(phrase) && !window.__kindredSeen.includes(phrase)) window.__kindredSeen.push(phrase);
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('the web client in a browser', () => {
  const web = useBrowserApp(
    { RESPONSE_CACHE_TTL_SECONDS: '60', POST_RATE_LIMIT: '1000', SCREEN_DRAFT_RATE_LIMIT: '1000' },
    UI_MS,
    WATCH_SCRIPT,
  );
  let app: TestApp;
  let baseURL: string;
  let titles = 0;
  beforeAll(() => {
    app = web.app;
    baseURL = web.baseURL;
  });

  /** A distinct title per story: one database serves the whole file. */
  function title(words: string): string {
    titles += 1;
    return `${words} (${titles})`;
  }

  async function newPage(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const page = await web.page(options);
    return { context: page.context(), page };
  }

  /** Signs a context in the fast way, over the API with the browser's own cookie jar: for tests where joining is not the point. */
  async function signedInContext(
    options: BrowserContextOptions = {},
  ): Promise<{ context: BrowserContext; page: Page; member: TestMember }> {
    const { page, member } = await web.signedIn(options);
    return { context: page.context(), page, member };
  }

  function mainNav(page: Page): Locator {
    return page.getByRole('navigation', { name: 'Main' });
  }

  /** The page's title heading; a string names it exactly. */
  function heading(page: Page, name: string | RegExp): Locator {
    return page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
  }

  async function spaces(): Promise<Array<{ id: string; slug: string; name: string }>> {
    return ok(await app.gql<{ spaces: Array<{ id: string; slug: string; name: string }> }>('{ spaces { id slug name } }')).spaces;
  }

  /** A thread posted over the API and published by screening. */
  async function publishedThread(author: TestMember, threadTitle = title('A calm walk')): Promise<{ id: string; title: string }> {
    const [space] = await spaces();
    const { id } = ok(
      await app.gql<{ startThread: { id: string } }>(
        START_THREAD,
        { input: { spaceId: space.id, title: threadTitle, body: CALM_STORY } },
        author.token,
      ),
    ).startThread;
    await waitPublishedThread(app, id, SCREENED_MS);
    return { id, title: threadTitle };
  }

  /** A thread posted over the API and held by screening, with its open case. */
  async function heldThread(author: TestMember, threadTitle = title('Tapering')): Promise<{ id: string; title: string; caseId: string }> {
    const [space] = await spaces();
    const { id } = ok(
      await app.gql<{ startThread: { id: string } }>(
        START_THREAD,
        { input: { spaceId: space.id, title: threadTitle, body: DOSING_STORY } },
        author.token,
      ),
    ).startThread;
    expect(await waitForScreened(app, author.token, id, SCREENED_MS)).toBe('HELD');
    const [{ id: caseId }]: Array<{ id: string }> = await app.dataSource.query('SELECT id FROM moderation_case WHERE post_id = $1', [id]);
    return { id, title: threadTitle, caseId };
  }

  async function phrasesSeen(page: Page): Promise<string[]> {
    return page.evaluate<string[]>('window.__kindredSeen || []');
  }

  /** Joins at /join as a person would: the suggested pseudonym, a long passphrase, the recovery codes. */
  async function joinThroughUi(page: Page): Promise<{ pseudonym: string; passphrase: string }> {
    const passphrase = 'copper kettle under a quiet winter moon';
    await page.goto('/join');
    await heading(page, 'Join Kindred').waitFor();
    const own = page.getByRole('radio', { name: 'I will choose my own' });
    await own.waitFor();
    await waitFor(async () => (await page.getByRole('radio').count()) > 1, UI_MS);
    const suggested = page.getByRole('radio').first();
    expect(await suggested.isChecked()).toBe(true);
    expect(await own.isChecked()).toBe(false);
    const pseudonym = (await suggested.evaluate((input) => input.value as string)).trim();
    expect(pseudonym).not.toBe('');

    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Join' }).click();

    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    expect(await heading(page, `Welcome, ${pseudonym}`).isVisible()).toBe(true);
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    expect(await codes.count()).toBeGreaterThan(0);
    const next = page.getByRole('button', { name: 'Continue' });
    expect(await next.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'I saved my recovery codes' }).check();
    expect(await next.isEnabled()).toBe(true);
    await screenshot(page, 'join-recovery-codes');
    await next.click();
    await page.waitForURL(`${baseURL}/`);
    // Signed in: the header offers what only members have.
    await mainNav(page).getByRole('link', { name: 'Your account' }).waitFor();
    return { pseudonym, passphrase };
  }

  /** Fills /new and posts; returns the new thread's id from the page it lands on. */
  async function shareStory(page: Page, story: { title: string; body: string }): Promise<string> {
    await heading(page, 'Share a story').waitFor();
    const space = page.getByLabel('Space');
    await waitFor(async () => (await space.locator('option').count()) > 1, UI_MS);
    await space.selectOption({ index: 1 });
    await page.getByLabel('Title').fill(story.title);
    await page.getByLabel('Your story').fill(story.body);
    await page.getByRole('button', { name: 'Post' }).click();
    await page.waitForURL(/\/t\/[^/?#]+$/);
    await heading(page, story.title).waitFor();
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; viewport: number }> {
    return page.evaluate<{ scrollWidth: number; viewport: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth })',
    );
  }

  it('serves the client with its security policy intact: no page breaks it', async () => {
    const author = await registerMember(app);
    const thread = await publishedThread(author);
    const { page } = await newPage();
    const violations: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    for (const [url, ready] of [
      ['/', 'Recovery stories'],
      ['/help', 'Help now'],
      ['/join', 'Join Kindred'],
      ['/sign-in', 'Sign in'],
      [`/t/${thread.id}`, thread.title],
      ['/search?q=river', 'Search'],
      ['/no-such-page', 'Page not found'],
    ] as const) {
      await page.goto(url);
      await heading(page, ready).waitFor();
    }
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a member joins, shares a calm story, and anyone can read it once it is published', async () => {
    const { page } = await newPage();
    await joinThroughUi(page);

    await mainNav(page).getByRole('link', { name: 'Share a story' }).click();
    await page.waitForURL(`${baseURL}/new`);
    const storyTitle = title('Ninety days by the river');
    const firstLook = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('query Thread'),
    );
    const id = await shareStory(page, { title: storyTitle, body: CALM_STORY });
    const first = (await (await firstLook).json()) as { data: { thread: { status: string } | null } };

    // While screening reads it, the author is told so; then the note goes and the story stands.
    if (first.data.thread?.status === 'PENDING') expect(await phrasesSeen(page)).toContain('Being reviewed.');
    await page.getByRole('button', { name: 'Save for offline reading' }).waitFor({ timeout: SCREENED_MS });
    expect(await page.getByText('Being reviewed.').count()).toBe(0);
    expect(await page.getByRole('status').count()).toBe(0);
    expect(await page.getByText(CALM_STORY).isVisible()).toBe(true);
    await screenshot(page, 'thread-published-author');

    const { page: reader } = await newPage();
    await reader.goto(`/t/${id}`);
    await heading(reader, storyTitle).waitFor();
    expect(await reader.getByText(CALM_STORY).isVisible()).toBe(true);
    expect(await mainNav(reader).getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    await screenshot(reader, 'thread-reader');
    await reader.goto('/');
    await reader.getByRole('link', { name: storyTitle }).waitFor();
    await screenshot(reader, 'feed');
  }, 120_000);

  it('a crisis draft shows help before posting, and the held post shows it again', async () => {
    const { page } = await signedInContext();
    await page.goto('/new');
    await heading(page, 'Share a story').waitFor();
    const space = page.getByLabel('Space');
    await waitFor(async () => (await space.locator('option').count()) > 1, UI_MS);
    await space.selectOption({ index: 1 });
    const storyTitle = title('Tonight');
    await page.getByLabel('Title').fill(storyTitle);
    const help = page.getByRole('region', { name: 'You do not have to go through this alone' });
    await page.getByLabel('Your story').pressSequentially(CRISIS_STORY, { delay: 10 });

    // The draft check answers while the words are still a draft: nothing is posted yet.
    await help.waitFor();
    expect(page.url()).toBe(`${baseURL}/new`);
    expect(await help.getByText('988 Suicide & Crisis Lifeline').isVisible()).toBe(true);
    expect(await page.getByText('When you post this, a moderator will read it before it is shown').isVisible()).toBe(true);
    await screenshot(page, 'compose-crisis-draft');

    await page.getByRole('button', { name: 'Post' }).click();
    await page.waitForURL(/\/t\/[^/?#]+$/);
    await heading(page, storyTitle).waitFor();
    await page.getByText('Held for a moderator.').waitFor({ timeout: SCREENED_MS });
    await help.waitFor();
    expect(await help.getByText('988 Suicide & Crisis Lifeline').isVisible()).toBe(true);
    await screenshot(page, 'thread-held-crisis');
  }, 120_000);

  it('a moderator sees a held post arrive live, approves it, and the author is told', async () => {
    // The moderator: a member promoted in the database, as the operator CLI does.
    const moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    // A case already waiting, to prove the live connection before the one that matters arrives.
    const warmUp = await heldThread(await registerMember(app));

    const { page: mod } = await newPage();
    const frames = { acked: false, subscribed: false, events: 0 };
    mod.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"subscribe"')) frames.subscribed = true;
      });
      socket.on('framereceived', (frame) => {
        if (typeof frame.payload !== 'string') return;
        if (frame.payload.includes('"connection_ack"')) frames.acked = true;
        if (frame.payload.includes('"next"')) frames.events += 1;
      });
    });
    await mod.goto('/sign-in');
    await heading(mod, 'Sign in').waitFor();
    await mod.getByLabel('Pseudonym').fill(moderator.pseudonym);
    await mod.getByLabel('Passphrase', { exact: true }).fill(moderator.passphrase);
    await mod.getByRole('button', { name: 'Sign in' }).click();
    await mod.waitForURL(`${baseURL}/`);
    await mainNav(mod).getByRole('link', { name: 'Moderation' }).click();
    await heading(mod, 'Moderation queue').waitFor();
    await mod.getByRole('link', { name: warmUp.title }).waitFor();

    // Live: the socket is up, subscribed, and delivers (a claim and release of the waiting case).
    await waitFor(async () => frames.acked && frames.subscribed, UI_MS);
    await waitFor(
      async () => {
        ok(await app.gql(CLAIM, { id: warmUp.caseId }, moderator.token));
        ok(await app.gql(RELEASE, { id: warmUp.caseId }, moderator.token));
        return frames.events > 0;
      },
      UI_MS,
      500,
    );
    await mod.getByText('Live: new and changed cases appear here as they happen.').waitFor();
    await mod.evaluate('window.__sameDocument = true');

    // The member posts what screening holds, after the queue is open.
    const { page: author } = await signedInContext();
    await author.goto('/new');
    const storyTitle = title('Tapering questions');
    await shareStory(author, { title: storyTitle, body: DOSING_STORY });
    await author.getByText('Held for a moderator.').waitFor({ timeout: SCREENED_MS });

    const arrived = mod.getByRole('link', { name: storyTitle });
    await arrived.waitFor({ timeout: SCREENED_MS });
    expect(await mod.evaluate<boolean>('window.__sameDocument === true')).toBe(true);
    await screenshot(mod, 'moderation-queue');

    await arrived.click();
    await heading(mod, `Case: ${storyTitle}`).waitFor();
    await mod.getByRole('button', { name: 'Claim this case' }).click();
    await mod.getByText('Claimed: it is yours for now.').waitFor();
    await mod.getByRole('radio', { name: /^Approve/ }).check();
    await screenshot(mod, 'moderation-case');
    await mod.getByRole('button', { name: 'Record decision' }).click();
    await mod.getByText('Decision recorded. The author is notified.').waitFor();

    // Back in the queue, the time-to-review chart counts the claims just made.
    await mod.getByRole('link', { name: 'Back to the queue' }).click();
    const times = mod.getByRole('region', { name: 'Time to review' });
    await times
      .getByText(/^median \d/)
      .first()
      .waitFor();
    expect(await times.getByRole('row').count()).toBe(5);
    await screenshot(mod, 'moderation-review-times');

    // The author, on their next page, sees the count in the header and the news in the list.
    await author.goto('/');
    // What a screen reader says of the header link: the count, in words.
    const notifications = mainNav(author).getByRole('link', { name: /^Notifications \d+ unread$/ });
    await notifications.waitFor();
    // and the number a sighted member sees beside it.
    expect(Number((await notifications.textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
    await notifications.click();
    await heading(author, 'Notifications').waitFor();
    await author.getByText('Your post is published.').waitFor();
    await screenshot(author, 'notifications');
  }, 180_000);

  it('tells a moderator the queue is live as soon as it is connected', async () => {
    const { page, member } = await signedInContext();
    await setRole(app, member.accountId, 'MODERATOR');
    const frames = { acked: false, subscribed: false };
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"subscribe"')) frames.subscribed = true;
      });
      socket.on('framereceived', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"connection_ack"')) frames.acked = true;
      });
    });
    await page.goto('/moderation');
    await heading(page, 'Moderation queue').waitFor();
    await waitFor(async () => frames.acked && frames.subscribed, UI_MS);
    // Connected and subscribed, with no case changing meanwhile: the page should say it is live.
    await page.getByText('Live: new and changed cases appear here as they happen.').waitFor({ timeout: 10_000 });
  });

  describe('accessibility: axe finds no WCAG 2.2 AA violation', () => {
    let thread: { id: string; title: string };
    let held: { id: string; title: string; caseId: string };
    let slug: string;
    let spaceName: string;

    beforeAll(async () => {
      const author = await registerMember(app);
      thread = await publishedThread(author, title('Walking by the river'));
      held = await heldThread(author);
      [{ slug, name: spaceName }] = await spaces();
    }, 120_000);

    async function expectNoViolations(page: Page, name: string): Promise<void> {
      // Whatever the page loads has loaded: no "Loading…" left in the main region.
      await waitFor(async () => (await page.getByRole('main').getByText('Loading…').count()) === 0, UI_MS);
      await screenshot(page, name);
      const violations = await runAxe(page);
      if (violations.length > 0) throw new Error(`axe on ${name} (${page.url()}):\n${describeViolations(violations)}`);
    }

    const anonymous: Array<[string, () => string, () => string | RegExp]> = [
      ['feed', () => '/', () => 'Recovery stories'],
      ['space', () => `/s/${slug}`, () => spaceName],
      ['thread', () => `/t/${thread.id}`, () => thread.title],
      ['search', () => '/search?q=river', () => 'Search'],
      ['help', () => '/help', () => 'Help now'],
      ['saved', () => '/saved', () => 'Saved for offline reading'],
      ['join', () => '/join', () => 'Join Kindred'],
      ['sign-in', () => '/sign-in', () => 'Sign in'],
      ['recover', () => '/recover', () => 'Get back into your account'],
      ['not-found', () => '/no-such-page', () => 'Page not found'],
    ];

    it.each(anonymous)('%s, signed out', async (name, url, ready) => {
      const { page } = await newPage();
      await page.goto(url());
      await heading(page, ready()).waitFor();
      if (name === 'search') await page.getByRole('link', { name: thread.title }).waitFor();
      if (name === 'feed' || name === 'space') await page.getByRole('link', { name: thread.title }).waitFor();
      if (name === 'join') await page.getByRole('radio', { name: 'I will choose my own' }).waitFor();
      await expectNoViolations(page, `axe-${name}`);
    });

    const member: Array<[string, () => string, string]> = [
      ['compose', () => '/new', 'Share a story'],
      ['account', () => '/account', 'Your account'],
      ['notifications', () => '/notifications', 'Notifications'],
      ['thread-own-held', () => `/t/${held.id}`, ''],
      ['feed-signed-in', () => '/', 'Recovery stories'],
    ];

    it.each(member)(
      '%s, signed in',
      async (name, url, ready) => {
        const { page, member: me } = await signedInContext();
        // Something to be notified of, so the header shows its unread count too.
        const own = await publishedThread(me);
        const target = name === 'thread-own-held' ? `/t/${(await heldThread(me)).id}` : url();
        await page.goto(target);
        if (ready) await heading(page, ready).waitFor();
        else await page.getByText('Held for a moderator.').waitFor();
        await mainNav(page)
          .getByRole('link', { name: /^Notifications \d+ unread$/ })
          .waitFor();
        if (name === 'compose') await waitFor(async () => (await page.getByLabel('Space').locator('option').count()) > 1, UI_MS);
        if (name === 'account') await page.getByRole('link', { name: own.title }).waitFor();
        if (name === 'notifications') await page.getByText('Your post is published.').first().waitFor();
        await expectNoViolations(page, `axe-${name}`);
      },
      90_000,
    );

    it('compose with the crisis resources shown', async () => {
      const { page } = await signedInContext();
      await page.goto('/new');
      await heading(page, 'Share a story').waitFor();
      await page.getByLabel('Your story').fill(CRISIS_STORY);
      await page.getByRole('region', { name: 'You do not have to go through this alone' }).waitFor();
      await expectNoViolations(page, 'axe-compose-crisis');
    });

    it('the recovery codes after joining', async () => {
      const { page } = await newPage();
      await page.goto('/join');
      await page.getByRole('radio', { name: 'I will choose my own' }).waitFor();
      await page.getByLabel('Passphrase', { exact: true }).fill('copper kettle under a quiet winter moon');
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
      await expectNoViolations(page, 'axe-recovery-codes');
    });

    it.each([
      ['moderation-queue', () => '/moderation', () => 'Moderation queue'],
      ['moderation-case', () => `/moderation/cases/${held.caseId}`, () => `Case: ${held.title}`],
    ])('%s, as a moderator', async (name, url, ready) => {
      const { page, member: me } = await signedInContext();
      await setRole(app, me.accountId, 'MODERATOR');
      await page.goto(url());
      await heading(page, ready()).waitFor();
      if (name === 'moderation-queue') await page.getByRole('link', { name: held.title }).waitFor();
      else await page.getByRole('button', { name: 'Claim this case' }).waitFor();
      await expectNoViolations(page, `axe-${name}`);
    });
  });

  it('works with the keyboard alone: join, post, read', async () => {
    const { page } = await newPage();
    const keyboard = page.keyboard;
    const focusSeen: Array<{ where: string; outline: string }> = [];
    const findings: string[] = [];

    async function focused(target: Locator): Promise<boolean> {
      const active = await page.evaluateHandle('document.activeElement');
      try {
        return await target.evaluateAll((elements, element) => elements.includes(element), active);
      } finally {
        await active.dispose();
      }
    }

    /** Presses Tab (or Shift+Tab) until the target has focus. */
    async function tabTo(target: Locator, backwards = false, max = 60): Promise<void> {
      for (let presses = 0; presses < max; presses += 1) {
        if (await focused(target)) return;
        await keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      }
      if (!(await focused(target))) throw new Error(`could not reach ${target} with ${backwards ? 'Shift+Tab' : 'Tab'} in ${max} presses`);
    }

    /** The focused element's ring: a keyboard user must see where they are. */
    async function expectFocusVisible(where: string): Promise<void> {
      const ring = await page.locator(':focus').evaluate((element) => {
        const style = element.ownerDocument.defaultView.getComputedStyle(element);
        return {
          outlineStyle: style.outlineStyle as string,
          outlineWidth: style.outlineWidth as string,
          boxShadow: style.boxShadow as string,
        };
      });
      const visible = (ring.outlineStyle !== 'none' && ring.outlineWidth !== '0px') || ring.boxShadow !== 'none';
      focusSeen.push({ where, outline: `${ring.outlineStyle} ${ring.outlineWidth} ${ring.boxShadow}` });
      if (!visible) throw new Error(`no visible focus on ${where}: ${JSON.stringify(ring)}`);
    }

    // Join.
    await page.goto('/join');
    await heading(page, 'Join Kindred').waitFor();
    await waitFor(async () => (await page.getByRole('radio').count()) > 1, UI_MS);
    await tabTo(page.getByRole('link', { name: 'Skip to content' }), true);
    await expectFocusVisible('the skip link');
    const skip = await page.getByRole('link', { name: 'Skip to content' }).boundingBox();
    expect(skip && skip.x >= 0 && skip.y >= 0).toBe(true);
    const suggested = page.getByRole('radio').first();
    await tabTo(suggested);
    await expectFocusVisible('the suggested pseudonym');
    expect(await suggested.isChecked()).toBe(true);
    await tabTo(page.getByLabel('Passphrase', { exact: true }));
    await expectFocusVisible('the passphrase');
    await keyboard.type('copper kettle under a quiet winter moon');
    await tabTo(page.getByRole('button', { name: 'Join' }));
    await expectFocusVisible('Join');
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const focusAfterJoin = await page.evaluate<string>('document.activeElement ? document.activeElement.tagName : "none"');
    if (focusAfterJoin === 'BODY') findings.push('after joining, focus falls to <body> instead of the recovery codes view');
    const saved = page.getByRole('checkbox', { name: 'I saved my recovery codes' });
    await tabTo(saved);
    await expectFocusVisible('I saved my recovery codes');
    await keyboard.press('Space');
    expect(await saved.isChecked()).toBe(true);
    await tabTo(page.getByRole('button', { name: 'Continue' }));
    await keyboard.press('Enter');
    await page.waitForURL(`${baseURL}/`);
    await heading(page, 'Recovery stories').waitFor();

    // Post.
    await tabTo(mainNav(page).getByRole('link', { name: 'Share a story' }), true);
    await expectFocusVisible('Share a story in the header');
    await keyboard.press('Enter');
    await page.waitForURL(`${baseURL}/new`);
    await heading(page, 'Share a story').waitFor();
    const space = page.getByLabel('Space');
    await waitFor(async () => (await space.locator('option').count()) > 1, UI_MS);
    await tabTo(space);
    await expectFocusVisible('the space');
    await keyboard.press('ArrowDown');
    expect(await space.inputValue()).not.toBe('');
    await tabTo(page.getByLabel('Title'));
    const storyTitle = title('Typed by keyboard');
    await keyboard.type(storyTitle);
    await tabTo(page.getByLabel('Your story'));
    await keyboard.type(CALM_STORY);
    await tabTo(page.getByRole('button', { name: 'Post' }));
    await expectFocusVisible('Post');
    await keyboard.press('Enter');
    await page.waitForURL(/\/t\/[^/?#]+$/);
    await heading(page, storyTitle).waitFor();
    await page.getByRole('button', { name: 'Save for offline reading' }).waitFor({ timeout: SCREENED_MS });

    // Read: back to the stories, and into this one.
    await tabTo(mainNav(page).getByRole('link', { name: 'Stories' }), true);
    await keyboard.press('Enter');
    await heading(page, 'Recovery stories').waitFor();
    const link = page.getByRole('link', { name: storyTitle });
    await link.waitFor();
    await tabTo(link);
    await expectFocusVisible('the story in the feed');
    await keyboard.press('Enter');
    await heading(page, storyTitle).waitFor();
    expect(await page.getByText(CALM_STORY).isVisible()).toBe(true);

    expect(focusSeen.length).toBeGreaterThanOrEqual(5);
    expect(findings).toEqual([]);
  }, 180_000);

  describe('no horizontal scrolling on a small screen or at 200% zoom', () => {
    let thread: { id: string; title: string };

    beforeAll(async () => {
      thread = await publishedThread(await registerMember(app), title('A long walk by the river, and the calls that helped'));
    }, 60_000);

    const pages: Array<[string, () => string, () => string]> = [
      ['feed', () => '/', () => 'Recovery stories'],
      ['thread', () => `/t/${thread.id}`, () => thread.title],
      ['join', () => '/join', () => 'Join Kindred'],
      ['help', () => '/help', () => 'Help now'],
    ];
    // 360 CSS px: a small phone. 640x400 CSS px at 2 device pixels each: a 1280x800 window at 200% zoom.
    const screens: Array<[string, BrowserContextOptions]> = [
      ['360px', { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
      // WCAG 1.4.10 (reflow): 320 CSS px, a 1280 px window at 400% zoom.
      ['320px', { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
      ['zoom-200', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
    ];

    it.each(screens)('at %s', async (screen, options) => {
      const { page } = await newPage(options);
      const overflowing: string[] = [];
      for (const [name, url, ready] of pages) {
        await page.goto(url());
        await heading(page, ready()).waitFor();
        if (name === 'feed') await page.getByRole('link', { name: thread.title }).waitFor();
        const { scrollWidth, viewport } = await horizontalOverflow(page);
        if (scrollWidth > viewport) overflowing.push(`${name}: ${scrollWidth}px wide in ${viewport}px`);
        await screenshot(page, `${screen}-${name}`);
      }
      expect(overflowing).toEqual([]);
    });
  });

  it('speaks Spanish when asked, and remembers it', async () => {
    const { page } = await newPage();
    await page.goto('/');
    await heading(page, 'Recovery stories').waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    const english = {
      heading: await heading(page, 'Recovery stories').textContent(),
      helpNow: await page.getByRole('link', { name: 'Help now' }).textContent(),
    };

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Español' });
    await waitFor(async () => (await page.evaluate<string>('document.documentElement.lang')) === 'es', UI_MS);

    await page.reload();
    await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
    await waitFor(async () => (await page.evaluate<string>('document.documentElement.lang')) === 'es', UI_MS);
    expect(await page.locator('header select').inputValue()).toBe('es');
    await screenshot(page, 'feed-es');

    // The words themselves: until web/src/i18n/es.ts is written, it is a copy of English and this fails.
    const spanish = {
      heading: await page.getByRole('main').getByRole('heading', { level: 1 }).textContent(),
      helpNow: await page.locator('header .help-now').textContent(),
    };
    expect(spanish.heading).not.toBe(english.heading);
    expect(spanish.helpNow).not.toBe(english.helpNow);
  });

  it('shows Help now without a connection once Kindred has opened', async () => {
    const { context, page } = await newPage();
    await page.goto('/');
    await heading(page, 'Recovery stories').waitFor();
    expect(await page.evaluate<boolean>('window.isSecureContext')).toBe(true);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');

    await context.setOffline(true);
    const response = await page.goto('/help');
    await heading(page, 'Help now').waitFor();
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.evaluate<string>("fetch('/graphql', { method: 'POST' }).then(() => 'online', () => 'offline')")).toBe('offline');
    const call988 = page.getByRole('link', { name: 'Call 988', exact: true });
    expect(await call988.isVisible()).toBe(true);
    expect(await call988.getAttribute('href')).toBe('tel:988');
    expect(await page.getByRole('link', { name: 'Call 911', exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'help-offline');
  });

  it('shows the replies of a long thread a page at a time, with "Load more" below', async () => {
    const { page, member } = await signedInContext();
    const thread = await publishedThread(member, title('Many replies'));
    // A second apart, so the order (and which replies the first page holds) is fixed: rows
    // inserted in one statement share now(), and their order would then be the ids' chance.
    await app.dataSource.query(
      `INSERT INTO post (kind, thread_id, author_id, body, status, created_at, published_at)
       SELECT 'REPLY', $1, $2, 'Reply number ' || n, 'PUBLISHED', now() - make_interval(secs => 60 - n), now() - make_interval(secs => 60 - n)
         FROM generate_series(1, 55) n`,
      [thread.id, member.accountId],
    );
    await page.goto(`/t/${thread.id}`);
    const replies = page.locator('ol.replies > li');
    await page.getByText('Reply number 50', { exact: true }).waitFor();
    expect(await replies.count()).toBe(50);
    expect(await page.getByText('Reply number 51', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('Reply number 55', { exact: true }).waitFor();
    expect(await replies.count()).toBe(55);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  });

  it('can be installed: the browser finds nothing missing in the manifest, icons or service worker', async () => {
    const { context, page } = await newPage();
    await page.goto('/');
    await heading(page, 'Recovery stories').waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    const devtools = await context.newCDPSession(page);
    const { installabilityErrors } = (await devtools.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    // Test contexts are incognito, which alone blocks installing; a manifest without a usable
    // icon, say, still reports its own errors beside that one.
    expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  });

  it('saves the member’s data from the account page as a JSON file that holds their story', async () => {
    const { page, member } = await signedInContext();
    const thread = await publishedThread(member, title('Mine to keep'));
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.goto('/account');
    await heading(page, 'Your account').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kindred-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      format: string;
      account: { pseudonym: string };
      posts: Array<{ id: string; title: string; body: string; status: string }>;
    };
    expect(saved.format).toBe('kindred-member-data');
    expect(saved.account.pseudonym).toBe(member.pseudonym);
    expect(saved.posts).toEqual([expect.objectContaining({ id: thread.id, title: thread.title, body: CALM_STORY, status: 'PUBLISHED' })]);
    await page.getByRole('status').filter({ hasText: 'Your file is ready.' }).waitFor();
    expect(violations).toEqual([]);
  });

  it('forgets saved stories when the member signs out', async () => {
    const { context, page, member } = await signedInContext();
    const thread = await publishedThread(member, title('Worth keeping'));
    await page.goto(`/t/${thread.id}`);
    await heading(page, thread.title).waitFor();
    await page.getByRole('button', { name: 'Save for offline reading' }).click();
    await page.getByRole('button', { name: 'Saved on this device (tap to remove)' }).waitFor();

    await mainNav(page).getByRole('link', { name: 'Saved' }).click();
    // Signed in, the page holds the account's bookmarks and, below them, this device's copies.
    await heading(page, 'Saved').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Saved for offline reading' }).waitFor();
    await page.getByRole('link', { name: thread.title }).waitFor();
    await screenshot(page, 'saved');

    await mainNav(page).getByRole('link', { name: 'Your account' }).click();
    await heading(page, 'Your account').waitFor();
    await screenshot(page, 'account');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseURL}/`);
    await mainNav(page).getByRole('link', { name: 'Sign in' }).waitFor();

    await page.goto('/saved');
    await heading(page, 'Saved for offline reading').waitFor();
    await page.getByText('Nothing saved yet.').waitFor();
    expect(await page.getByRole('link', { name: thread.title }).count()).toBe(0);
    // Signed out for good: a reload does not bring the session back.
    await page.reload();
    await mainNav(page).getByRole('link', { name: 'Sign in' }).waitFor();
    expect((await context.cookies()).filter((cookie) => cookie.name === 'kindred_session' && cookie.value !== '')).toEqual([]);
  });
});
