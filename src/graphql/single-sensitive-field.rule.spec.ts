import { buildSchema, parse, validate } from 'graphql';
import { singleSensitiveFieldRule } from './single-sensitive-field.rule';

const schema = buildSchema(`
  type Query { me: String screenDraft(body: String!): String }
  type Mutation { register(p: String): String signIn(p: String): String recoverAccount(p: String): String signOut: Boolean changePassphrase(p: String): Boolean }
`);

function refusals(query: string): string[] {
  return validate(schema, parse(query), [singleSensitiveFieldRule]).map((error) => String(error.extensions.code));
}

describe('singleSensitiveFieldRule', () => {
  it('lets one account call or one draft screening through', () => {
    expect(refusals('mutation { register(p: "x") signOut }')).toEqual([]);
    expect(refusals('{ me screenDraft(body: "x") }')).toEqual([]);
  });

  it('refuses the same account call twice through aliases', () => {
    expect(refusals('mutation { a: register(p: "x") b: register(p: "y") }')).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses mixing two account calls', () => {
    expect(refusals('mutation { signIn(p: "x") recoverAccount(p: "y") }')).toEqual(['BAD_USER_INPUT']);
  });

  it('counts through fragments and inline fragments', () => {
    expect(refusals('mutation { register(p: "x") ...F } fragment F on Mutation { again: register(p: "y") }')).toEqual(['BAD_USER_INPUT']);
    expect(refusals('mutation { ... on Mutation { signIn(p: "x") } ... { signIn(p: "y") } }')).toEqual(['BAD_USER_INPUT']);
    expect(refusals('mutation { ...F ...F } fragment F on Mutation { register(p: "x") }')).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses screening more than one draft at once', () => {
    expect(refusals('{ a: screenDraft(body: "x") b: screenDraft(body: "y") }')).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses changing the passphrase more than once at once', () => {
    expect(refusals('mutation { changePassphrase(p: "x") signOut }')).toEqual([]);
    expect(refusals('mutation { a: changePassphrase(p: "x") b: changePassphrase(p: "y") }')).toEqual(['BAD_USER_INPUT']);
  });
});
