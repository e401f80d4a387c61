import { createHmac } from 'node:crypto';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SessionCsrfService } from '../src/accounts/session-csrf.service';
import { firstSpaceIdInDb, insertThread } from './support/forum';
import { registerMember, setRole } from './support/members';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The browser session: cookies set beside the bearer token, accepted only with their CSRF
 * value echoed in a header (HTTP) or a connection param (graphql-ws), cleared on sign-out and
 * deletion; the bearer token works as before and wins.
 */

const PASSPHRASE = 'cookies and quiet evenings';
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token recoveryCodes account { id member { pseudonym } } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`;
const RECOVER = `mutation ($input: RecoverAccountInput!) { recoverAccount(input: $input) { token } }`;
const DELETE_ACCOUNT = `mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
const SIGN_OUT = `mutation { signOut }`;
const ME = `query { me { id } }`;
const MONTH_SECONDS = 30 * 24 * 60 * 60;

interface Sent {
  /** The Cookie header to send. */
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

interface Answer<T> {
  body: GqlResponse<T>;
  /** Every Set-Cookie header of the response, in order. */
  setCookies: string[];
}

interface BrowserSession {
  accountId: string;
  pseudonym: string;
  recoveryCodes: string[];
  token: string;
  csrf: string;
  cookie: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever its own query selects
async function post<T = any>(app: TestApp, query: string, variables: Record<string, unknown> = {}, sent: Sent = {}): Promise<Answer<T>> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(sent.cookie !== undefined ? { cookie: sent.cookie } : {}),
      ...(sent.csrf !== undefined ? { 'x-csrf-token': sent.csrf } : {}),
      ...(sent.bearer !== undefined ? { authorization: `Bearer ${sent.bearer}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await response.json()) as GqlResponse<T>, setCookies: response.headers.getSetCookie() };
}

/** name -> value of the cookies a response set. */
function cookieValues(setCookies: string[]): Map<string, string> {
  return new Map(setCookies.map((header) => header.split(';')[0].split('=') as [string, string]));
}

/** What a browser keeps from a successful register, as it would send it back to /graphql. */
async function registerInBrowser(app: TestApp): Promise<BrowserSession> {
  const answer = await post(app, REGISTER, { input: { passphrase: PASSPHRASE } });
  const { token, recoveryCodes, account } = answer.body.data.register;
  const values = cookieValues(answer.setCookies);
  const csrf = values.get('kindred_csrf') as string;
  return {
    accountId: account.id,
    pseudonym: account.member.pseudonym,
    recoveryCodes,
    token,
    csrf,
    cookie: `kindred_session=${values.get('kindred_session')}; kindred_csrf=${csrf}`,
  };
}

async function meId(app: TestApp, sent: Sent): Promise<string | null> {
  const answer = await post<{ me: { id: string } | null }>(app, ME, {}, sent);
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data?.me?.id ?? null;
}

function expectCleared(setCookies: string[]): void {
  expect(setCookies).toEqual([
    'kindred_session=; Max-Age=0; Path=/graphql; HttpOnly; SameSite=Strict',
    'kindred_csrf=; Max-Age=0; Path=/; SameSite=Strict',
  ]);
}

describe('browser session cookies', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('register sets the session cookie (HttpOnly, /graphql) and the CSRF cookie (readable, /), both Strict, for the session lifetime', async () => {
    const answer = await post(app, REGISTER, { input: { passphrase: PASSPHRASE } });
    const token: string = answer.body.data.register.token;
    const csrf = await app.running.app.get(SessionCsrfService).valueFor(token);
    expect(answer.setCookies).toEqual([
      `kindred_session=${token}; Max-Age=${MONTH_SECONDS}; Path=/graphql; HttpOnly; SameSite=Strict`,
      `kindred_csrf=${csrf}; Max-Age=${MONTH_SECONDS}; Path=/; SameSite=Strict`,
    ]);
    // The CSRF value is a keyed HMAC of the token: not something anyone could compute without the server's secret.
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrf).not.toBe(createHmac('sha256', '').update(token).digest('base64url'));
  });

  it('signs in a request carrying the cookie and its CSRF value in X-CSRF-Token', async () => {
    const browser = await registerInBrowser(app);
    expect(await meId(app, { cookie: browser.cookie, csrf: browser.csrf })).toBe(browser.accountId);
  });

  it('answers as signed out when the CSRF header is missing, wrong or belongs to another session', async () => {
    const browser = await registerInBrowser(app);
    const other = await registerInBrowser(app);
    expect(await meId(app, { cookie: browser.cookie })).toBeNull();
    expect(await meId(app, { cookie: browser.cookie, csrf: '' })).toBeNull();
    const tampered = browser.csrf.slice(0, -1) + (browser.csrf.endsWith('A') ? 'B' : 'A');
    expect(await meId(app, { cookie: browser.cookie, csrf: tampered })).toBeNull();
    expect(await meId(app, { cookie: browser.cookie, csrf: other.csrf })).toBeNull();
    expect(await meId(app, { cookie: browser.cookie, csrf: browser.token })).toBeNull();
    // A mutation is refused the same way: the cookie alone does not sign anyone in.
    const refused = await post(
      app,
      `mutation { updateProfile(input: { shareRecoveryDays: true }) { id } }`,
      {},
      { cookie: browser.cookie },
    );
    expect(refused.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers as signed out, without an error, for a cookie whose session is unknown or expired', async () => {
    const csrfService = app.running.app.get(SessionCsrfService);
    const unknown = 'u'.repeat(43);
    expect(await meId(app, { cookie: `kindred_session=${unknown}`, csrf: await csrfService.valueFor(unknown) })).toBeNull();

    const browser = await registerInBrowser(app);
    await app.dataSource.query(`UPDATE session SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [browser.accountId]);
    expect(await meId(app, { cookie: browser.cookie, csrf: browser.csrf })).toBeNull();
  });

  it('signOut by cookie ends the session and clears both cookies', async () => {
    const browser = await registerInBrowser(app);
    const answer = await post(app, SIGN_OUT, {}, { cookie: browser.cookie, csrf: browser.csrf });
    expect(answer.body.data).toEqual({ signOut: true });
    expectCleared(answer.setCookies);
    expect(await meId(app, { cookie: browser.cookie, csrf: browser.csrf })).toBeNull();
    expect(await meId(app, { bearer: browser.token })).toBeNull();
    // A stale cookie signs out too: nothing left to end, and the browser forgets the cookies all the same.
    const again = await post(app, SIGN_OUT, {}, { cookie: browser.cookie, csrf: browser.csrf });
    expect(again.body.data).toEqual({ signOut: false });
    expectCleared(again.setCookies);
  });

  it('keeps the bearer token working, and lets it win over a cookie', async () => {
    const browser = await registerInBrowser(app);
    const other = await registerInBrowser(app);
    expect(await meId(app, { bearer: browser.token })).toBe(browser.accountId);
    expect(await meId(app, { bearer: browser.token, cookie: other.cookie, csrf: other.csrf })).toBe(browser.accountId);
    // A bearer token that does not sign in is not rescued by the cookie.
    expect(await meId(app, { bearer: 'b'.repeat(43), cookie: other.cookie, csrf: other.csrf })).toBeNull();
    const signedOut = await post(app, SIGN_OUT, {}, { bearer: browser.token });
    expect(signedOut.body.data).toEqual({ signOut: true });
    expectCleared(signedOut.setCookies);
    expect(await meId(app, { cookie: other.cookie, csrf: other.csrf })).toBe(other.accountId);
  });

  it('sets the cookies on signIn and recoverAccount too, and on no failure', async () => {
    const browser = await registerInBrowser(app);
    const failed = await post(app, SIGN_IN, { input: { pseudonym: browser.pseudonym, passphrase: 'not the passphrase at all' } });
    expect(failed.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(failed.setCookies).toEqual([]);

    const signedIn = await post(app, SIGN_IN, { input: { pseudonym: browser.pseudonym, passphrase: PASSPHRASE } });
    const signInValues = cookieValues(signedIn.setCookies);
    expect(signInValues.get('kindred_session')).toBe(signedIn.body.data.signIn.token);
    const signInCookie = `kindred_session=${signInValues.get('kindred_session')}`;
    expect(await meId(app, { cookie: signInCookie, csrf: signInValues.get('kindred_csrf') })).toBe(browser.accountId);

    const recovered = await post(app, RECOVER, {
      input: { pseudonym: browser.pseudonym, recoveryCode: browser.recoveryCodes[0], newPassphrase: `${PASSPHRASE} again` },
    });
    const recoverValues = cookieValues(recovered.setCookies);
    expect(recoverValues.get('kindred_session')).toBe(recovered.body.data.recoverAccount.token);
    const recoverCookie = `kindred_session=${recoverValues.get('kindred_session')}`;
    expect(await meId(app, { cookie: recoverCookie, csrf: recoverValues.get('kindred_csrf') })).toBe(browser.accountId);
    // Recovery ended the earlier sessions, cookies included.
    expect(await meId(app, { cookie: signInCookie, csrf: signInValues.get('kindred_csrf') })).toBeNull();
  });

  it('clears both cookies when the account is deleted', async () => {
    const browser = await registerInBrowser(app);
    const answer = await post(
      app,
      DELETE_ACCOUNT,
      { input: { passphrase: PASSPHRASE, mode: 'ERASE' } },
      { cookie: browser.cookie, csrf: browser.csrf },
    );
    expect(answer.body.data).toEqual({ deleteAccount: true });
    expectCleared(answer.setCookies);
    expect(await meId(app, { cookie: browser.cookie, csrf: browser.csrf })).toBeNull();
  });

  describe('on graphql-ws', () => {
    const SUBSCRIPTION = `subscription { moderationCaseChanged { id } }`;
    const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
    const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id } }`;
    const RELEASE = `mutation Release($id: ID!) { releaseCase(id: $id) { id } }`;
    const clients: Client[] = [];

    interface Dashboard {
      received: string[];
      errors: unknown[];
    }

    /** A socket opened as a browser page would: same origin, the cookie on the upgrade, connection params from script. */
    function openDashboard(cookie: string, connectionParams: Record<string, unknown>): Dashboard {
      const origin = new URL(app.url).origin;
      class BrowserSocket extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie, origin } });
        }
      }
      const client = createClient({
        url: app.url.replace(/^http/, 'ws'),
        webSocketImpl: BrowserSocket,
        connectionParams,
        retryAttempts: 0,
        lazy: false,
      });
      clients.push(client);
      const dashboard: Dashboard = { received: [], errors: [] };
      client.subscribe<{ moderationCaseChanged: { id: string } }>(
        { query: SUBSCRIPTION },
        {
          next: (result) => {
            if (result.errors) dashboard.errors.push(...result.errors);
            if (result.data?.moderationCaseChanged) dashboard.received.push(result.data.moderationCaseChanged.id);
          },
          error: (error) => dashboard.errors.push(error),
          complete: () => undefined,
        },
      );
      return dashboard;
    }

    afterAll(async () => {
      for (const client of clients) await client.dispose();
    });

    it('lets a moderator subscribe with the session cookie and csrfToken, and refuses the cookie without it', async () => {
      const moderator = await registerInBrowser(app);
      await setRole(app, moderator.accountId, 'MODERATOR');
      const author = await registerMember(app);
      const reporter = await registerMember(app);
      const postId = await insertThread(app, await firstSpaceIdInDb(app), author.accountId);
      await app.gql(REPORT, { input: { postId, reason: 'OTHER' } }, reporter.token);
      const [{ id: caseId }]: Array<{ id: string }> = await app.dataSource.query('SELECT id FROM moderation_case WHERE post_id = $1', [
        postId,
      ]);

      const refused = openDashboard(moderator.cookie, {});
      const wrong = openDashboard(moderator.cookie, { csrfToken: 'not-the-value' });
      const live = openDashboard(moderator.cookie, { csrfToken: moderator.csrf });
      // Changes to the case until the live dashboard hears of one: it is listening, signed in by its cookie.
      await waitFor(
        async () => {
          await app.gql(CLAIM, { id: caseId }, moderator.token);
          await app.gql(RELEASE, { id: caseId }, moderator.token);
          return live.received.includes(caseId);
        },
        15_000,
        250,
      );
      expect(live.errors).toEqual([]);
      for (const dashboard of [refused, wrong]) {
        await waitFor(async () => dashboard.errors.length > 0, 5_000, 50);
        expect(JSON.stringify(dashboard.errors)).toMatch(/UNAUTHENTICATED|sign in/);
        expect(dashboard.received).toEqual([]);
      }
    });
  });
});

describe('browser session cookies behind a TLS proxy', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', TRUST_PROXY_TLS: 'on', SESSION_TTL_DAYS: '7' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('marks both cookies Secure and sets them for SESSION_TTL_DAYS', async () => {
    const answer = await post(app, REGISTER, { input: { passphrase: PASSPHRASE } });
    expect(answer.setCookies).toHaveLength(2);
    for (const header of answer.setCookies) {
      expect(header).toContain('; Max-Age=604800;');
      expect(header).toContain('; Secure;');
    }
  });
});
