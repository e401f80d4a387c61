import { SignInThrottleService } from '../src/accounts/sign-in-throttle.service';
import { codeOf } from './support/gql';
import { startTestApp, TestApp } from './support/test-app';

/**
 * changePassphrase over real HTTP: the current passphrase checked under the sign-in throttle,
 * the new one held to register's rules, and every other session of the account ended.
 */

const PASSPHRASE = 'lanterns along the harbour';
const NEW_PASSPHRASE = 'a kettle on a quiet morning';
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token account { id member { pseudonym } } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`;
const CHANGE = `mutation ($input: ChangePassphraseInput!) { changePassphrase(input: $input) }`;
const ME = `query { me { id } }`;

interface Member {
  token: string;
  accountId: string;
  pseudonym: string;
}

async function register(app: TestApp): Promise<Member> {
  const response = await app.gql(REGISTER, { input: { passphrase: PASSPHRASE } });
  if (!response.data) throw new Error(`register failed: ${JSON.stringify(response.errors)}`);
  const { token, account } = response.data.register;
  return { token, accountId: account.id, pseudonym: account.member.pseudonym };
}

async function signIn(app: TestApp, pseudonym: string, passphrase: string) {
  return app.gql<{ signIn: { token: string } }>(SIGN_IN, { input: { pseudonym, passphrase } });
}

function change(app: TestApp, token: string | undefined, currentPassphrase: string, newPassphrase: string) {
  return app.gql<{ changePassphrase: boolean }>(CHANGE, { input: { currentPassphrase, newPassphrase } }, token);
}

/** The sign_in_throttle row of a pseudonym, if any: its key is a keyed HMAC, as the app computes it. */
async function throttleRows(app: TestApp, pseudonym: string): Promise<Array<{ failures: number }>> {
  const key = await app.running.app.get(SignInThrottleService).keyFor(pseudonym);
  return app.dataSource.query(`SELECT failures FROM sign_in_throttle WHERE pseudonym_hmac = $1`, [key]);
}

async function meId(app: TestApp, token: string): Promise<string | null> {
  return (await app.gql<{ me: { id: string } | null }>(ME, {}, token)).data?.me?.id ?? null;
}

describe('changePassphrase', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      env: { WORKERS: 'off', SIGNIN_FREE_FAILURES: '2', SIGNIN_BASE_DELAY_SECONDS: '60', SIGNIN_MAX_DELAY_SECONDS: '600' },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sets the new passphrase and ends every other session, keeping the current one', async () => {
    const member = await register(app);
    const laptop = (await signIn(app, member.pseudonym, PASSPHRASE)).data!.signIn.token;
    const phone = (await signIn(app, member.pseudonym, PASSPHRASE)).data!.signIn.token;

    const response = await change(app, member.token, PASSPHRASE, NEW_PASSPHRASE);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ changePassphrase: true });

    expect(await meId(app, member.token)).toBe(member.accountId);
    expect(await meId(app, laptop)).toBeNull();
    expect(await meId(app, phone)).toBeNull();
    expect(codeOf(await signIn(app, member.pseudonym, PASSPHRASE))).toBe('UNAUTHENTICATED');
    expect((await signIn(app, member.pseudonym, NEW_PASSPHRASE)).data?.signIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a wrong current passphrase with the code of a failed sign-in, and changes nothing', async () => {
    const member = await register(app);
    const other = (await signIn(app, member.pseudonym, PASSPHRASE)).data!.signIn.token;
    const failedSignIn = await signIn(app, member.pseudonym, 'not the passphrase at all');

    const response = await change(app, member.token, 'not the passphrase at all', NEW_PASSPHRASE);
    expect(codeOf(response)).toBe(codeOf(failedSignIn));
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(await throttleRows(app, member.pseudonym)).toEqual([{ failures: 2 }]);
    expect(response.errors?.[0].message).toMatch(/current passphrase/);
    expect(response.data).toBeNull();
    // Still signed in: a wrong passphrase does not end the session it was typed in.
    expect(await meId(app, member.token)).toBe(member.accountId);
    expect(await meId(app, other)).toBe(member.accountId);
  });

  it('counts wrong passphrases on the sign-in throttle: blocked after the free failures, for changes and sign-ins alike', async () => {
    const member = await register(app);
    for (let i = 0; i < 2; i++)
      expect(codeOf(await change(app, member.token, `wrong passphrase number ${i}`, NEW_PASSPHRASE))).toBe('UNAUTHENTICATED');

    const blocked = await change(app, member.token, PASSPHRASE, NEW_PASSPHRASE);
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].extensions).toMatchObject({ retryAfterSeconds: expect.any(Number), retryAt: expect.any(String) });
    const blockedSignIn = await signIn(app, member.pseudonym, PASSPHRASE);
    expect(codeOf(blockedSignIn)).toBe('RATE_LIMITED');
    // The blocked attempt changed nothing: once the block is lifted, the old passphrase still signs in.
    const key = await app.running.app.get(SignInThrottleService).keyFor(member.pseudonym);
    await app.dataSource.query(`DELETE FROM sign_in_throttle WHERE pseudonym_hmac = $1`, [key]);
    expect((await signIn(app, member.pseudonym, PASSPHRASE)).data?.signIn.token).toBeDefined();
  });

  it('holds the new passphrase to the rules of register (BAD_USER_INPUT), before counting an attempt', async () => {
    const member = await register(app);
    for (const newPassphrase of ['too short', ' '.repeat(20), 'x'.repeat(1025)]) {
      const response = await change(app, member.token, PASSPHRASE, newPassphrase);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    }
    expect(await throttleRows(app, member.pseudonym)).toEqual([]);
    expect((await signIn(app, member.pseudonym, PASSPHRASE)).data?.signIn.token).toBeDefined();
  });

  it('needs a session', async () => {
    expect(codeOf(await change(app, undefined, PASSPHRASE, NEW_PASSPHRASE))).toBe('UNAUTHENTICATED');
  });

  it('is refused twice in one operation', async () => {
    const member = await register(app);
    const twice = `mutation ($a: ChangePassphraseInput!, $b: ChangePassphraseInput!) { a: changePassphrase(input: $a) b: changePassphrase(input: $b) }`;
    const input = { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE };
    expect(codeOf(await app.gql(twice, { a: input, b: input }, member.token))).toBe('BAD_USER_INPUT');
  });
});
