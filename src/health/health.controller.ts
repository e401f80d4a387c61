import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { QUEUE_CONNECTION } from '../queue/queue.module';
import type { QueueConnection } from '../queue/queue-connection';
import { QueueName } from '../queue/queue-names';
import { ScreeningQueueService } from '../screening/screening-queue.service';

/** GET /health: 200 when the database and the queue answer, 503 with the failing part otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly screeningQueue: ScreeningQueueService,
    @Inject(QUEUE_CONNECTION) private readonly queue: QueueConnection,
  ) {}

  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => ({ status: 'up' as const }))
      .catch((error: Error) => ({ status: 'down' as const, error: error.message }));
    const queue = await this.screeningQueue
      .counts()
      .then((counts) => ({ status: 'up' as const, backend: this.queue.kind, name: QueueName.SCREENING, ...counts }))
      .catch((error: Error) => ({ status: 'down' as const, backend: this.queue.kind, error: error.message }));
    const ok = database.status === 'up' && queue.status === 'up';
    await reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database, queue });
  }
}
