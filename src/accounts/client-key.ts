import { createHmac } from 'node:crypto';

/**
 * The pure part of client keys: a keyed hash of a client address, so that per-client
 * limits can be counted without the address ever being stored or logged.
 */

export const CLIENT_KEY_ROTATION_MS = 24 * 60 * 60 * 1000;

/** Stands in for a request whose address Fastify could not tell: such requests share one bucket. */
export const UNKNOWN_ADDRESS = 'unknown';

/** The day-long key epoch that `now` falls in, counted from `origin` (when the process started). */
export function keyEpoch(now: Date, origin: Date): number {
  return Math.floor((now.getTime() - origin.getTime()) / CLIENT_KEY_ROTATION_MS);
}

/** When key epoch `epoch` began. */
export function keyEpochStart(epoch: number, origin: Date): Date {
  return new Date(origin.getTime() + epoch * CLIENT_KEY_ROTATION_MS);
}

/** HMAC-SHA-256 of the address under `key`, hex. IPv4-mapped IPv6 addresses count as their IPv4 form. */
export function clientKeyOf(address: string | null | undefined, key: Buffer): string {
  const normalised =
    (address ?? '')
      .trim()
      .toLowerCase()
      .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1') || UNKNOWN_ADDRESS;
  return createHmac('sha256', key).update(normalised).digest('hex');
}
