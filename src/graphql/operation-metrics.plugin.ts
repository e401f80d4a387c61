import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../common/errors/error-code';
import type { GraphqlOperationType } from '../metrics/metric-labels';
import type { Metrics } from '../metrics/metrics';
import { OperationLabels } from './operation-label';

const CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Each HTTP operation's duration by name and type, and its errors by contract code. Two
 * hooks per request and none per field, so the cost stays flat however large the query.
 */
export function operationMetricsPlugin(metrics: Metrics, labels: OperationLabels): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      let operation: string | null = null;
      let type: GraphqlOperationType = 'unknown';
      return {
        // Runs only once the document parsed and validated: before that a name is just text.
        async didResolveOperation(context) {
          operation = labels.label(context.operationName, true);
          type = context.operation?.operation ?? 'unknown';
        },
        async willSendResponse({ response }) {
          const label = operation ?? labels.label(null, false);
          metrics.graphqlOperation(label, type, (performance.now() - started) / 1000);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            metrics.graphqlError(label, typeof code === 'string' && CODES.has(code) ? code : 'OTHER');
          }
        },
      };
    },
  };
}
