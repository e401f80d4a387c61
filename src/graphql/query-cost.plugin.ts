import type { ApolloServerPlugin } from '@apollo/server';
import { queryCostError } from './query-cost';

/**
 * Refuses over-cost operations on HTTP before any resolver runs. A plugin rather than a
 * validation rule because page sizes often come in variables, which validation (and
 * Apollo's validated-document cache) does not see. graphql-ws runs the same check in
 * its onSubscribe.
 */
export function queryCostPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const error = queryCostError({ schema, document, operationName: request.operationName, variables: request.variables, max });
          if (error) throw error;
        },
      };
    },
  };
}
