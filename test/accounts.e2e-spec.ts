import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  findBreakingChanges,
  getIntrospectionQuery,
  GraphQLObjectType,
  GraphQLSchema,
  IntrospectionQuery,
  printSchema,
  printType,
} from 'graphql';
import { AccountLoadersFactory } from '../src/accounts/account.loaders';
import { SignInThrottleService } from '../src/accounts/sign-in-throttle.service';
import { solvedProofOfWork } from './support/proof-of-work';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Accounts over real HTTP against a real Postgres: registration, sign-in and its backoff,
 * sessions, recovery codes, profile, deletion, and what the database keeps (hashes only).
 * Screening workers are off: these tests insert posts directly and need them to stay put.
 */

const ACCOUNT_FIELDS = `id recoveryStartDate shareRecoveryDays suspendedUntil member { id pseudonym perspective role joinedMonth daysInRecovery }`;

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token recoveryCodes account { ${ACCOUNT_FIELDS} } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { token account { ${ACCOUNT_FIELDS} } } }`;
const SIGN_OUT = `mutation { signOut }`;
const RECOVER = `mutation ($input: RecoverAccountInput!) { recoverAccount(input: $input) { token recoveryCodes account { ${ACCOUNT_FIELDS} } } }`;
const UPDATE_PROFILE = `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { ${ACCOUNT_FIELDS} } }`;
const DELETE_ACCOUNT = `mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
const ME = `query { me { ${ACCOUNT_FIELDS} } }`;
const SUGGESTIONS = `query ($count: Int) { pseudonymSuggestions(count: $count) }`;
const SUGGESTIONS_DEFAULT = `query { pseudonymSuggestions }`;

const PASSPHRASE = 'river stones and quiet mornings';
const CODE_PATTERN = /^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/;
const BAD_CREDENTIALS = "That pseudonym and passphrase don't match.";

interface AccountView {
  id: string;
  recoveryStartDate: string | null;
  shareRecoveryDays: boolean;
  suspendedUntil: string | null;
  member: { id: string; pseudonym: string; perspective: string; role: string; joinedMonth: string; daysInRecovery: number | null };
}

interface Registered {
  token: string;
  recoveryCodes: string[];
  account: AccountView;
}

function codeOf(response: { errors?: Array<{ extensions?: { code?: string } }> }): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

async function register(app: TestApp, input: Record<string, unknown>): Promise<Registered> {
  const response = await app.gql<{ register: Registered }>(REGISTER, { input: { passphrase: PASSPHRASE, ...input } });
  if (!response.data) throw new Error(`register failed: ${JSON.stringify(response.errors)}`);
  return response.data.register;
}

async function signIn(app: TestApp, pseudonym: string, passphrase: string, proofOfWork?: string) {
  return app.gql<{ signIn: { token: string; account: AccountView } }>(SIGN_IN, {
    input: { pseudonym, passphrase, ...(proofOfWork ? { proofOfWork } : {}) },
  });
}

/** The sign_in_throttle key of a pseudonym (a keyed HMAC), as the app computes it. */
function throttleKey(app: TestApp, pseudonym: string): Promise<string> {
  return app.running.app.get(SignInThrottleService).keyFor(pseudonym);
}

/** Inserts a thread (opening post + thread row) in one transaction: the post→thread FK is deferred. */
async function insertThread(app: TestApp, authorId: string, status: string): Promise<string> {
  const id = randomUUID();
  await app.dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO post (id, kind, thread_id, author_id, title, body, status) VALUES ($1, 'THREAD', $1, $2, 'A title', 'Some words', $3)`,
      [id, authorId, status],
    );
    await manager.query(`INSERT INTO thread (id, space_id) VALUES ($1, (SELECT id FROM space LIMIT 1))`, [id]);
  });
  return id;
}

function utcDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The accounts part of a schema: its types, and the accounts fields of Query and Mutation. */
const ACCOUNT_TYPES = [
  'Role',
  'Perspective',
  'Member',
  'Account',
  'RegisterInput',
  'AuthPayload',
  'RegisterPayload',
  'SignInInput',
  'RecoverAccountInput',
  'DeletionMode',
  'DeleteAccountInput',
  'UpdateProfileInput',
  'DateTime',
];
/** Types the served accounts part adds beyond the contract (issue 10: pathways, progress): absent from the contract's part. */
const ADDED_ACCOUNT_TYPES = ['Pathway', 'RecoveryProgress', 'RecoveryMilestone'];
const ACCOUNT_QUERIES = ['me', 'pseudonymSuggestions'];
const ACCOUNT_MUTATIONS = ['register', 'signIn', 'signOut', 'recoverAccount', 'updateProfile', 'deleteAccount'];
/** Fields of Account that other folders add (forum, notifications, moderation, check-ins); checked with their schemas. */
const FOREIGN_ACCOUNT_FIELDS = ['posts', 'notifications', 'bookmarks', 'blockedMembers', 'checkIns', 'contentPreferences', 'myReports'];

function accountsPart(schema: GraphQLSchema): GraphQLSchema {
  const pick = (type: GraphQLObjectType | null | undefined, names: string[]) => {
    if (!type) throw new Error('missing root type');
    const config = type.toConfig();
    return new GraphQLObjectType({
      ...config,
      fields: Object.fromEntries(Object.entries(config.fields).filter(([name]) => names.includes(name))),
    });
  };
  const printed = ACCOUNT_TYPES.map((name) => {
    const type = schema.getType(name);
    if (!type) throw new Error(`type ${name} missing`);
    if (name !== 'Account') return printType(type);
    const fields = Object.keys((type as GraphQLObjectType).getFields()).filter((field) => !FOREIGN_ACCOUNT_FIELDS.includes(field));
    return printType(pick(type as GraphQLObjectType, fields));
  });
  for (const name of ADDED_ACCOUNT_TYPES) {
    const type = schema.getType(name);
    if (type) printed.push(printType(type));
  }
  printed.push(printType(pick(schema.getQueryType(), ACCOUNT_QUERIES)), printType(pick(schema.getMutationType(), ACCOUNT_MUTATIONS)));
  return buildSchema(printed.join('\n\n'));
}

describe('accounts', () => {
  let app: TestApp;

  beforeAll(async () => {
    // The schema test below uses the standard introspection query, which nests 15 levels.
    app = await startTestApp({ env: { WORKERS: 'off', QUERY_DEPTH_MAX: '15' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('schema', () => {
    let served: GraphQLSchema;

    beforeAll(async () => {
      const response = await app.gql<IntrospectionQuery>(getIntrospectionQuery());
      served = buildClientSchema(response.data!);
    });

    it('serves the accounts part of the contract without breaking changes', () => {
      const contract = buildSchema(fs.readFileSync(path.join(__dirname, 'fixtures', 'contract.graphql'), 'utf8'));
      expect(findBreakingChanges(accountsPart(contract), accountsPart(served))).toEqual([]);
    });

    it('keeps the contract defaults and exposes no secrets', () => {
      const sdl = printSchema(served);
      expect(sdl).toContain('perspective: Perspective = UNSPECIFIED');
      expect(sdl).toMatch(/pseudonymSuggestions\(count: Int = 5\): \[String!\]!/);
      expect(sdl).not.toMatch(/passphraseHash|tokenHash|codeHash|pseudonymKey|bannedAt/);
    });
  });

  describe('register', () => {
    it('gives a generated pseudonym, a session and ten one-time recovery codes', async () => {
      const registered = await register(app, {});
      expect(registered.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(registered.recoveryCodes).toHaveLength(10);
      expect(new Set(registered.recoveryCodes).size).toBe(10);
      for (const code of registered.recoveryCodes) expect(code).toMatch(CODE_PATTERN);
      const { member } = registered.account;
      expect(member.pseudonym).toMatch(/^[A-Z][a-z]+[A-Z][a-z]+[1-9][0-9]$/);
      expect(member).toMatchObject({ id: registered.account.id, perspective: 'UNSPECIFIED', role: 'MEMBER', daysInRecovery: null });
      expect(member.joinedMonth).toBe(new Date().toISOString().slice(0, 7));
      expect(registered.account).toMatchObject({ recoveryStartDate: null, shareRecoveryDays: false, suspendedUntil: null });

      const me = await app.gql<{ me: AccountView }>(ME, {}, registered.token);
      expect(me.data?.me).toEqual(registered.account);
    });

    it('takes a chosen pseudonym and perspective', async () => {
      const registered = await register(app, { pseudonym: 'Morning_Walker-7', perspective: 'FAMILY_OR_FRIEND' });
      expect(registered.account.member).toMatchObject({ pseudonym: 'Morning_Walker-7', perspective: 'FAMILY_OR_FRIEND' });
    });

    it('refuses a pseudonym already taken, whatever its case', async () => {
      await register(app, { pseudonym: 'StillWater' });
      for (const pseudonym of ['StillWater', 'stillwater', 'STILLWATER']) {
        const response = await app.gql(REGISTER, { input: { pseudonym, passphrase: PASSPHRASE } });
        expect(codeOf(response)).toBe('CONFLICT');
        expect(response.errors?.[0].message).toMatch(/already taken/);
        expect(response.data).toBeNull();
      }
    });

    it.each(['ab', 'x'.repeat(25), 'has space', 'dot.ted', 'émile', 'Moderator_Sam', 'admin'])(
      'refuses the pseudonym %p',
      async (pseudonym) => {
        const response = await app.gql(REGISTER, { input: { pseudonym, passphrase: PASSPHRASE } });
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
      },
    );

    it('refuses a passphrase shorter than 12 characters', async () => {
      const response = await app.gql(REGISTER, { input: { passphrase: 'elevenchars' } });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toMatch(/at least 12 characters/);
      const twelve = await app.gql(REGISTER, { input: { passphrase: 'twelve chars' } });
      expect(twelve.errors).toBeUndefined();
      // Length made of spaces is not a passphrase.
      expect(codeOf(await app.gql(REGISTER, { input: { passphrase: ' '.repeat(12) } }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await app.gql(REGISTER, { input: { passphrase: 'a b c d e    ' } }))).toBe('BAD_USER_INPUT');
    });

    it('refuses an absurdly long passphrase', async () => {
      const response = await app.gql(REGISTER, { input: { passphrase: 'a'.repeat(5000) } });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    });
  });

  describe('signIn, me and signOut', () => {
    it('signs in with pseudonym (any case) and passphrase', async () => {
      const registered = await register(app, { pseudonym: 'GentleHeron11' });
      const response = await signIn(app, 'gentleheron11', PASSPHRASE);
      expect(response.errors).toBeUndefined();
      expect(response.data?.signIn.account.id).toBe(registered.account.id);
      expect(response.data?.signIn.token).not.toBe(registered.token);
      const me = await app.gql<{ me: AccountView }>(ME, {}, response.data?.signIn.token);
      expect(me.data?.me.member.pseudonym).toBe('GentleHeron11');
    });

    it('gives the same error for a wrong passphrase and an unknown pseudonym', async () => {
      await register(app, { pseudonym: 'BraveOtter12' });
      const wrongPassphrase = await signIn(app, 'BraveOtter12', 'not the passphrase at all');
      const unknownPseudonym = await signIn(app, 'NobodyHere99', PASSPHRASE);
      for (const response of [wrongPassphrase, unknownPseudonym]) {
        expect(response.data).toBeNull();
        expect(response.errors).toHaveLength(1);
        expect(response.errors?.[0].message).toBe(BAD_CREDENTIALS);
        expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect(wrongPassphrase.errors?.[0].extensions).toEqual(unknownPseudonym.errors?.[0].extensions);
    });

    it('answers me with null when signed out or with a token it does not know', async () => {
      expect((await app.gql(ME)).data).toEqual({ me: null });
      expect((await app.gql(ME, {}, 'not-a-token')).data).toEqual({ me: null });
      expect((await app.gql(ME, {}, 'A'.repeat(43))).data).toEqual({ me: null });
    });

    it('signOut revokes the current session only', async () => {
      const registered = await register(app, {});
      const second = await signIn(app, registered.account.member.pseudonym, PASSPHRASE);
      const secondToken = second.data!.signIn.token;

      expect((await app.gql(SIGN_OUT, {}, registered.token)).data).toEqual({ signOut: true });
      expect((await app.gql(ME, {}, registered.token)).data).toEqual({ me: null });
      const refused = await app.gql(UPDATE_PROFILE, { input: { perspective: 'SUPPORTER' } }, registered.token);
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
      expect((await app.gql(SIGN_OUT, {}, registered.token)).data).toEqual({ signOut: false });

      const still = await app.gql<{ me: AccountView }>(ME, {}, secondToken);
      expect(still.data?.me.id).toBe(registered.account.id);
      expect((await app.gql(SIGN_OUT)).data).toEqual({ signOut: false });
    });

    it('refuses an expired session', async () => {
      const registered = await register(app, {});
      await app.dataSource.query(`UPDATE session SET expires_at = now() - interval '1 minute' WHERE account_id = $1`, [
        registered.account.id,
      ]);
      expect((await app.gql(ME, {}, registered.token)).data).toEqual({ me: null });
      const refused = await app.gql(UPDATE_PROFILE, { input: { perspective: 'SUPPORTER' } }, registered.token);
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    });

    it('sets sessions to expire after the configured time (30 days by default)', async () => {
      const registered = await register(app, {});
      const [row] = await app.dataSource.query(
        `SELECT extract(epoch FROM expires_at - created_at) AS seconds FROM session WHERE account_id = $1`,
        [registered.account.id],
      );
      expect(Math.round(Number(row.seconds) / 86400)).toBe(30);
    });

    it('refuses a banned account, and its sessions stop working', async () => {
      const registered = await register(app, {});
      await app.dataSource.query(`UPDATE account SET banned_at = now() WHERE id = $1`, [registered.account.id]);
      expect((await app.gql(ME, {}, registered.token)).data).toEqual({ me: null });
      const response = await signIn(app, registered.account.member.pseudonym, PASSPHRASE);
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.errors?.[0].message).toMatch(/banned/);
    });

    it('reports suspension on the account, and a suspended member can still sign in', async () => {
      const registered = await register(app, {});
      await app.dataSource.query(`UPDATE account SET suspended_until = now() + interval '3 days' WHERE id = $1`, [registered.account.id]);
      const response = await signIn(app, registered.account.member.pseudonym, PASSPHRASE);
      expect(response.errors).toBeUndefined();
      expect(new Date(response.data!.signIn.account.suspendedUntil!).getTime()).toBeGreaterThan(Date.now());
    });
  });

  describe('recoverAccount', () => {
    it('works once per code, sets the new passphrase, ends old sessions and replaces the codes', async () => {
      const registered = await register(app, {});
      const pseudonym = registered.account.member.pseudonym;
      const [first, second] = registered.recoveryCodes;
      const newPassphrase = 'a brand new passphrase for spring';

      const recovered = await app.gql<{ recoverAccount: Registered }>(RECOVER, {
        input: { pseudonym, recoveryCode: first, newPassphrase },
      });
      expect(recovered.errors).toBeUndefined();
      const payload = recovered.data!.recoverAccount;
      expect(payload.account.id).toBe(registered.account.id);
      expect(payload.recoveryCodes).toHaveLength(10);
      for (const code of payload.recoveryCodes) {
        expect(code).toMatch(CODE_PATTERN);
        expect(registered.recoveryCodes).not.toContain(code);
      }

      // Old sessions are gone, the new one works.
      expect((await app.gql(ME, {}, registered.token)).data).toEqual({ me: null });
      expect((await app.gql<{ me: AccountView }>(ME, {}, payload.token)).data?.me.id).toBe(registered.account.id);

      // The old passphrase no longer works, the new one does.
      expect(codeOf(await signIn(app, pseudonym, PASSPHRASE))).toBe('UNAUTHENTICATED');
      expect((await signIn(app, pseudonym, newPassphrase)).errors).toBeUndefined();

      // The spent code fails, and so do the unused codes of the old set.
      const again = await app.gql(RECOVER, { input: { pseudonym, recoveryCode: first, newPassphrase: 'yet another passphrase' } });
      expect(codeOf(again)).toBe('UNAUTHENTICATED');
      const oldUnused = await app.gql(RECOVER, { input: { pseudonym, recoveryCode: second, newPassphrase: 'yet another passphrase' } });
      expect(codeOf(oldUnused)).toBe('UNAUTHENTICATED');

      // A code of the new set works, typed carelessly (upper case, no dashes).
      const careless = payload.recoveryCodes[0].replace(/-/g, '').toUpperCase();
      const fresh = await app.gql<{ recoverAccount: Registered }>(RECOVER, {
        input: { pseudonym, recoveryCode: careless, newPassphrase: 'yet another passphrase' },
      });
      expect(fresh.errors).toBeUndefined();
      expect((await app.gql(ME, {}, payload.token)).data).toEqual({ me: null });
    });

    it('refuses a wrong code or pseudonym alike, and a short new passphrase without spending the code', async () => {
      const registered = await register(app, {});
      const pseudonym = registered.account.member.pseudonym;
      const wrong = await app.gql(RECOVER, {
        input: { pseudonym, recoveryCode: '0000-0000-0000', newPassphrase: 'a fine new passphrase' },
      });
      const unknown = await app.gql(RECOVER, {
        input: { pseudonym: 'NoSuchMember42', recoveryCode: registered.recoveryCodes[0], newPassphrase: 'a fine new passphrase' },
      });
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
      expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);

      const short = await app.gql(RECOVER, { input: { pseudonym, recoveryCode: registered.recoveryCodes[0], newPassphrase: 'short' } });
      expect(codeOf(short)).toBe('BAD_USER_INPUT');
      const ok = await app.gql(RECOVER, {
        input: { pseudonym, recoveryCode: registered.recoveryCodes[0], newPassphrase: 'a fine new passphrase' },
      });
      expect(ok.errors).toBeUndefined();
    });
  });

  describe('updateProfile and Member fields', () => {
    it('updates perspective and recovery date, and shows days in recovery only when shared', async () => {
      const registered = await register(app, {});
      const start = utcDate(-40);

      const updated = await app.gql<{ updateProfile: AccountView }>(
        UPDATE_PROFILE,
        { input: { perspective: 'IN_RECOVERY', recoveryStartDate: start } },
        registered.token,
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data?.updateProfile).toMatchObject({
        recoveryStartDate: start,
        shareRecoveryDays: false,
        member: { perspective: 'IN_RECOVERY', daysInRecovery: null },
      });

      const shared = await app.gql<{ updateProfile: AccountView }>(
        UPDATE_PROFILE,
        { input: { shareRecoveryDays: true } },
        registered.token,
      );
      expect(shared.data?.updateProfile).toMatchObject({
        recoveryStartDate: start,
        shareRecoveryDays: true,
        member: { perspective: 'IN_RECOVERY', daysInRecovery: 40 },
      });

      const me = await app.gql<{ me: AccountView }>(ME, {}, registered.token);
      expect(me.data?.me.member.daysInRecovery).toBe(40);

      const hidden = await app.gql<{ updateProfile: AccountView }>(
        UPDATE_PROFILE,
        { input: { shareRecoveryDays: false } },
        registered.token,
      );
      expect(hidden.data?.updateProfile.member.daysInRecovery).toBeNull();

      const cleared = await app.gql<{ updateProfile: AccountView }>(
        UPDATE_PROFILE,
        { input: { recoveryStartDate: null, shareRecoveryDays: true } },
        registered.token,
      );
      expect(cleared.data?.updateProfile).toMatchObject({
        recoveryStartDate: null,
        shareRecoveryDays: true,
        member: { perspective: 'IN_RECOVERY', daysInRecovery: null },
      });
    });

    it('counts today as day 0', async () => {
      const registered = await register(app, {});
      const response = await app.gql<{ updateProfile: AccountView }>(
        UPDATE_PROFILE,
        { input: { recoveryStartDate: utcDate(0), shareRecoveryDays: true } },
        registered.token,
      );
      expect(response.data?.updateProfile.member.daysInRecovery).toBe(0);
    });

    it.each(['2024-02-30', '14/03/2025', 'last spring', '2025-3-1', utcDate(5), '1850-01-01'])(
      'refuses the recovery start date %p',
      async (recoveryStartDate) => {
        const registered = await register(app, {});
        const response = await app.gql(UPDATE_PROFILE, { input: { recoveryStartDate } }, registered.token);
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
        const me = await app.gql<{ me: AccountView }>(ME, {}, registered.token);
        expect(me.data?.me.recoveryStartDate).toBeNull();
      },
    );

    it('refuses an unknown perspective', async () => {
      const registered = await register(app, {});
      const response = await app.gql(UPDATE_PROFILE, { input: { perspective: 'SOMETHING_ELSE' } }, registered.token);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    });

    it('needs a session', async () => {
      const response = await app.gql(UPDATE_PROFILE, { input: { perspective: 'SUPPORTER' } });
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
    });
  });

  describe('pseudonymSuggestions', () => {
    it('suggests five unused generated names by default, up to twenty', async () => {
      const five = await app.gql<{ pseudonymSuggestions: string[] }>(SUGGESTIONS_DEFAULT);
      expect(five.data?.pseudonymSuggestions).toHaveLength(5);
      const twenty = await app.gql<{ pseudonymSuggestions: string[] }>(SUGGESTIONS, { count: 20 });
      const names = twenty.data!.pseudonymSuggestions;
      expect(names).toHaveLength(20);
      expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(20);
      for (const name of names) expect(name).toMatch(/^[A-Z][a-z]+[A-Z][a-z]+[1-9][0-9]$/);

      const taken: Array<{ pseudonym_key: string }> = await app.dataSource.query(
        `SELECT pseudonym_key FROM account WHERE pseudonym_key = ANY($1::text[])`,
        [names.map((name) => name.toLowerCase())],
      );
      expect(taken).toEqual([]);

      // A suggestion can be registered as it is.
      const registered = await register(app, { pseudonym: names[0] });
      expect(registered.account.member.pseudonym).toBe(names[0]);
    });

    it.each([0, 21, -1])('refuses count %p', async (count) => {
      const response = await app.gql(SUGGESTIONS, { count });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    });
  });

  describe('deleteAccount', () => {
    it('needs the right passphrase and a session', async () => {
      const registered = await register(app, {});
      const wrong = await app.gql(DELETE_ACCOUNT, { input: { passphrase: 'definitely not it', mode: 'ERASE' } }, registered.token);
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      expect((await app.gql<{ me: AccountView }>(ME, {}, registered.token)).data?.me.id).toBe(registered.account.id);
      const anonymous = await app.gql(DELETE_ACCOUNT, { input: { passphrase: PASSPHRASE, mode: 'ERASE' } });
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    });

    it('ERASE removes the account and every post it wrote', async () => {
      const registered = await register(app, {});
      const other = await register(app, {});
      const id = registered.account.id;
      await insertThread(app, id, 'PUBLISHED');
      await insertThread(app, id, 'HELD');
      const othersPost = await insertThread(app, other.account.id, 'PUBLISHED');

      const response = await app.gql(DELETE_ACCOUNT, { input: { passphrase: PASSPHRASE, mode: 'ERASE' } }, registered.token);
      expect(response).toEqual({ data: { deleteAccount: true } });

      expect(await app.dataSource.query(`SELECT id FROM account WHERE id = $1`, [id])).toEqual([]);
      expect(await app.dataSource.query(`SELECT id FROM post WHERE author_id = $1`, [id])).toEqual([]);
      expect(await app.dataSource.query(`SELECT id FROM session WHERE account_id = $1`, [id])).toEqual([]);
      expect(await app.dataSource.query(`SELECT id FROM recovery_code WHERE account_id = $1`, [id])).toEqual([]);
      expect(await app.dataSource.query(`SELECT id FROM post WHERE id = $1`, [othersPost])).toHaveLength(1);
      expect((await app.gql(ME, {}, registered.token)).data).toEqual({ me: null });
      expect(codeOf(await signIn(app, registered.account.member.pseudonym, PASSPHRASE))).toBe('UNAUTHENTICATED');
    });

    it('ANONYMIZE keeps published posts without an author and removes the rest', async () => {
      const registered = await register(app, {});
      const id = registered.account.id;
      const published = await insertThread(app, id, 'PUBLISHED');
      const held = await insertThread(app, id, 'HELD');
      const rejected = await insertThread(app, id, 'REJECTED');

      const response = await app.gql(DELETE_ACCOUNT, { input: { passphrase: PASSPHRASE, mode: 'ANONYMIZE' } }, registered.token);
      expect(response).toEqual({ data: { deleteAccount: true } });

      expect(await app.dataSource.query(`SELECT id FROM account WHERE id = $1`, [id])).toEqual([]);
      expect(
        await app.dataSource.query(`SELECT id, author_id, status FROM post WHERE id = ANY($1::uuid[])`, [[published, held, rejected]]),
      ).toEqual([{ id: published, author_id: null, status: 'PUBLISHED' }]);
      expect(await app.dataSource.query(`SELECT id FROM session WHERE account_id = $1`, [id])).toEqual([]);
    });

    it('frees the pseudonym for someone else', async () => {
      const registered = await register(app, { pseudonym: 'LeavingSoon' });
      await app.gql(DELETE_ACCOUNT, { input: { passphrase: PASSPHRASE, mode: 'ERASE' } }, registered.token);
      const again = await register(app, { pseudonym: 'leavingsoon' });
      expect(again.account.id).not.toBe(registered.account.id);
    });
  });

  it('loads accounts by id in one query per batch', async () => {
    const members = await Promise.all([register(app, {}), register(app, {}), register(app, {})]);
    const loaders = app.running.app.get(AccountLoadersFactory).create(null);
    const ids = [...members.map((m) => m.account.id), randomUUID(), 'not-a-uuid'];
    const { result, count } = await app.countQueries(() => Promise.all(ids.map((id) => loaders.accountById.load(id))));
    expect(count).toBe(1);
    expect(result.map((account) => account?.pseudonym ?? null)).toEqual([...members.map((m) => m.account.member.pseudonym), null, null]);
  });

  it('keeps no plaintext token, recovery code or passphrase in the database', async () => {
    const passphrase = 'a secret that must never be stored';
    const registered = await register(app, { passphrase });
    const signedIn = await signIn(app, registered.account.member.pseudonym, passphrase);
    await signIn(app, registered.account.member.pseudonym, 'a failed attempt passphrase');
    const recovered = await app.gql<{ recoverAccount: Registered }>(RECOVER, {
      input: {
        pseudonym: registered.account.member.pseudonym,
        recoveryCode: registered.recoveryCodes[1],
        newPassphrase: 'the second secret passphrase',
      },
    });
    const secrets = [
      passphrase,
      'a failed attempt passphrase',
      'the second secret passphrase',
      registered.token,
      signedIn.data!.signIn.token,
      recovered.data!.recoverAccount.token,
      ...registered.recoveryCodes,
      ...registered.recoveryCodes.map((code) => code.replace(/-/g, '')),
      ...recovered.data!.recoverAccount.recoveryCodes,
      ...recovered.data!.recoverAccount.recoveryCodes.map((code) => code.replace(/-/g, '')),
    ];

    const tables: Array<{ table_name: string }> = await app.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['account', 'session', 'recovery_code', 'sign_in_throttle']));
    let dump = '';
    for (const { table_name } of tables) {
      const rows: Array<{ row: string }> = await app.dataSource.query(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      dump += rows.map((r) => r.row).join('\n');
    }
    expect(dump).toContain(registered.account.id);
    for (const secret of secrets) expect(dump.includes(secret)).toBe(false);

    const [account] = await app.dataSource.query(`SELECT passphrase_hash FROM account WHERE id = $1`, [registered.account.id]);
    expect(account.passphrase_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const sessions: Array<{ token_hash: string }> = await app.dataSource.query(`SELECT token_hash FROM session WHERE account_id = $1`, [
      registered.account.id,
    ]);
    for (const session of sessions) expect(session.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('sign-in backoff', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        WORKERS: 'off',
        SIGNIN_FREE_FAILURES: '2',
        SIGNIN_BASE_DELAY_SECONDS: '60',
        SIGNIN_MAX_DELAY_SECONDS: '600',
        POW_MAX_NUMBER: '2000',
      },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('blocks a pseudonym after the free failures, even for the right passphrase, and says when to retry', async () => {
    const registered = await register(app, {});
    const pseudonym = registered.account.member.pseudonym;
    for (let i = 0; i < 2; i++) expect(codeOf(await signIn(app, pseudonym, 'wrong passphrase number'))).toBe('UNAUTHENTICATED');

    const blocked = await signIn(app, pseudonym, PASSPHRASE);
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].message).toMatch(/wait (1 minute|60 seconds|5\d seconds) and try again/);
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Case does not get around it.
    expect(codeOf(await signIn(app, pseudonym.toUpperCase(), PASSPHRASE))).toBe('RATE_LIMITED');

    // When the block has run out, the right passphrase works and clears the count.
    const key = await throttleKey(app, pseudonym);
    await app.dataSource.query(`UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE pseudonym_hmac = $1`, [key]);
    expect((await signIn(app, pseudonym, PASSPHRASE)).errors).toBeUndefined();
    expect(await app.dataSource.query(`SELECT * FROM sign_in_throttle WHERE pseudonym_hmac = $1`, [key])).toEqual([]);
    expect(codeOf(await signIn(app, pseudonym, 'wrong passphrase number'))).toBe('UNAUTHENTICATED');
  });

  it('doubles the delay on each further failure', async () => {
    const registered = await register(app, {});
    const pseudonym = registered.account.member.pseudonym;
    const key = await throttleKey(app, pseudonym);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await app.dataSource.query(`UPDATE sign_in_throttle SET blocked_until = NULL WHERE pseudonym_hmac = $1`, [key]);
      await signIn(app, pseudonym, 'wrong passphrase number');
      const [row] = await app.dataSource.query(
        `SELECT extract(epoch FROM blocked_until - last_failure_at) AS seconds FROM sign_in_throttle WHERE pseudonym_hmac = $1`,
        [key],
      );
      delays.push(row.seconds === null ? 0 : Math.round(Number(row.seconds)));
    }
    expect(delays).toEqual([0, 60, 120, 240]);
  });

  it('blocks unknown pseudonyms the same way, so the block tells nothing', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await signIn(app, 'NobodyAtAll77', 'wrong passphrase number');
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0].message).toBe(BAD_CREDENTIALS);
    }
    expect(codeOf(await signIn(app, 'NobodyAtAll77', 'wrong passphrase number'))).toBe('RATE_LIMITED');
  });

  it('checks at most the free failures when 30 wrong passphrases arrive at once', async () => {
    const registered = await register(app, {});
    const pseudonym = registered.account.member.pseudonym;
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(app, pseudonym, `parallel wrong guess ${i}`)));
    const answers = responses.map(codeOf);
    // Each UNAUTHENTICATED is a passphrase that was checked; the rest were refused before any check.
    expect(answers.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(2);
    expect(answers.filter((code) => code === 'RATE_LIMITED')).toHaveLength(28);
  });

  it('lets the owner of a throttled pseudonym in with a recovery code, whatever others failed', async () => {
    const registered = await register(app, {});
    const pseudonym = registered.account.member.pseudonym;
    // Someone else fails on the public pseudonym, on sign-in and on recovery, until it is blocked.
    for (let i = 0; i < 4; i++) await signIn(app, pseudonym, 'an attacker guessing');
    for (let i = 0; i < 4; i++) {
      const response = await app.gql(RECOVER, {
        input: { pseudonym, recoveryCode: '0000-0000-0000', newPassphrase: 'a fine new passphrase' },
      });
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await signIn(app, pseudonym, PASSPHRASE))).toBe('RATE_LIMITED');

    const recovered = await app.gql<{ recoverAccount: Registered }>(RECOVER, {
      input: { pseudonym, recoveryCode: registered.recoveryCodes[0], newPassphrase: 'a fine new passphrase' },
    });
    expect(recovered.errors).toBeUndefined();
    expect((await app.gql<{ me: AccountView }>(ME, {}, recovered.data!.recoverAccount.token)).data?.me.id).toBe(registered.account.id);
    // Recovery cleared the block: the new passphrase signs in at once.
    expect((await signIn(app, pseudonym, 'a fine new passphrase')).errors).toBeUndefined();
  });

  it('asks for proof of work over the limit, and a solved one signs the owner in while others keep failing', async () => {
    const registered = await register(app, {});
    const pseudonym = registered.account.member.pseudonym;
    for (let i = 0; i < 3; i++) await signIn(app, pseudonym, 'an attacker guessing');

    const blocked = await signIn(app, pseudonym, PASSPHRASE);
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].extensions).toMatchObject({ proofOfWorkRequired: true });
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);

    // A wrong passphrase with a valid proof of work is checked, and fails as usual.
    expect(codeOf(await signIn(app, pseudonym, 'an attacker guessing', await solvedProofOfWork(app)))).toBe('UNAUTHENTICATED');

    const proof = await solvedProofOfWork(app);
    const signedIn = await signIn(app, pseudonym, PASSPHRASE, proof);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data?.signIn.account.id).toBe(registered.account.id);

    // The same solution does not work twice, and junk is no solution.
    for (let i = 0; i < 3; i++) await signIn(app, pseudonym, 'an attacker guessing');
    const replayed = await signIn(app, pseudonym, PASSPHRASE, proof);
    expect(codeOf(replayed)).toBe('RATE_LIMITED');
    expect(replayed.errors?.[0].extensions).toMatchObject({ proofOfWorkRequired: true });
    expect(codeOf(await signIn(app, pseudonym, PASSPHRASE, 'bm90IGEgc29sdXRpb24='))).toBe('RATE_LIMITED');
  });
});
