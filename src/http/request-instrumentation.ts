import type { FastifyInstance } from 'fastify';
import { runWithRequestId } from '../common/request-context';
import type { Metrics } from '../metrics/metrics';
import { REQUEST_ID_HEADER } from './request-id';
import { methodLabel, routeLabel, statusClass } from './route-label';

/**
 * Per-request plumbing on Fastify's hooks, kept to what every request can afford: the
 * request id (echoed in X-Request-Id and carried to log lines) and one histogram sample.
 */
export function instrumentRequests(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    runWithRequestId(request.id, done);
  });
  // Again after the body is read: Node runs the body parser's callbacks outside the context
  // entered above, so without this the handler (and its log lines) would lose the id.
  fastify.addHook('preHandler', (request, _reply, done) => {
    runWithRequestId(request.id, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequest(
      methodLabel(request.method),
      routeLabel(request.routeOptions.url),
      statusClass(reply.statusCode),
      reply.elapsedTime / 1000,
    );
    done();
  });
}
