import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { outsideRequest } from '../common/request-context';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import type { QueueDepth } from '../metrics/metric-labels';
import { queueDepth } from '../metrics/queue-depth';
import { Metrics } from '../metrics/metrics';
import { QUEUE_CONNECTION } from '../queue/queue.module';
import type { QueueConnection } from '../queue/queue-connection';
import { JobName, QueueName, ScreenPostJob, screenPostJobId } from '../queue/queue-names';

/**
 * Enqueues screening after the commit that made the PENDING post visible. Failure here is
 * logged, never thrown: the committed PENDING post is the staged job and the sweeper
 * enqueues it again, so a Redis or queue outage delays screening but loses nothing.
 */
@Injectable()
export class ScreeningQueueService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ScreeningQueueService.name);
  private queue: Queue<ScreenPostJob> | null = null;

  constructor(
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(QueueName.SCREENING, this.connection.kind, () => this.counts());
  }

  private getQueue(): Queue<ScreenPostJob> {
    // Made on first use, often inside a member's request: its connections outlive that
    // request, and their later log lines must not carry its id.
    this.queue ??= outsideRequest(() => this.connection.createQueue<ScreenPostJob>(QueueName.SCREENING));
    return this.queue;
  }

  async enqueuePost(postId: string, revision: number): Promise<boolean> {
    const job: ScreenPostJob = { postId, revision };
    try {
      await this.getQueue().add(JobName.SCREEN_POST, job, {
        jobId: screenPostJobId(job),
        attempts: this.config.screening.jobAttempts,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 24 * 3600 },
      });
      return true;
    } catch (error) {
      this.logger.warn(
        `could not enqueue screening for post ${postId} revision ${revision}; the sweeper will retry (${(error as Error).message})`,
      );
      return false;
    }
  }

  /** Job counts for /health and the metrics; throws when the queue backend does not answer. */
  counts(): Promise<QueueDepth> {
    return queueDepth(this.getQueue());
  }

  /**
   * For the sweeper: enqueue again unless the job is already waiting or running. A job that
   * exhausted its attempts (or finished while the post somehow stayed PENDING) is removed
   * first, because its id would otherwise make the new add a no-op.
   */
  async requeuePost(postId: string, revision: number): Promise<boolean> {
    const jobId = screenPostJobId({ postId, revision });
    try {
      const existing = await this.getQueue().getJob(jobId);
      if (existing) {
        const state = await existing.getState();
        if (state !== 'failed' && state !== 'completed' && state !== 'unknown') return false;
        await existing.remove();
      }
    } catch (error) {
      this.logger.warn(`could not inspect screening job for post ${postId}: ${(error as Error).message}`);
      return false;
    }
    return this.enqueuePost(postId, revision);
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
  }
}
