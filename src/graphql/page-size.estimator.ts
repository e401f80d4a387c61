import { getNamedType, GraphQLField } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** Page size assumed for a connection whose `first` has neither a value nor a schema default. */
export const FALLBACK_PAGE_SIZE = 20;

/** The arguments that size a list, in the order they are looked for. */
const SIZE_ARGUMENTS = ['first', 'count'] as const;

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(field.type).name.endsWith('Connection');
}

/**
 * Every field costs 1, and a list's selection is multiplied by the page size it asks for.
 * graphql-query-complexity hands us `args` already coerced the way execution will see them:
 * literal values, variable values, the operation's variable defaults and the schema's
 * argument defaults (`replies` pages by 50 when `first` is omitted), so the estimate is the
 * worst case the resolvers can actually be asked to serve.
 */
export function pageSizeEstimator(): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    for (const name of SIZE_ARGUMENTS) {
      const value: unknown = args[name];
      if (typeof value === 'number' && Number.isFinite(value)) return 1 + Math.max(1, value) * childComplexity;
    }
    return 1 + (isConnection(field) ? FALLBACK_PAGE_SIZE : 1) * childComplexity;
  };
}
