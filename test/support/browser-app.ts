import * as fs from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { closeBrowser, copyBuiltWebClient, launchBrowser } from './browser';
import type { TestMember } from './members';
import { startTestApp, type TestApp } from './test-app';

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token account { id member { pseudonym } } } }`;
const PASSPHRASE = 'quiet lantern river morning';

export interface BrowserApp {
  /** The app serving the web client (started before the block's tests). */
  readonly app: TestApp;
  /** Where the web client is served, without a trailing slash. */
  readonly baseURL: string;
  /** A page in a fresh browser context (its own cookie jar), closed after the test. */
  page(options?: BrowserContextOptions): Promise<Page>;
  /** A page whose context registered a new member over the API: signed in by its session cookie. */
  signedIn(options?: BrowserContextOptions): Promise<{ page: Page; member: TestMember }>;
}

/**
 * The app serving its own copy of the built web client (`npm run build` first), and chromium,
 * for one describe block of browser tests. Call it at the top of the block: its hooks start both
 * before the block's first test, close every context a test opened after it, and stop both at
 * the end. `env` adds to the test app's settings; `initScript` runs in every page before its own.
 */
export function useBrowserApp(env: Record<string, string> = {}, uiTimeoutMs = 20_000, initScript?: string): BrowserApp {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let baseURL = '';
  let webClientDir: string | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    webClientDir = await copyBuiltWebClient();
    app = await startTestApp({ env: { WEB_CLIENT_DIR: webClientDir, ...env } });
    if (!app.running.webUrl) throw new Error('the app started without its web client: has `npm run build` run?');
    baseURL = app.running.webUrl.replace(/\/$/, '');
    browser = await launchBrowser();
  }, 180_000);

  afterEach(async () => {
    const open = contexts;
    contexts = [];
    await Promise.all(open.map((context) => context.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await app?.close();
    if (webClientDir) fs.rmSync(webClientDir, { recursive: true, force: true });
  });

  async function page(options: BrowserContextOptions = {}): Promise<Page> {
    if (!browser) throw new Error('the browser has not started: open pages inside a test');
    const context = await browser.newContext({ baseURL, locale: 'en-US', ...options });
    context.setDefaultTimeout(uiTimeoutMs);
    if (initScript) await context.addInitScript(initScript);
    contexts.push(context);
    return context.newPage();
  }

  async function signedIn(options: BrowserContextOptions = {}): Promise<{ page: Page; member: TestMember }> {
    const opened = await page(options);
    const response = await opened
      .context()
      .request.post('/graphql', { data: { query: REGISTER, variables: { input: { passphrase: PASSPHRASE } } } });
    const body = (await response.json()) as {
      data?: { register: { token: string; account: { id: string; member: { pseudonym: string } } } };
      errors?: unknown;
    };
    if (!body.data) throw new Error(`register failed: ${JSON.stringify(body.errors)}`);
    const { token, account } = body.data.register;
    return {
      page: opened,
      member: { token, accountId: account.id, pseudonym: account.member.pseudonym, passphrase: PASSPHRASE, recoveryCodes: [] },
    };
  }

  return {
    get app(): TestApp {
      if (!app) throw new Error('the app has not started: use it inside a test or a later hook');
      return app;
    },
    get baseURL(): string {
      return baseURL;
    },
    page,
    signedIn,
  };
}
