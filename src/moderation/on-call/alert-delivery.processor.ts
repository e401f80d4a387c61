import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import { QUEUE_CONNECTION } from '../../queue/queue.module';
import type { QueueConnection } from '../../queue/queue-connection';
import { Metrics } from '../../metrics/metrics';
import { AlertDeliveryJob, QueueName } from '../../queue/queue-names';
import { queueWaitSeconds } from '../../queue/queue-wait';
import { alertRequest } from './alert-request';
import { AlertSender } from './alert-sender';
import { CaseAlertsRepository } from './case-alerts.repository';
import { ON_CALL_ENABLED } from './on-call-watch';

/** Alerts are few; a handful at once keeps one slow receiver from holding up the others. */
const DELIVERY_CONCURRENCY = 4;

export class AlertDeliveryFailed extends Error {}

/**
 * Delivers alerts: one job per alert and channel. A failed attempt is recorded for
 * /health/details and thrown, so BullMQ retries it with backoff; an alert that a claim made
 * moot while it waited for a retry is dropped rather than sent late.
 */
@Injectable()
export class AlertDeliveryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertDeliveryProcessor.name);
  private worker: Worker<AlertDeliveryJob> | null = null;

  constructor(
    private readonly alerts: CaseAlertsRepository,
    private readonly sender: AlertSender,
    private readonly metrics: Metrics,
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    @Inject(ON_CALL_ENABLED) private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled || this.config.alerts.channels.length === 0) return;
    this.worker = this.connection.createWorker<AlertDeliveryJob>(QueueName.ALERTS, (job) => this.process(job), {
      concurrency: DELIVERY_CONCURRENCY,
    });
    this.worker.on('error', (error) => this.logger.warn(`alert worker: ${error.message}`));
  }

  async process(job: Job<AlertDeliveryJob>): Promise<'delivered' | 'dropped'> {
    // A retry's wait includes its backoff: only a first start measures how long alerts queue.
    if (job.attemptsStarted <= 1) this.metrics.jobStarted(QueueName.ALERTS, this.connection.kind, queueWaitSeconds(job, Date.now()));
    const { channel: name, event } = job.data;
    const channel = this.config.alerts.channels.find((candidate) => candidate.name === name);
    if (!channel) {
      this.logger.warn(`alert ${job.id ?? '?'} names channel "${name}", which is no longer configured; dropped`);
      return 'dropped';
    }
    if (event.kind === 'case.waiting' && !(await this.alerts.isUnclaimed(event.caseId))) return 'dropped';
    const request = alertRequest(channel, event, String(job.id), Math.floor(Date.now() / 1000));
    const outcome = await this.sender.send(request, this.config.alerts.deliveryTimeoutSeconds);
    this.metrics.alertDelivered(channel.format, outcome.ok ? 'delivered' : 'failed');
    if (outcome.ok) {
      await this.alerts.recordDelivered(name);
      return 'delivered';
    }
    await this.alerts.recordFailed(name, outcome.failure);
    const attempt = job.attemptsMade + 1;
    const last = attempt >= (job.opts.attempts ?? 1);
    this.logger.warn(
      `alert about case ${event.caseId} to channel ${name} failed (${outcome.failure}), attempt ${attempt}${last ? ', giving up' : ', will retry'}`,
    );
    throw new AlertDeliveryFailed(outcome.failure);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
