import { DataSource, EntityManager } from 'typeorm';
import { Metrics } from '../../src/metrics/metrics';
import { loadConfig } from '../../src/config/config';
import type { QueueConnection } from '../../src/queue/queue-connection';
import type { AlertEvent } from '../../src/queue/queue-names';
import { AlertDeliveryQueue } from '../../src/moderation/on-call/alert-delivery.queue';
import type { AlertRequest } from '../../src/moderation/on-call/alert-request';
import { AlertSender, SendOutcome } from '../../src/moderation/on-call/alert-sender';
import { CaseAlertsRepository, DueQuery, SettledCase, UnclaimedCase } from '../../src/moderation/on-call/case-alerts.repository';

/** Two channels, as an operator would configure them. */
export const alertsConfig = (env: Record<string, string> = {}) =>
  loadConfig({
    ALERT_WEBHOOKS: JSON.stringify([
      { name: 'oncall', url: 'https://ops.example.org/hook', secret: 'sixteen-chars-long' },
      { name: 'chat', format: 'slack', url: 'https://hooks.slack.example/T/B' },
    ]),
    PUBLIC_URL: 'https://kindred.example.org',
    ...env,
  });

/** A DataSource that never connects: its transactions hand the work a manager that only grants the advisory lock. */
export class LockGrantingTransactions extends DataSource {
  constructor() {
    super({ type: 'postgres' });
  }

  override async transaction<T>(...args: unknown[]): Promise<T> {
    const work = args.find((arg): arg is (manager: EntityManager) => Promise<T> => typeof arg === 'function');
    if (!work) throw new Error('transaction() without work');
    const manager = { query: async () => [{ locked: true }] } as unknown as EntityManager;
    return work(manager);
  }
}

/** The schedule in memory: what is due, and what the watch recorded. */
export class ScriptedAlerts extends CaseAlertsRepository {
  due: UnclaimedCase[] = [];
  settled: SettledCase[] = [];
  alerted: string[] = [];
  followedUp: string[] = [];
  unclaimed = new Set<string>();
  deliveries: Array<{ channel: string; ok: boolean; failure?: string }> = [];
  queries: DueQuery[] = [];

  constructor() {
    super(new DataSource({ type: 'postgres' }));
  }

  override async dueForAlert(_manager: EntityManager, query: DueQuery): Promise<UnclaimedCase[]> {
    this.queries.push(query);
    return this.due;
  }

  override async recordAlerted(_manager: EntityManager, caseIds: readonly string[]): Promise<void> {
    this.alerted.push(...caseIds);
  }

  override async dueForFollowUp(): Promise<SettledCase[]> {
    return this.settled;
  }

  override async markFollowedUp(_manager: EntityManager, caseIds: readonly string[]): Promise<void> {
    this.followedUp.push(...caseIds);
  }

  override async isUnclaimed(caseId: string): Promise<boolean> {
    return this.unclaimed.has(caseId);
  }

  override async recordDelivered(channel: string): Promise<void> {
    this.deliveries.push({ channel, ok: true });
  }

  override async recordFailed(channel: string, failure: string): Promise<void> {
    this.deliveries.push({ channel, ok: false, failure });
  }
}

/** The queue as the watch sees it: records events, or refuses them like a queue that is down. */
export class RecordedDeliveries extends AlertDeliveryQueue {
  events: AlertEvent[] = [];
  down = false;

  constructor() {
    super({} as QueueConnection, alertsConfig(), new Metrics());
  }

  override async enqueue(event: AlertEvent): Promise<void> {
    if (this.down) throw new Error('queue unavailable');
    this.events.push(event);
  }
}

/** A receiver that answers each request with the next scripted outcome. */
export class ScriptedSender extends AlertSender {
  requests: AlertRequest[] = [];

  constructor(private readonly outcome: SendOutcome) {
    super();
  }

  override async send(request: AlertRequest): Promise<SendOutcome> {
    this.requests.push(request);
    return this.outcome;
  }
}
