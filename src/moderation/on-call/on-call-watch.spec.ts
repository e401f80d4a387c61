import { Metrics } from '../../metrics/metrics';
import { Logger } from '@nestjs/common';
import { OnCallWatch } from './on-call-watch';
import { alertsConfig, LockGrantingTransactions, RecordedDeliveries, ScriptedAlerts } from '../../../test/support/on-call-fakes';

const CREATED = new Date('2026-12-06T03:00:00.000Z');

function setUp(env: Record<string, string> = {}) {
  const alerts = new ScriptedAlerts();
  const deliveries = new RecordedDeliveries();
  const watch = new OnCallWatch(new LockGrantingTransactions(), alerts, deliveries, new Metrics(), alertsConfig(env), true);
  return { alerts, deliveries, watch };
}

describe('OnCallWatch', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('alerts about each case due, then follows up the settled ones, recording both', async () => {
    const { alerts, deliveries, watch } = setUp({
      ALERT_URGENT_AFTER_SECONDS: '60',
      ALERT_HIGH_AFTER_SECONDS: '600',
      ALERT_REPEAT_SECONDS: '120',
    });
    alerts.due = [{ caseId: 'u1', priority: 'URGENT', createdAt: CREATED, waitingSeconds: 75, alertsSent: 1 }];
    alerts.settled = [{ caseId: 's1', priority: 'URGENT', createdAt: CREATED, kind: 'case.claimed', waitedSeconds: 200, alertsSent: 2 }];

    expect(await watch.checkOnce()).toEqual({ alerted: ['u1'], followedUp: ['s1'] });
    expect(alerts.queries).toEqual([{ urgentAfterSeconds: 60, highAfterSeconds: 600, repeatSeconds: 120, limit: 100 }]);
    expect(deliveries.events).toEqual([
      expect.objectContaining({
        kind: 'case.waiting',
        caseId: 'u1',
        alertNumber: 2,
        link: 'https://kindred.example.org/moderation/cases/u1',
      }),
      expect.objectContaining({ kind: 'case.claimed', caseId: 's1', alertNumber: 2 }),
    ]);
    expect(alerts.alerted).toEqual(['u1']);
    expect(alerts.followedUp).toEqual(['s1']);
  });

  it('fails the pass when the queue refuses an alert, before recording it, so the next pass sends it', async () => {
    const { alerts, deliveries, watch } = setUp();
    alerts.due = [{ caseId: 'u1', priority: 'URGENT', createdAt: CREATED, waitingSeconds: 130, alertsSent: 0 }];
    deliveries.down = true;
    await expect(watch.checkOnce()).rejects.toThrow('queue unavailable');
    expect(alerts.alerted).toEqual([]);
  });

  it('does nothing without a configured channel', async () => {
    const alerts = new ScriptedAlerts();
    alerts.due = [{ caseId: 'u1', priority: 'URGENT', createdAt: CREATED, waitingSeconds: 130, alertsSent: 0 }];
    const deliveries = new RecordedDeliveries();
    const watch = new OnCallWatch(
      new LockGrantingTransactions(),
      alerts,
      deliveries,
      new Metrics(),
      alertsConfig({ ALERT_WEBHOOKS: '[]' }),
      true,
    );
    expect(await watch.checkOnce()).toEqual({ alerted: [], followedUp: [] });
    expect(alerts.queries).toEqual([]);
  });
});
