import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Kindred instrument: name, help and labels in one place (README's metric table
 * follows this file). Names follow Prometheus' conventions: the kindred_ prefix, base units
 * (_seconds), _total on counters. Label values come from the closed types of metric-labels.ts.
 */

/** Request latencies: from a cached answer (milliseconds) to a slow search (seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Queue waits: a healthy queue starts a job within a second; an outage is minutes. */
const JOB_WAIT_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];
/** Screening one post: the engine in a thread, a few queries, one transaction. */
const JOB_RUN_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Time to claim: URGENT cases should be claimed in minutes, LOW ones may wait a day. */
const CLAIM_BUCKETS = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400];

/** What is read when Prometheus scrapes rather than recorded as it happens. */
export interface ScrapeReaders {
  queueDepth(gauges: { jobs: Gauge<'queue' | 'backend' | 'state'>; up: Gauge<'queue' | 'backend'> }): Promise<void>;
  databasePool(gauges: { connections: Gauge; idle: Gauge; waiting: Gauge; max: Gauge }): void;
}

/** Calls made while one is running share it. */
function shared(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () =>
    (running ??= run().finally(() => {
      running = null;
    }));
}

export function createInstruments(registry: Registry, readers: ScrapeReaders) {
  const registers = [registry];
  // Both queue gauges come from one read per scrape: the registry collects its metrics
  // concurrently, so the second gauge waits on the read the first one started.
  const readQueues = shared(() => readers.queueDepth({ jobs: queueJobs, up: queueUp }));
  const queueJobs: Gauge<'queue' | 'backend' | 'state'> = new Gauge({
    name: 'kindred_queue_jobs',
    help: 'Jobs in a queue by state, read from the queue backend at scrape time.',
    labelNames: ['queue', 'backend', 'state'] as const,
    registers,
    collect: readQueues,
  });
  const queueUp: Gauge<'queue' | 'backend'> = new Gauge({
    name: 'kindred_queue_up',
    help: '1 when the queue backend answered the last scrape, 0 when it did not.',
    labelNames: ['queue', 'backend'] as const,
    registers,
    collect: readQueues,
  });
  const pool: { connections: Gauge; idle: Gauge; waiting: Gauge; max: Gauge } = {
    connections: new Gauge({
      name: 'kindred_db_pool_connections',
      help: "Open connections in the app's database pool.",
      registers,
      collect() {
        readers.databasePool(pool);
      },
    }),
    idle: new Gauge({ name: 'kindred_db_pool_idle_connections', help: "Idle connections in the app's database pool.", registers }),
    waiting: new Gauge({
      name: 'kindred_db_pool_waiting_clients',
      help: "Queries waiting for a connection of the app's database pool.",
      registers,
    }),
    max: new Gauge({
      name: 'kindred_db_pool_max_connections',
      help: "Size limit of the app's database pool.",
      registers,
    }),
  };

  return {
    httpRequestDuration: new Histogram({
      name: 'kindred_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern (web for the web client, unmatched for 404s) and status class.',
      labelNames: ['method', 'route', 'status_class'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    graphqlOperationDuration: new Histogram({
      name: 'kindred_graphql_operation_duration_seconds',
      help: 'GraphQL operations over HTTP by operation name (validated names only; other past the cap) and type.',
      labelNames: ['operation', 'type'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    graphqlErrors: new Counter({
      name: 'kindred_graphql_errors_total',
      help: "Errors in GraphQL responses by operation name and the contract's extensions.code.",
      labelNames: ['operation', 'code'] as const,
      registers,
    }),
    jobWait: new Histogram({
      name: 'kindred_queue_job_wait_seconds',
      help: 'Time from enqueue (or the end of a delay) to a first start, by queue and backend.',
      labelNames: ['queue', 'backend'] as const,
      buckets: JOB_WAIT_BUCKETS,
      registers,
    }),
    jobDuration: new Histogram({
      name: 'kindred_queue_job_duration_seconds',
      help: 'Time a worker spent on one attempt of a job, by queue, backend and result.',
      labelNames: ['queue', 'backend', 'result'] as const,
      buckets: JOB_RUN_BUCKETS,
      registers,
    }),
    queueJobs,
    queueUp,
    screenings: new Counter({
      name: 'kindred_screenings_total',
      help: 'Post revisions screened and applied, by outcome (PUBLISH, PUBLISH_WITH_SUGGESTIONS, HOLD, REJECT).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    screeningCategories: new Counter({
      name: 'kindred_screening_categories_total',
      help: 'Categories found in screened revisions, by outcome and category (NONE when nothing was found); a revision counts once per category.',
      labelNames: ['outcome', 'category'] as const,
      registers,
    }),
    casesOpened: new Counter({
      name: 'kindred_moderation_cases_opened_total',
      help: 'Moderation cases opened, by priority and source (screening or report).',
      labelNames: ['priority', 'source'] as const,
      registers,
    }),
    timeToFirstClaim: new Histogram({
      name: 'kindred_moderation_time_to_first_claim_seconds',
      help: "Time from a case's opening to its first claim by a moderator, by priority.",
      labelNames: ['priority'] as const,
      buckets: CLAIM_BUCKETS,
      registers,
    }),
    alertDeliveries: new Counter({
      name: 'kindred_alert_deliveries_total',
      help: 'Alert deliveries to moderators by webhook format and result.',
      labelNames: ['format', 'result'] as const,
      registers,
    }),
    alertsSent: new Counter({
      name: 'kindred_alerts_sent_total',
      help: 'Alerts raised for moderators, by the priority of the case.',
      labelNames: ['priority'] as const,
      registers,
    }),
    pool,
  };
}

export type Instruments = ReturnType<typeof createInstruments>;
