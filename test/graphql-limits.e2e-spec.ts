import { Client } from 'graphql-ws';
import { registerMember } from './support/members';
import { openSocket, runOnSocket } from './support/socket';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/**
 * One set of limits on what a single operation may ask for, whatever carries it: each
 * attack is sent over HTTP and over graphql-ws (anonymously), and refused with
 * BAD_USER_INPUT on both before any resolver runs.
 */

// 12 levels: threads > edges > node > replies > edges > node > thread > replies > edges > node > thread > id
const TWELVE_DEEP = `{ threads(first: 1) { edges { node { replies(first: 1) { edges { node { thread { replies(first: 1) { edges { node { thread { id } } } } } } } } } } } }`;
// Over 25,000 only when both defaults count: 100 threads (the variable's default) × 50 replies
// (the schema's default for `replies`) costs 40,701; with either default taken as 20 it would pass.
const COSTLY_BY_DEFAULTS = `query($n: Int = 100) { threads(first: $n) { edges { cursor node { id title body replies { edges { cursor node { id body status author { pseudonym } } } } } } } }`;
const COSTLY_BY_VARIABLE = `query($n: Int) { threads(first: $n) { edges { node { id replies(first: 100) { edges { node { id body } } } } } } }`;
const DEEP_INTROSPECTION = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`;
const MANY_ALIASES = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: crisisResources { name }`).join(' ')} }`;
const MANY_DIRECTIVES = `{ crisisResources { ${Array.from({ length: 11 }, () => 'name @include(if: true)').join(' ')} } }`;
const MANY_TOKENS = `{ crisisResources { ${Array.from({ length: 2100 }, () => 'name').join(' ')} } }`;
const TRIPLE_REGISTER = `mutation { ${['a', 'b', 'c'].map((alias) => `${alias}: register(input: { passphrase: "a long passphrase ${alias}" }) { token }`).join(' ')} }`;
const REGISTER_AND_SIGN_IN = `mutation { register(input: { passphrase: "a long passphrase here" }) { token } signIn(input: { pseudonym: "Nobody1", passphrase: "a long passphrase here" }) { token } }`;
const DOUBLE_SCREEN = `query($body: String!) { a: screenDraft(body: $body) { outcome } b: screenDraft(body: $body) { outcome } }`;

function refusedAsInput(response: GqlResponse<unknown>): string {
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.length).toBeGreaterThan(0);
  expect(response.errors?.map((error) => error.extensions?.code)).toEqual(response.errors?.map(() => 'BAD_USER_INPUT'));
  return response.errors?.map((error) => error.message).join(' | ') ?? '';
}

describe('limits on one operation, over HTTP and graphql-ws alike', () => {
  let app: TestApp;
  let socket: Client;
  const transports: Array<[string, (query: string, variables?: Record<string, unknown>) => Promise<GqlResponse<unknown>>]> = [
    ['HTTP', (query, variables) => app.gql(query, variables)],
    ['graphql-ws', (query, variables) => runOnSocket(socket, query, variables)],
  ];

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
    socket = openSocket(app.url);
  });
  afterAll(async () => {
    await socket?.dispose();
    await app?.close();
  });

  describe.each(transports)('over %s', (_name, send) => {
    it('refuses a query nested 12 levels deep (QUERY_DEPTH_MAX 10), and serves a shallower one', async () => {
      expect(refusedAsInput(await send(TWELVE_DEEP))).toMatch(/depth/i);
      const shallow = await send(`{ threads(first: 1) { edges { node { replies(first: 1) { edges { node { thread { id } } } } } } } }`);
      expect(shallow.errors).toBeUndefined();
    });

    it('counts introspection fields toward depth', async () => {
      expect(refusedAsInput(await send(DEEP_INTROSPECTION))).toMatch(/depth/i);
    });

    it("refuses a query whose cost comes from a variable's default and the schema's page defaults", async () => {
      expect(refusedAsInput(await send(COSTLY_BY_DEFAULTS))).toContain('cost 40701, limit 25000');
      expect((await send(COSTLY_BY_DEFAULTS, { n: 2 })).errors).toBeUndefined();
    });

    it('refuses a query whose cost comes from a variable value', async () => {
      expect(refusedAsInput(await send(COSTLY_BY_VARIABLE, { n: 100 }))).toContain('limit 25000');
      expect((await send(COSTLY_BY_VARIABLE, { n: 5 })).errors).toBeUndefined();
    });

    it('refuses too many aliases, directives or tokens', async () => {
      expect(refusedAsInput(await send(MANY_ALIASES))).toMatch(/alias/i);
      expect(refusedAsInput(await send(MANY_DIRECTIVES))).toMatch(/directive/i);
      expect(refusedAsInput(await send(MANY_TOKENS))).toMatch(/token/i);
    });

    it('refuses several account calls in one operation, and creates no account', async () => {
      const [{ count: before }]: Array<{ count: number }> = await app.dataSource.query('SELECT count(*)::int AS count FROM account');
      expect(refusedAsInput(await send(TRIPLE_REGISTER))).toMatch(/only one/);
      expect(refusedAsInput(await send(REGISTER_AND_SIGN_IN))).toMatch(/only one/);
      const [{ count: after }]: Array<{ count: number }> = await app.dataSource.query('SELECT count(*)::int AS count FROM account');
      expect(after).toBe(before);
    });

    it('refuses screening more than one draft in one operation', async () => {
      expect(refusedAsInput(await send(DOUBLE_SCREEN, { body: 'x'.repeat(20_000) }))).toMatch(/screenDraft only once/);
    });
  });

  it('still registers one account per operation', async () => {
    const member = await registerMember(app);
    expect(member.token).toBeTruthy();
  });

  it('refuses a batch of operations in one HTTP request', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ crisisResources { name } }' }, { query: '{ crisisResources { name } }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('crisisResources');
  });

  it('answers introspection and suggests field names outside production', async () => {
    expect((await app.gql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await app.gql('{ thred(id: "x") { id } }');
    expect(typo.errors?.[0].message).toMatch(/Did you mean/);
  });
});

describe('introspection and suggestions in production', () => {
  let app: TestApp;
  let socket: Client;

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', NODE_ENV: 'production' } });
    socket = openSocket(app.url);
  });
  afterAll(async () => {
    await socket?.dispose();
    await app?.close();
  });

  it('refuses introspection over HTTP and graphql-ws', async () => {
    refusedAsInput(await app.gql('{ __schema { queryType { name } } }'));
    refusedAsInput(await runOnSocket(socket, '{ __type(name: "Query") { name } }'));
  });

  it('names no other field when one is misspelt', async () => {
    for (const response of [await app.gql('{ thred(id: "x") { id } }'), await runOnSocket(socket, '{ thred(id: "x") { id } }')]) {
      const message = refusedAsInput(response);
      expect(message).toContain('thred');
      expect(message).not.toMatch(/Did you mean|thread/);
    }
  });

  it('still serves ordinary queries', async () => {
    expect((await app.gql('{ crisisResources { name } }')).errors).toBeUndefined();
    expect((await runOnSocket(socket, '{ crisisResources { name } }')).errors).toBeUndefined();
  });
});
