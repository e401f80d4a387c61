import { AccountAbuseSweeper } from '../src/accounts/account-abuse.sweeper';
import { ProofOfWorkService } from '../src/accounts/proof-of-work.service';
import { SignInThrottleService } from '../src/accounts/sign-in-throttle.service';
import { Client } from 'pg';
import { codeOf } from './support/gql';
import { solve, solvedProofOfWork } from './support/proof-of-work';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { ADVISORY_LOCK } from '../src/database/advisory-locks';

/**
 * Abuse of the account endpoints, replayed over real HTTP against a real Postgres:
 * registration floods from one client, replayed proofs of work, and typed e-mails or
 * phone numbers that must never be stored. (Sign-in races and lock-outs: accounts.e2e-spec.ts.)
 */

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token account { id } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`;
const RECOVER = `mutation ($input: RecoverAccountInput!) { recoverAccount(input: $input) { token } }`;
const PASSPHRASE = 'river stones and quiet mornings';

/** A GraphQL call from a given client address, as a proxy would report it in X-Forwarded-For. */
async function gqlFrom<T>(app: TestApp, address: string, query: string, variables: Record<string, unknown>): Promise<GqlResponse<T>> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GqlResponse<T>;
}

function registerFrom(app: TestApp, address: string, input: Record<string, unknown> = {}) {
  return gqlFrom<{ register: { token: string; account: { id: string } } }>(app, address, REGISTER, {
    input: { passphrase: PASSPHRASE, ...input },
  });
}

/** Every row of every table, as JSON text, for "is this text stored anywhere" checks. */
async function dumpDatabase(app: TestApp): Promise<string> {
  const tables: Array<{ table_name: string }> = await app.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  let dump = '';
  for (const { table_name } of tables) {
    const rows: Array<{ row: string }> = await app.dataSource.query(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    dump += rows.map((r) => r.row).join('\n') + '\n';
  }
  return dump;
}

async function accountCount(app: TestApp): Promise<number> {
  const [row] = await app.dataSource.query(`SELECT count(*)::int AS n FROM account`);
  return row.n as number;
}

describe('registration limit behind a trusted proxy', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        WORKERS: 'off',
        TRUST_PROXY: 'on',
        REGISTRATIONS_PER_CLIENT: '3',
        REGISTRATION_WINDOW_SECONDS: '3600',
        POW_MAX_NUMBER: '2000',
      },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses a flood of registrations from one client with a proof-of-work step-up, and leaves other clients alone', async () => {
    const flooder = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await registerFrom(app, flooder)).errors).toBeUndefined();
    const before = await accountCount(app);

    const refused = await registerFrom(app, flooder);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].extensions).toMatchObject({ proofOfWorkRequired: true });
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await accountCount(app)).toBe(before);

    expect((await registerFrom(app, '198.51.100.23')).errors).toBeUndefined();

    // Neither address is kept anywhere, in any form a person could read.
    const dump = await dumpDatabase(app);
    for (const text of [flooder, '198.51.100.23', '203.0.113', '198.51.100']) expect(dump.includes(text)).toBe(false);
  });

  it('counts parallel registrations atomically: no more than the limit get through at once', async () => {
    const address = '203.0.113.50';
    const responses = await Promise.all(Array.from({ length: 10 }, () => registerFrom(app, address)));
    expect(responses.filter((response) => !response.errors)).toHaveLength(3);
    expect(responses.filter((response) => codeOf(response) === 'RATE_LIMITED')).toHaveLength(7);
  });

  it('lets a client over the limit through with a solved proof of work, once per solution', async () => {
    const address = '203.0.113.80';
    for (let i = 0; i < 3; i++) await registerFrom(app, address);
    expect(codeOf(await registerFrom(app, address))).toBe('RATE_LIMITED');

    const proof = await solvedProofOfWork(app);
    const through = await registerFrom(app, address, { proofOfWork: proof });
    expect(through.errors).toBeUndefined();
    expect(through.data?.register.token).toBeTruthy();

    const replayed = await registerFrom(app, address, { proofOfWork: proof });
    expect(codeOf(replayed)).toBe('RATE_LIMITED');
    expect(replayed.errors?.[0].extensions).toMatchObject({ proofOfWorkRequired: true });
  });

  it('refuses a tampered, forged or expired proof of work', async () => {
    const address = '203.0.113.90';
    for (let i = 0; i < 3; i++) await registerFrom(app, address);

    // Tampered: the solution of one challenge presented with easier parameters.
    const payload = JSON.parse(Buffer.from(await solvedProofOfWork(app), 'base64').toString('utf8'));
    payload.challenge.parameters.expiresAt += 3600;
    const tampered = Buffer.from(JSON.stringify(payload)).toString('base64');
    expect(codeOf(await registerFrom(app, address, { proofOfWork: tampered }))).toBe('RATE_LIMITED');

    // Forged: a challenge signed with some other key.
    const { createChallenge } = await import('altcha-lib');
    const { deriveKey } = await import('altcha-lib/algorithms/sha');
    const forged = await createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: 5,
      deriveKey,
      expiresAt: new Date(Date.now() + 60_000),
      hmacSignatureSecret: 'not the key',
    });
    expect(codeOf(await registerFrom(app, address, { proofOfWork: await solve(JSON.stringify(forged)) }))).toBe('RATE_LIMITED');

    // Expired: a genuine challenge issued an hour ago.
    const old = await app.running.app.get(ProofOfWorkService).issue(new Date(Date.now() - 3600_000));
    expect(codeOf(await registerFrom(app, address, { proofOfWork: await solve(old.challenge) }))).toBe('RATE_LIMITED');

    expect(codeOf(await registerFrom(app, address, { proofOfWork: 'garbage' }))).toBe('RATE_LIMITED');
  });
});

describe('registration limit without a trusted proxy', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', REGISTRATIONS_PER_CLIENT: '2' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('ignores a forged X-Forwarded-For: every made-up address is still the same client', async () => {
    expect((await registerFrom(app, '192.0.2.1')).errors).toBeUndefined();
    expect((await registerFrom(app, '192.0.2.2')).errors).toBeUndefined();
    expect(codeOf(await registerFrom(app, '192.0.2.3'))).toBe('RATE_LIMITED');
  });
});

describe('what a failed sign-in keeps', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', SIGNIN_FREE_FAILURES: '2', SIGNIN_BASE_DELAY_SECONDS: '600' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each(['jane.doe@example.com', '+1 (555) 201-7788', 'Jane Doe'])(
    'refuses %p as a pseudonym and stores nothing of it',
    async (typed) => {
      const signIn = await app.gql(SIGN_IN, { input: { pseudonym: typed, passphrase: 'whatever they typed' } });
      expect(codeOf(signIn)).toBe('BAD_USER_INPUT');
      const recover = await app.gql(RECOVER, {
        input: { pseudonym: typed, recoveryCode: '0000-0000-0000', newPassphrase: 'a fine new passphrase' },
      });
      expect(codeOf(recover)).toBe('BAD_USER_INPUT');

      const dump = (await dumpDatabase(app)).toLowerCase();
      for (const fragment of [typed, typed.trim().toLowerCase(), 'jane', 'example.com', '2017788'])
        expect(dump.includes(fragment.toLowerCase())).toBe(false);
    },
  );

  it('keys the throttle by a keyed hash of the pseudonym, never by the pseudonym', async () => {
    for (let i = 0; i < 3; i++) await app.gql(SIGN_IN, { input: { pseudonym: 'Sarah_Connor_1984', passphrase: 'a wrong passphrase' } });
    const rows: Array<{ pseudonym_hmac: string; failures: number }> = await app.dataSource.query(
      `SELECT pseudonym_hmac, failures FROM sign_in_throttle`,
    );
    const key = await app.running.app.get(SignInThrottleService).keyFor('sarah_connor_1984');
    expect(rows).toEqual([{ pseudonym_hmac: key, failures: 2 }]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect((await dumpDatabase(app)).toLowerCase().includes('sarah')).toBe(false);
  });

  it('purges stale throttles, counters and spent challenges, and keeps current ones', async () => {
    await app.dataSource.query(`DELETE FROM sign_in_throttle`);
    await app.dataSource.query(
      `INSERT INTO sign_in_throttle (pseudonym_hmac, failures, blocked_until, last_failure_at) VALUES
         ('stale', 3, NULL, now() - interval '2 days'),
         ('stale-but-blocked', 30, now() + interval '1 hour', now() - interval '2 days'),
         ('fresh', 3, NULL, now() - interval '1 hour')`,
    );
    await app.dataSource.query(
      `INSERT INTO client_rate_counter (client_key, action, window_start, count) VALUES ('old', 'REGISTER', now() - interval '3 days', 4), ('current', 'REGISTER', now(), 1)`,
    );
    await app.dataSource.query(
      `INSERT INTO proof_of_work_spent (signature, expires_at) VALUES ('expired', now() - interval '1 minute'), ('live', now() + interval '5 minutes')`,
    );

    const counts = await app.running.app.get(AccountAbuseSweeper).purgeOnce();
    expect(counts).toEqual({ throttles: 1, counters: 1, spentChallenges: 1 });
    expect(
      (await app.dataSource.query(`SELECT pseudonym_hmac FROM sign_in_throttle ORDER BY 1`)).map(
        (r: { pseudonym_hmac: string }) => r.pseudonym_hmac,
      ),
    ).toEqual(['fresh', 'stale-but-blocked']);
    expect(await app.dataSource.query(`SELECT client_key FROM client_rate_counter`)).toEqual([{ client_key: 'current' }]);
    expect(await app.dataSource.query(`SELECT signature FROM proof_of_work_spent`)).toEqual([{ signature: 'live' }]);
  });

  it('purges in one instance at a time: another holder of the lock makes a pass skip', async () => {
    const other = new Client({ connectionString: app.running.config.databaseUrl as string });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK.ACCOUNT_PURGE]);
      expect(await app.running.app.get(AccountAbuseSweeper).purgeOnce()).toBeNull();
    } finally {
      await other.end();
    }
    expect(await app.running.app.get(AccountAbuseSweeper).purgeOnce()).not.toBeNull();
  });
});

describe('the purge on a timer', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { ACCOUNT_PURGE_INTERVAL_SECONDS: '1' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs by itself in a process that runs workers', async () => {
    await app.dataSource.query(
      `INSERT INTO sign_in_throttle (pseudonym_hmac, failures, blocked_until, last_failure_at) VALUES ('stale', 3, NULL, now() - interval '2 days')`,
    );
    await app.dataSource.query(`INSERT INTO proof_of_work_spent (signature, expires_at) VALUES ('expired', now() - interval '1 minute')`);
    await waitFor(async () => {
      const [row] = await app.dataSource.query(
        `SELECT (SELECT count(*) FROM sign_in_throttle)::int + (SELECT count(*) FROM proof_of_work_spent)::int AS n`,
      );
      return row.n === 0;
    });
  });
});
