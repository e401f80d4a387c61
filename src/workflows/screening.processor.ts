import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { QUEUE_CONNECTION } from '../queue/queue.module';
import type { QueueConnection } from '../queue/queue-connection';
import { QueueName, ScreenPostJob } from '../queue/queue-names';
import { PostScreeningWorkflow } from './post-screening.workflow';

export const WORKERS_ENABLED = Symbol('WORKERS_ENABLED');

/**
 * The BullMQ worker: load the post, run the engine, apply the decision. On shutdown it
 * stops taking jobs and waits for the ones in hand; a job cut off by a crash is retried
 * by BullMQ (stalled) or, failing that, healed by the sweeper.
 */
@Injectable()
export class ScreeningProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScreeningProcessor.name);
  private worker: Worker<ScreenPostJob> | null = null;

  constructor(
    private readonly screening: PostScreeningWorkflow,
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    @Inject(WORKERS_ENABLED) private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.worker = this.connection.createWorker<ScreenPostJob>(QueueName.SCREENING, (job) => this.process(job), {
      concurrency: this.config.workerConcurrency,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`screening job ${job?.id ?? '?'} failed: ${error.message}`));
    this.worker.on('error', (error) => this.logger.warn(`screening worker: ${error.message}`));
    this.logger.log(`screening worker started on the ${this.connection.kind} queue (concurrency ${this.config.workerConcurrency})`);
  }

  async process(job: Job<ScreenPostJob>): Promise<string> {
    return this.screening.screenPost(job.data.postId, job.data.revision);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
