import type { AlertChannelConfig } from '../../config/alerts-config';
import type { AlertEvent } from '../../queue/queue-names';
import { alertRequest, alertText, signAlert, verifyAlertSignature } from './alert-request';

const EVENT: AlertEvent = {
  kind: 'case.waiting',
  caseId: '0b6c2f1e-8d2a-4f4e-9a51-2f9d1c3e7a10',
  priority: 'URGENT',
  link: 'https://kindred.example.org/moderation/cases/0b6c2f1e-8d2a-4f4e-9a51-2f9d1c3e7a10',
  openedAt: '2026-12-06T03:00:00.000Z',
  waitingSeconds: 185,
  alertNumber: 2,
};
const NOW = 1_796_000_000;

function channel(overrides: Partial<AlertChannelConfig>): AlertChannelConfig {
  return { name: 'c', format: 'generic', url: 'https://hooks.example.org/in', secret: null, token: null, room: null, ...overrides };
}

describe('alert signature', () => {
  const body = '{"kind":"case.waiting"}';
  const header = signAlert('a-secret-of-sixteen+', NOW, body);

  it('verifies with the same secret, body and a timestamp within the tolerance', () => {
    expect(header).toMatch(/^t=1796000000,v1=[0-9a-f]{64}$/);
    expect(verifyAlertSignature(header, 'a-secret-of-sixteen+', body, NOW + 60)).toBe(true);
  });

  it('refuses another secret, a changed body, a stale timestamp and a malformed header', () => {
    expect(verifyAlertSignature(header, 'another-secret-00000', body, NOW)).toBe(false);
    expect(verifyAlertSignature(header, 'a-secret-of-sixteen+', `${body} `, NOW)).toBe(false);
    expect(verifyAlertSignature(header, 'a-secret-of-sixteen+', body, NOW + 301)).toBe(false);
    expect(verifyAlertSignature('v1=abc', 'a-secret-of-sixteen+', body, NOW)).toBe(false);
    expect(verifyAlertSignature(undefined, 'a-secret-of-sixteen+', body, NOW)).toBe(false);
    expect(verifyAlertSignature(header.replace(/.$/, '0'), 'a-secret-of-sixteen+', body, NOW)).toBe(header.endsWith('0'));
  });
});

describe('alertText', () => {
  it('says the priority, how long, which alert, and where to go', () => {
    expect(alertText(EVENT)).toBe(`URGENT case waiting 3 min with no moderator (alert 2). Open it: ${EVENT.link}`);
    expect(alertText({ ...EVENT, alertNumber: 1, waitingSeconds: 45 })).toBe(
      `URGENT case waiting 45 s with no moderator. Open it: ${EVENT.link}`,
    );
    expect(alertText({ ...EVENT, kind: 'case.claimed', waitingSeconds: 2 * 3600 })).toBe(
      `URGENT case claimed by a moderator after 2.0 h. ${EVENT.link}`,
    );
    expect(alertText({ ...EVENT, kind: 'case.closed' })).toContain('closed before anyone claimed it');
    expect(alertText({ ...EVENT, kind: 'test' })).toBe(`Test alert from Kindred: this channel is wired. No case is waiting. ${EVENT.link}`);
  });
});

describe('alertRequest', () => {
  it('generic: the event as JSON with the delivery id, signed over the exact body', () => {
    const request = alertRequest(channel({ secret: 'a-secret-of-sixteen+' }), EVENT, 'd1', NOW);
    expect(request).toMatchObject({ method: 'POST', url: 'https://hooks.example.org/in' });
    expect(JSON.parse(request.body)).toEqual({ ...EVENT, deliveryId: 'd1' });
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-kindred-event': 'case.waiting',
      'x-kindred-delivery': 'd1',
    });
    expect(verifyAlertSignature(request.headers['x-kindred-signature'], 'a-secret-of-sixteen+', request.body, NOW)).toBe(true);
  });

  it('slack: a text message; unsigned without a secret', () => {
    const request = alertRequest(channel({ format: 'slack' }), EVENT, 'd1', NOW);
    expect(JSON.parse(request.body)).toEqual({ text: alertText(EVENT) });
    expect(request.headers['x-kindred-signature']).toBeUndefined();
  });

  it('matrix: PUT to the room with the delivery id as transaction id, so a retry is the same message', () => {
    const request = alertRequest(
      channel({ format: 'matrix', url: 'https://matrix.example.org/', room: '!room:example.org', token: 'syt_token' }),
      EVENT,
      'alert_1',
      NOW,
    );
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('https://matrix.example.org/_matrix/client/v3/rooms/!room%3Aexample.org/send/m.room.message/alert_1');
    expect(request.headers.authorization).toBe('Bearer syt_token');
    expect(JSON.parse(request.body)).toEqual({ msgtype: 'm.text', body: alertText(EVENT) });
  });

  it('ntfy: the text as body, urgent priority and a click-through for a waiting case, default for a follow-up', () => {
    const waiting = alertRequest(channel({ format: 'ntfy', token: 'tk_1' }), EVENT, 'd1', NOW);
    expect(waiting.body).toBe(alertText(EVENT));
    expect(waiting.headers).toMatchObject({ priority: 'urgent', click: EVENT.link, authorization: 'Bearer tk_1', tags: 'rotating_light' });
    const high = alertRequest(channel({ format: 'ntfy' }), { ...EVENT, priority: 'HIGH' }, 'd1', NOW);
    expect(high.headers.priority).toBe('high');
    expect(high.headers.authorization).toBeUndefined();
    const claimed = alertRequest(channel({ format: 'ntfy' }), { ...EVENT, kind: 'case.claimed' }, 'd1', NOW);
    expect(claimed.headers).toMatchObject({ priority: 'default', title: 'Kindred: URGENT case claimed' });
  });
});
