import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { pageSizeEstimator } from './page-size.estimator';

export interface CostCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  max: number;
}

/**
 * The refusal for an operation whose worst-case size is over `max`, or null when it fits.
 * Needs the request's variables (page sizes often come in them), so it runs after
 * validation, on every transport, before any resolver.
 */
export function queryCostError({ schema, document, operationName, variables, max }: CostCheck): GraphQLError | null {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [pageSizeEstimator()],
    });
  } catch (error) {
    // Variables that do not coerce, or more nodes than the library will walk: refused as input.
    const message = error instanceof Error ? error.message : 'The query could not be sized.';
    return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  if (cost <= max) return null;
  return new GraphQLError(
    `This query could return too much at once (cost ${cost}, limit ${max}). Ask for smaller pages or fewer nested lists.`,
    {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    },
  );
}
