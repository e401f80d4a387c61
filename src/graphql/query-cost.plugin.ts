import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import { operationCost } from './query-cost';

/**
 * Refuses operations whose worst-case size (see query-cost.ts) is over the limit, before any
 * resolver runs. A plugin rather than a validation rule because the page sizes often come in
 * variables, which validation does not see.
 */
export function queryCostPlugin(max: number, defaultPageSize: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const cost = operationCost(operation, { variables: request.variables ?? {}, fragments, defaultPageSize });
          if (cost > max) {
            throw new GraphQLError(`This query could return too much at once (cost ${cost}, limit ${max}). Ask for smaller pages or fewer nested lists.`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
