import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { QUEUE_CONNECTION } from '../queue/queue.module';
import type { QueueConnection } from '../queue/queue-connection';
import { QueueName } from '../queue/queue-names';
import { ScreeningQueueService } from '../screening/screening-queue.service';
import { CaseAlertsRepository } from '../moderation/on-call/case-alerts.repository';
import { hasOperatorToken } from '../common/auth/operator-token';

/**
 * A failure as operators may see it: the error's class, never its message, which can carry
 * hostnames, credentials in a URL, or a row's values.
 */
function down(error: unknown): { status: 'down'; error: string } {
  return { status: 'down', error: error instanceof Error ? error.constructor.name : 'UnknownError' };
}

/**
 * GET /health: liveness and readiness for anyone (a load balancer, a container healthcheck),
 * `{status}` with 200 or 503 and nothing else. GET /health/details: the state of each part
 * and the queue's counts, for operators holding HEALTH_TOKEN; without one configured it does
 * not exist (404).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly screeningQueue: ScreeningQueueService,
    private readonly alertRecords: CaseAlertsRepository,
    @Inject(QUEUE_CONNECTION) private readonly queue: QueueConnection,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const { ok } = await this.probe();
    await reply
      .status(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ok ? 'ok' : 'unavailable' });
  }

  @Get('details')
  async details(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const token = this.config.transport.healthToken;
    if (token === null) {
      await reply.status(404).send({ message: 'Not Found', statusCode: 404 });
      return;
    }
    if (!hasOperatorToken(authorization, token)) {
      await reply.status(401).header('www-authenticate', 'Bearer').send({ message: 'Unauthorized', statusCode: 401 });
      return;
    }
    const { ok, database, queue } = await this.probe();
    const alerts = await this.alerts().catch(down);
    await reply
      .status(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ok ? 'ok' : 'unavailable', database, queue, alerts });
  }

  /**
   * Each configured on-call channel and how its deliveries go. A failing channel does not make
   * the API unavailable (members can still be served), so it reads "failing" here, not 503.
   */
  private async alerts() {
    if (this.config.alerts.channels.length === 0) return { status: 'off' as const, channels: [] };
    const records = new Map((await this.alertRecords.channelStatuses()).map((record) => [record.channel, record]));
    const channels = this.config.alerts.channels.map(({ name, format }) => {
      const record = records.get(name);
      return {
        name,
        format,
        status: record && record.consecutiveFailures > 0 ? ('failing' as const) : ('ok' as const),
        delivered: Number(record?.deliveredCount ?? 0),
        failed: Number(record?.failedCount ?? 0),
        consecutiveFailures: record?.consecutiveFailures ?? 0,
        lastDeliveredAt: record?.lastDeliveredAt ?? null,
        lastFailedAt: record?.lastFailedAt ?? null,
        lastFailure: record?.lastFailure ?? null,
      };
    });
    return { status: channels.some((channel) => channel.status === 'failing') ? ('failing' as const) : ('ok' as const), channels };
  }

  private async probe() {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => ({ status: 'up' as const }))
      .catch(down);
    const queue = await this.screeningQueue
      .counts()
      .then((counts) => ({ status: 'up' as const, backend: this.queue.kind, name: QueueName.SCREENING, ...counts }))
      .catch((error: unknown) => ({ ...down(error), backend: this.queue.kind }));
    return { ok: database.status === 'up' && queue.status === 'up', database, queue };
  }
}
