import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { queryCostError } from './query-cost';

/** Variable sets remembered per document as fitting: a bound, so odd variables cannot grow it. */
const FITTING_VARIABLE_SETS_MAX = 256;

/**
 * Refuses over-cost operations on HTTP before any resolver runs. A plugin rather than a
 * validation rule because page sizes often come in variables, which validation (and
 * Apollo's validated-document cache) does not see. graphql-ws runs the same check in
 * its onSubscribe.
 *
 * Sizing walks the whole document, which on a busy read path cost more than answering from
 * the response cache; so what fits is remembered per document (Apollo hands back the same
 * parsed document for the same query text) and per operation name and variables.
 */
export function queryCostPlugin(max: number): ApolloServerPlugin {
  const fitting = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const key = `${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
          let known = fitting.get(document);
          if (known?.has(key)) return;
          const error = queryCostError({ schema, document, operationName: request.operationName, variables: request.variables, max });
          if (error) throw error;
          if (!known) fitting.set(document, (known = new Set()));
          if (known.size >= FITTING_VARIABLE_SETS_MAX) known.clear();
          known.add(key);
        },
      };
    },
  };
}
