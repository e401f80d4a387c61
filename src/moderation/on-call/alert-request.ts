import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AlertChannelConfig } from '../../config/alerts-config';
import type { AlertEvent } from '../../queue/queue-names';

/** The HTTP request that carries one alert to one channel. */
export interface AlertRequest {
  method: 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body: string;
}

export const SIGNATURE_HEADER = 'x-kindred-signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it with the
 * shared secret, and the timestamp inside the signed text lets it refuse a replayed request.
 */
export function signAlert(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/** What a receiver does with the signature header (exported for receivers written in TypeScript, and the tests). */
export function verifyAlertSignature(
  header: string | undefined,
  secret: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestamp) || !given || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signAlert(secret, timestamp, body).split('v1=')[1], 'hex');
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function minutes(seconds: number): string {
  if (seconds < 90) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** One line for people: what happened, how long, where to go. No member's words or name can be in it: the event holds none. */
export function alertText(event: AlertEvent): string {
  switch (event.kind) {
    case 'case.waiting': {
      const repeat = event.alertNumber > 1 ? ` (alert ${event.alertNumber})` : '';
      return `${event.priority} case waiting ${minutes(event.waitingSeconds)} with no moderator${repeat}. Open it: ${event.link}`;
    }
    case 'case.claimed':
      return `${event.priority} case claimed by a moderator after ${minutes(event.waitingSeconds)}. ${event.link}`;
    case 'case.closed':
      return `${event.priority} case closed before anyone claimed it (its post was withdrawn or removed). ${event.link}`;
    case 'test':
      return `Test alert from Kindred: this channel is wired. No case is waiting. ${event.link}`;
  }
}

const NTFY_PRIORITY: Record<string, string> = { URGENT: 'urgent', HIGH: 'high' };

function formatted(channel: AlertChannelConfig, event: AlertEvent, deliveryId: string): AlertRequest {
  const text = alertText(event);
  switch (channel.format) {
    case 'generic':
      return {
        method: 'POST',
        url: channel.url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...event, deliveryId }),
      };
    case 'slack':
      return { method: 'POST', url: channel.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) };
    case 'matrix': {
      // The client-server API's send endpoint; the delivery id as transaction id makes a retried
      // request the same message, not a second one.
      const base = channel.url.endsWith('/') ? channel.url.slice(0, -1) : channel.url;
      const room = encodeURIComponent(channel.room ?? '');
      return {
        method: 'PUT',
        url: `${base}/_matrix/client/v3/rooms/${room}/send/m.room.message/${encodeURIComponent(deliveryId)}`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${channel.token ?? ''}` },
        body: JSON.stringify({ msgtype: 'm.text', body: text }),
      };
    }
    case 'ntfy': {
      // A test rings like the real thing, so the operator hears what moderators will.
      const waiting = event.kind === 'case.waiting' || event.kind === 'test';
      const headers: Record<string, string> = {
        'content-type': 'text/plain; charset=utf-8',
        title:
          event.kind === 'test'
            ? 'Kindred: test alert'
            : waiting
              ? `Kindred: ${event.priority} case waiting`
              : `Kindred: ${event.priority} case ${event.kind.slice(5)}`,
        priority: waiting ? (NTFY_PRIORITY[event.priority] ?? 'default') : 'default',
        tags: waiting ? 'rotating_light' : 'white_check_mark',
        click: event.link,
      };
      if (channel.token) headers.authorization = `Bearer ${channel.token}`;
      return { method: 'POST', url: channel.url, headers, body: text };
    }
  }
}

/** The request for one channel, signed when the channel has a secret. */
export function alertRequest(channel: AlertChannelConfig, event: AlertEvent, deliveryId: string, nowSeconds: number): AlertRequest {
  const request = formatted(channel, event, deliveryId);
  const headers: Record<string, string> = {
    ...request.headers,
    'user-agent': 'Kindred-Alerts/1',
    'x-kindred-event': event.kind,
    'x-kindred-delivery': deliveryId,
  };
  if (channel.secret) headers[SIGNATURE_HEADER] = signAlert(channel.secret, nowSeconds, request.body);
  return { ...request, headers };
}
