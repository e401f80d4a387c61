import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { clientKeyOf, keyEpoch } from './client-key';

/**
 * Turns a client address into the key per-client limits are counted under. The HMAC
 * secret is made at start and lives only in this process's memory (never stored, never
 * logged), and is replaced every day, so older counter rows cannot be linked back to an
 * address even by someone holding the database. Counts are per key epoch: at the daily
 * rotation a client starts a fresh count (at worst twice the limit around the rotation).
 * Several API instances each hold their own secret: a client spread across N instances
 * by the load balancer gets up to N times the limit.
 */
@Injectable()
export class ClientKeyService {
  private epoch: number | null = null;
  private secret: Buffer = randomBytes(32);

  keyFor(address: string | null | undefined, now = new Date()): string {
    const epoch = keyEpoch(now);
    if (this.epoch !== null && epoch !== this.epoch) this.secret = randomBytes(32);
    this.epoch = epoch;
    return clientKeyOf(address, this.secret);
  }
}
