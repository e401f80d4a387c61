import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges, getIntrospectionQuery, buildClientSchema, IntrospectionQuery } from 'graphql';
import { startTestApp, TestApp } from './support/test-app';

const CONTRACT = path.join(__dirname, 'fixtures', 'contract.graphql');

describe('the served GraphQL schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The standard introspection query nests 15 levels (TypeRef.ofType…); introspection is not
    // exempt from the depth limit, so schema tooling needs QUERY_DEPTH_MAX raised to use it.
    app = await startTestApp({ env: { WORKERS: 'off', QUERY_DEPTH_MAX: '15' } });
  });
  afterAll(() => app.close());

  it('contains the whole public contract (no breaking changes against it)', () => {
    const contract = buildSchema(fs.readFileSync(CONTRACT, 'utf8'));
    const served = app.running.app.get(GraphQLSchemaHost).schema;
    expect(findBreakingChanges(contract, served).map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });

  it('serves the same schema to clients over HTTP introspection', async () => {
    const response = await app.gql<IntrospectionQuery>(getIntrospectionQuery());
    expect(response.errors).toBeUndefined();
    const contract = buildSchema(fs.readFileSync(CONTRACT, 'utf8'));
    expect(findBreakingChanges(contract, buildClientSchema(response.data as IntrospectionQuery))).toEqual([]);
  });

  it('answers GET /health with a bare status (details are for operators: test/http-hardening)', async () => {
    const response = await fetch(`${app.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('limits on what one query may ask for', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', QUERY_COST_MAX: '5000', QUERY_DEPTH_MAX: '8' } });
  });
  afterAll(() => app.close());

  it('refuses nested pages whose worst case is over QUERY_COST_MAX, with BAD_USER_INPUT', async () => {
    const nested = `query($n: Int) { threads(first: $n) { edges { node { id replies(first: 100) { edges { node { id body } } } } } } }`;
    const refused = await app.gql(nested, { n: 100 });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain('limit 5000');
    // The same shape with small pages is fine.
    const small = await app.gql(nested, { n: 5 });
    expect(small.errors).toBeUndefined();
  });

  it('refuses queries nested deeper than QUERY_DEPTH_MAX, with BAD_USER_INPUT', async () => {
    const deep = `{ threads(first: 1) { edges { node { replies(first: 1) { edges { node { thread { replies(first: 1) { edges { node { id } } } } } } } } } } }`;
    const refused = await app.gql(deep);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
