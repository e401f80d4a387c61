import * as http from 'node:http';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { metricsAccess } from './metrics-access';
import { Metrics } from './metrics';

/**
 * METRICS_PORT: a plain HTTP listener with GET /metrics and nothing else, in the API and in
 * `npm run worker` alike (workers have no other port, and jobs run there). Apart from the
 * main port so it can stay on the operators' network, and so a scrape never queues behind
 * members' requests.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: http.Server | null = null;

  constructor(
    private readonly metrics: Metrics,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.config.metrics;
    if (port === null) return;
    const server = http.createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`metrics at http://${host}:${port}/metrics`);
  }

  private async answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found\n');
      return;
    }
    const access = metricsAccess(request.headers.authorization, this.config.metrics.token, 'operator');
    if (access !== 'allowed') {
      response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('Unauthorized\n');
      return;
    }
    try {
      const { contentType, body } = await this.metrics.scrape();
      response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      this.logger.warn(`scrape failed: ${(error as Error).name}`);
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error\n');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
