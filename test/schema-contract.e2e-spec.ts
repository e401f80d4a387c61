import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges, getIntrospectionQuery, buildClientSchema, IntrospectionQuery } from 'graphql';
import { startTestApp, TestApp } from './support/test-app';

const CONTRACT = path.join(__dirname, 'fixtures', 'contract.graphql');

describe('the served GraphQL schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
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


  it('answers GET /health with the state of the database and the queue', async () => {
    const response = await fetch(`${app.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } });
  });
});
