import { buildSchema, parse } from 'graphql';
import { queryCostError } from './query-cost';

const schema = buildSchema(`
  type Query { threads(first: Int = 20): ThreadConnection! thread(id: ID!): Thread me: Account pages(first: Int): ThreadConnection! }
  type Account { id: ID! }
  type ThreadConnection { edges: [ThreadEdge!]! }
  type ThreadEdge { node: Thread! }
  type Thread { id: ID! title: String! replies(first: Int = 50): ReplyConnection! }
  type ReplyConnection { edges: [ReplyEdge!]! }
  type ReplyEdge { node: Reply! }
  type Reply { id: ID! body: String! }
`);

/** The cost the check computed, read from its refusal at a limit of 1 (1 when it fits). */
function cost(query: string, variables: Record<string, unknown> = {}): number {
  const error = queryCostError({ schema, document: parse(query), variables, max: 1 });
  if (!error) return 1;
  const match = /cost (\d+)/.exec(error.message);
  if (!match) throw new Error(error.message);
  return Number(match[1]);
}

describe('queryCostError', () => {
  it('counts plain fields once', () => {
    expect(cost('{ me { id } thread(id: "1") { id title } }')).toBe(2 + 3);
  });

  it('multiplies a page by the size it asks for, from a literal or a variable', () => {
    const literal = cost('{ threads(first: 10) { edges { node { id } } } }');
    expect(literal).toBe(1 + 10 * (1 + 1 + 1));
    expect(cost('query($n: Int) { threads(first: $n) { edges { node { id } } } }', { n: 10 })).toBe(literal);
  });

  it("scores a variable's default when the variable is not sent", () => {
    expect(cost('query($n: Int = 100) { threads(first: $n) { edges { node { id } } } }')).toBe(1 + 100 * 3);
  });

  it("scores the schema's argument default when first is omitted (replies pages by 50)", () => {
    expect(cost('{ thread(id: "1") { replies { edges { node { id } } } } }')).toBe(1 + 1 + 50 * 3);
    expect(cost('{ threads { edges { node { id } } } }')).toBe(1 + 20 * 3);
  });

  it('assumes a page of 20 for a connection with no size and no default', () => {
    expect(cost('{ pages { edges { node { id } } } }')).toBe(1 + 20 * 3);
  });

  it('grows with nesting, through fragments', () => {
    const nested = cost(
      '{ threads(first: 100) { edges { node { ...T } } } } fragment T on Thread { replies(first: 100) { edges { node { body } } } }',
    );
    expect(nested).toBeGreaterThan(100 * 100 * 3);
  });

  it('refuses over the limit with BAD_USER_INPUT and lets the rest through', () => {
    const document = parse('{ threads(first: 100) { edges { node { replies(first: 100) { edges { node { body } } } } } } }');
    const refused = queryCostError({ schema, document, max: 25_000 });
    expect(refused?.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused?.message).toContain('limit 25000');
    expect(queryCostError({ schema, document, max: 10_000_000 })).toBeNull();
  });

  it('refuses variables that do not fit their types rather than guessing', () => {
    const error = queryCostError({
      schema,
      document: parse('query($n: Int) { threads(first: $n) { edges { node { id } } } }'),
      variables: { n: 'many' },
      max: 1000,
    });
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
