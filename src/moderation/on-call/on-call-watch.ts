import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import { ADVISORY_LOCK } from '../../database/advisory-locks';
import { ExclusivePeriodicTask } from '../../database/exclusive-periodic-task';
import { Metrics } from '../../metrics/metrics';
import { AlertDeliveryQueue } from './alert-delivery.queue';
import { followUpEvent, waitingEvent } from './alert-events';
import { CaseAlertsRepository } from './case-alerts.repository';

/** Cases alerted about (or followed up) per pass, so one pass stays short after a long outage. */
const PASS_BATCH = 100;

export const ON_CALL_ENABLED = Symbol('ON_CALL_ENABLED');

export interface OnCallPass {
  alerted: string[];
  followedUp: string[];
}

/**
 * No URGENT case waits unseen: every few seconds, in one instance at a time, finds the cases
 * nobody claimed within the delay and alerts the on-call channels, again every repeat interval,
 * then once more when someone claims the case. The schedule and the queueing commit together:
 * a pass whose enqueue fails rolls back and the next pass tries again.
 */
@Injectable()
export class OnCallWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OnCallWatch.name);
  private readonly task: ExclusivePeriodicTask<OnCallPass>;

  constructor(
    dataSource: DataSource,
    private readonly alerts: CaseAlertsRepository,
    private readonly deliveries: AlertDeliveryQueue,
    private readonly metrics: Metrics,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    @Inject(ON_CALL_ENABLED) private readonly enabled: boolean,
  ) {
    this.task = new ExclusivePeriodicTask(dataSource, ADVISORY_LOCK.ON_CALL_ALERTS, (manager) => this.pass(manager));
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || this.config.alerts.channels.length === 0) return;
    this.task.start(this.config.alerts.checkIntervalSeconds, this.logger, 'on-call alert pass');
    this.logger.log(`on-call alerts: ${this.config.alerts.channels.length} channel(s)`);
  }

  /** One pass now; empty when another instance was passing (or no channel is configured). */
  async checkOnce(): Promise<OnCallPass> {
    if (this.config.alerts.channels.length === 0) return { alerted: [], followedUp: [] };
    return (await this.task.runOnce()) ?? { alerted: [], followedUp: [] };
  }

  private async pass(manager: EntityManager): Promise<OnCallPass> {
    const { urgentAfterSeconds, highAfterSeconds, repeatSeconds } = this.config.alerts;
    const due = await this.alerts.dueForAlert(manager, { urgentAfterSeconds, highAfterSeconds, repeatSeconds, limit: PASS_BATCH });
    for (const waiting of due) await this.deliveries.enqueue(waitingEvent(waiting, this.config.publicUrl));
    await this.alerts.recordAlerted(
      manager,
      due.map((waiting) => waiting.caseId),
    );

    const settled = await this.alerts.dueForFollowUp(manager, PASS_BATCH);
    for (const done of settled) await this.deliveries.enqueue(followUpEvent(done, this.config.publicUrl));
    await this.alerts.markFollowedUp(
      manager,
      settled.map((done) => done.caseId),
    );
    // Counted once everything is queued and recorded; only a failed commit (rare) would count an alert twice.
    for (const waiting of due) this.metrics.alertSent(waiting.priority);
    if (due.length > 0) this.logger.log(`alerted on-call about ${due.length} unclaimed case(s): ${due.map((c) => c.caseId).join(', ')}`);
    return { alerted: due.map((waiting) => waiting.caseId), followedUp: settled.map((done) => done.caseId) };
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
