import { Metrics } from '../../metrics/metrics';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { QueueConnection } from '../../queue/queue-connection';
import type { AlertDeliveryJob, AlertEvent } from '../../queue/queue-names';
import { AlertDeliveryFailed, AlertDeliveryProcessor } from './alert-delivery.processor';
import { verifyAlertSignature } from './alert-request';
import { alertsConfig, ScriptedAlerts, ScriptedSender } from '../../../test/support/on-call-fakes';

const EVENT: AlertEvent = {
  kind: 'case.waiting',
  caseId: 'c1',
  priority: 'URGENT',
  link: 'https://kindred.example.org/moderation/cases/c1',
  openedAt: '2026-12-06T03:00:00.000Z',
  waitingSeconds: 130,
  alertNumber: 1,
};

function job(data: AlertDeliveryJob, attemptsMade = 0): Job<AlertDeliveryJob> {
  return { id: `alert_c1_case-waiting_1_${data.channel}`, data, attemptsMade, opts: { attempts: 3 } } as Job<AlertDeliveryJob>;
}

function setUp(outcome: ConstructorParameters<typeof ScriptedSender>[0]) {
  const alerts = new ScriptedAlerts();
  alerts.unclaimed.add('c1');
  const sender = new ScriptedSender(outcome);
  const processor = new AlertDeliveryProcessor(alerts, sender, new Metrics(), {} as QueueConnection, alertsConfig(), true);
  return { alerts, sender, processor };
}

describe('AlertDeliveryProcessor', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('sends the channel its signed request and records the delivery', async () => {
    const { alerts, sender, processor } = setUp({ ok: true });
    expect(await processor.process(job({ channel: 'oncall', event: EVENT }))).toBe('delivered');
    expect(sender.requests).toHaveLength(1);
    const [request] = sender.requests;
    expect(request.url).toBe('https://ops.example.org/hook');
    expect(
      verifyAlertSignature(request.headers['x-kindred-signature'], 'sixteen-chars-long', request.body, Math.floor(Date.now() / 1000)),
    ).toBe(true);
    expect(alerts.deliveries).toEqual([{ channel: 'oncall', ok: true }]);
  });

  it('records a failed attempt and throws, so the queue retries it with backoff', async () => {
    const { alerts, processor } = setUp({ ok: false, failure: 'HTTP 502' });
    await expect(processor.process(job({ channel: 'chat', event: EVENT }, 1))).rejects.toBeInstanceOf(AlertDeliveryFailed);
    expect(alerts.deliveries).toEqual([{ channel: 'chat', ok: false, failure: 'HTTP 502' }]);
  });

  it('drops an alert about a case claimed while the alert waited, and one for a channel no longer configured', async () => {
    const { alerts, sender, processor } = setUp({ ok: true });
    alerts.unclaimed.clear();
    expect(await processor.process(job({ channel: 'oncall', event: EVENT }))).toBe('dropped');
    expect(await processor.process(job({ channel: 'gone', event: { ...EVENT, kind: 'case.claimed' } }))).toBe('dropped');
    expect(sender.requests).toEqual([]);
  });

  it('still sends the claimed follow-up for a case no longer waiting', async () => {
    const { alerts, sender, processor } = setUp({ ok: true });
    alerts.unclaimed.clear();
    expect(await processor.process(job({ channel: 'chat', event: { ...EVENT, kind: 'case.claimed' } }))).toBe('delivered');
    expect(JSON.parse(sender.requests[0].body).text).toContain('claimed by a moderator');
  });
});
