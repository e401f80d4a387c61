import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { metricsAccess } from './metrics-access';
import { Metrics } from './metrics';

/** GET /metrics on the API's own port, for operators holding METRICS_TOKEN; 404 without one configured. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const access = metricsAccess(authorization, this.config.metrics.token, 'main');
    if (access === 'not-found') {
      await reply.status(404).send({ message: 'Not Found', statusCode: 404 });
      return;
    }
    if (access === 'unauthorized') {
      await reply.status(401).header('www-authenticate', 'Bearer').send({ message: 'Unauthorized', statusCode: 401 });
      return;
    }
    const { contentType, body } = await this.metrics.scrape();
    await reply.status(200).header('content-type', contentType).header('cache-control', 'no-store').send(body);
  }
}
