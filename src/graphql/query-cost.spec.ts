import { FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { operationCost } from './query-cost';

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition;
  }
  return operationCost(operation as OperationDefinitionNode, { variables, fragments, defaultPageSize: 20 });
}

describe('operationCost', () => {
  it('counts plain fields once', () => {
    expect(cost('{ me { id member { pseudonym } } }')).toBe(4);
  });

  it('multiplies a page by the size it asks for, from a literal or a variable', () => {
    const literal = cost('{ threads(first: 10) { edges { node { id } } } }');
    expect(literal).toBe(1 + 10 * (1 + 1 + 1));
    expect(cost('query($n: Int) { threads(first: $n) { edges { node { id } } } }', { n: 10 })).toBe(literal);
  });

  it('assumes the default page size when first is omitted', () => {
    expect(cost('{ threads { edges { node { id } } } }')).toBe(1 + 20 * 3);
  });

  it('grows with nesting, which is what makes nested pages expensive', () => {
    const nested = cost('{ threads(first: 100) { edges { node { replies(first: 100) { edges { node { body } } } } } } }');
    expect(nested).toBeGreaterThan(100 * 100 * 3);
  });

  it('follows fragments without looping on them', () => {
    expect(cost('{ threads(first: 2) { edges { node { ...T } } } } fragment T on Thread { id title }')).toBe(1 + 2 * (1 + 1 + 2));
  });
});
