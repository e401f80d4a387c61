import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createInstruments, Instruments, ScrapeReaders } from './metric-catalog';
import type {
  AlertFormat,
  AlertResult,
  CaseSource,
  GraphqlOperationType,
  JobResult,
  Outcome,
  PoolUse,
  Priority,
  QueueBackendLabel,
  QueueDepth,
  ScreeningCategoryLabel,
  StatusClass,
} from './metric-labels';
import { QUEUE_STATES } from './queue-depth';

interface WatchedQueue {
  backend: QueueBackendLabel;
  read(): Promise<QueueDepth>;
}

/** A backend that does not answer within this is reported down, so a scrape never hangs on it. */
const QUEUE_READ_TIMEOUT_MS = 5_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What domains record, in their words: one method per event, labels from closed types.
 * Only this folder touches prom-client. One registry per application (per process in
 * production; tests start several apps in one process and each keeps its own).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly instruments: Instruments;
  private readonly queues = new Map<string, WatchedQueue>();
  private poolUse: (() => PoolUse | null) | null = null;

  constructor() {
    const readers: ScrapeReaders = {
      queueDepth: (gauges) => this.readQueues(gauges),
      databasePool: (gauges) => {
        const use = this.poolUse?.();
        if (!use) return;
        gauges.connections.set(use.total);
        gauges.idle.set(use.idle);
        gauges.waiting.set(use.waiting);
        gauges.max.set(use.max);
      },
    };
    this.instruments = createInstruments(this.registry, readers);
  }

  /** A registry with Node's process metrics too (CPU, memory, event loop lag, GC): the app's own. */
  static forProcess(): Metrics {
    const metrics = new Metrics();
    collectDefaultMetrics({ register: metrics.registry });
    return metrics;
  }

  /** The text Prometheus scrapes. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  httpRequest(method: string, route: string, statusClass: StatusClass, seconds: number): void {
    this.instruments.httpRequestDuration.observe({ method, route, status_class: statusClass }, seconds);
  }

  graphqlOperation(operation: string, type: GraphqlOperationType, seconds: number): void {
    this.instruments.graphqlOperationDuration.observe({ operation, type }, seconds);
  }

  graphqlError(operation: string, code: string): void {
    this.instruments.graphqlErrors.inc({ operation, code });
  }

  /** A job's first start, after waiting `seconds` in the queue. */
  jobStarted(queue: string, backend: QueueBackendLabel, waitSeconds: number): void {
    this.instruments.jobWait.observe({ queue, backend }, waitSeconds);
  }

  jobFinished(queue: string, backend: QueueBackendLabel, result: JobResult, seconds: number): void {
    this.instruments.jobDuration.observe({ queue, backend, result }, seconds);
  }

  /** Reads the queue's depth at every scrape (nothing is polled between scrapes). */
  watchQueue(queue: string, backend: QueueBackendLabel, read: () => Promise<QueueDepth>): void {
    this.queues.set(queue, { backend, read });
  }

  /** Reads the database pool's use at every scrape; null when the pool is gone. */
  watchDatabasePool(read: () => PoolUse | null): void {
    this.poolUse = read;
  }

  /** One screened revision whose decision was applied. */
  screened(outcome: Outcome, categories: readonly ScreeningCategoryLabel[]): void {
    this.instruments.screenings.inc({ outcome });
    for (const category of categories.length > 0 ? categories : (['NONE'] as const)) {
      this.instruments.screeningCategories.inc({ outcome, category });
    }
  }

  caseOpened(priority: Priority, source: CaseSource): void {
    this.instruments.casesOpened.inc({ priority, source });
  }

  caseFirstClaimed(priority: Priority, secondsSinceOpened: number): void {
    this.instruments.timeToFirstClaim.observe({ priority }, Math.max(0, secondsSinceOpened));
  }

  /** One attempt to deliver an alert to a webhook, and whether it arrived. */
  alertDelivered(format: AlertFormat, result: AlertResult): void {
    this.instruments.alertDeliveries.inc({ format, result });
  }

  /** One alert raised for moderators (however many webhooks it goes to). */
  alertSent(priority: Priority): void {
    this.instruments.alertsSent.inc({ priority });
  }

  private async readQueues(gauges: Parameters<ScrapeReaders['queueDepth']>[0]): Promise<void> {
    gauges.jobs.reset();
    await Promise.all(
      [...this.queues].map(async ([queue, { backend, read }]) => {
        try {
          const depth = await within(read(), QUEUE_READ_TIMEOUT_MS);
          for (const state of QUEUE_STATES) gauges.jobs.set({ queue, backend, state }, depth[state]);
          gauges.up.set({ queue, backend }, 1);
        } catch {
          // A scrape must not fail with the queue: the series go missing and _up says why.
          gauges.up.set({ queue, backend }, 0);
        }
      }),
    );
  }
}
