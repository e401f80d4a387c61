import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { outsideRequest } from '../../common/request-context';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import { Metrics } from '../../metrics/metrics';
import type { QueueDepth } from '../../metrics/metric-labels';
import { queueDepth } from '../../metrics/queue-depth';
import { QUEUE_CONNECTION } from '../../queue/queue.module';
import type { QueueConnection } from '../../queue/queue-connection';
import { AlertDeliveryJob, AlertEvent, alertDeliveryJobId, JobName, QueueName } from '../../queue/queue-names';

/** Puts each alert on the queue once per configured channel; a channel that fails retries on its own. */
@Injectable()
export class AlertDeliveryQueue implements OnModuleInit, OnModuleDestroy {
  private queue: Queue<AlertDeliveryJob> | null = null;

  constructor(
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    if (this.config.alerts.channels.length > 0) this.metrics.watchQueue(QueueName.ALERTS, this.connection.kind, () => this.counts());
  }

  private getQueue(): Queue<AlertDeliveryJob> {
    this.queue ??= outsideRequest(() => this.connection.createQueue<AlertDeliveryJob>(QueueName.ALERTS));
    return this.queue;
  }

  counts(): Promise<QueueDepth> {
    return queueDepth(this.getQueue());
  }

  /** Throws when the queue does not take them: the pass that asked then rolls back and tries again. */
  async enqueue(event: AlertEvent): Promise<void> {
    const { deliveryAttempts, retryBaseSeconds } = this.config.alerts;
    for (const channel of this.config.alerts.channels) {
      const job: AlertDeliveryJob = { channel: channel.name, event };
      await this.getQueue().add(JobName.DELIVER_ALERT, job, {
        jobId: alertDeliveryJobId(job),
        attempts: deliveryAttempts,
        backoff: { type: 'exponential', delay: retryBaseSeconds * 1000 },
        // Kept a day, so an alert enqueued twice (a pass that failed to commit) is still one delivery.
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
  }
}
