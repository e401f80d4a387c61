import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { clientKeyOf, keyEpoch, keyEpochStart } from './client-key';

/**
 * Turns a client address into the key per-client limits are counted under. The HMAC
 * secret is made at start and lives only in this process's memory (never stored, never
 * logged), and is replaced every 24 hours, so older counter rows cannot be linked back to
 * an address even by someone holding the database. Counts are per key epoch: at each
 * rotation a client starts a fresh count, and count windows are aligned on the epoch so
 * that none straddles a rotation. Several API instances each hold their own secret: a
 * client spread across N instances by the load balancer gets up to N times the limit.
 */
@Injectable()
export class ClientKeyService {
  private readonly origin = new Date();
  private epoch = 0;
  private secret: Buffer = randomBytes(32);

  keyFor(address: string | null | undefined, now = new Date()): string {
    this.rotate(now);
    return clientKeyOf(address, this.secret);
  }

  /** When the current key was made (the origin that count windows are aligned on). */
  currentEpochStart(now = new Date()): Date {
    this.rotate(now);
    return keyEpochStart(this.epoch, this.origin);
  }

  private rotate(now: Date): void {
    const epoch = keyEpoch(now, this.origin);
    if (epoch <= this.epoch) return;
    this.secret = randomBytes(32);
    this.epoch = epoch;
  }
}
