import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import { outsideRequest } from '../common/request-context';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { QUEUE_CONNECTION } from '../queue/queue.module';
import type { QueueConnection } from '../queue/queue-connection';
import { QueueName, ScreenPostJob } from '../queue/queue-names';
import { queueWaitSeconds } from '../queue/queue-wait';
import { Metrics } from '../metrics/metrics';
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
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    // A job is nobody's request: an in-process worker woken by a member's enqueue must not log under that request's id.
    this.worker = outsideRequest(() =>
      this.connection.createWorker<ScreenPostJob>(QueueName.SCREENING, (job) => outsideRequest(() => this.process(job)), {
        concurrency: this.config.workerConcurrency,
      }),
    );
    this.worker.on('failed', (job, error) => this.logger.warn(`screening job ${job?.id ?? '?'} failed: ${error.message}`));
    this.worker.on('error', (error) => this.logger.warn(`screening worker: ${error.message}`));
    this.logger.log(`screening worker started on the ${this.connection.kind} queue (concurrency ${this.config.workerConcurrency})`);
  }

  async process(job: Job<ScreenPostJob>): Promise<string> {
    const backend = this.connection.kind;
    // Only a first start measures the queue's wait: a retry's includes its backoff and earlier attempts.
    if (job.attemptsStarted <= 1) this.metrics.jobStarted(QueueName.SCREENING, backend, queueWaitSeconds(job, Date.now()));
    const started = performance.now();
    try {
      const result = await this.screening.screenPost(job.data.postId, job.data.revision);
      this.metrics.jobFinished(QueueName.SCREENING, backend, 'completed', (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      this.metrics.jobFinished(QueueName.SCREENING, backend, 'failed', (performance.now() - started) / 1000);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
