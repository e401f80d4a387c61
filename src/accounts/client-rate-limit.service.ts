import { Injectable } from '@nestjs/common';
import { ClientKeyService } from './client-key.service';
import { windowStart } from './client-rate-window';
import { ClientRateCountersRepository } from './repositories/client-rate-counters.repository';

export type ClientAction = 'REGISTER';

export interface ClientCount {
  /** Attempts in the window, this one included. */
  count: number;
  /** Seconds until the window ends and the count starts again. */
  retryAfterSeconds: number;
}

/**
 * Per-client attempt counts in fixed windows, kept in Postgres so that every API instance
 * shares them (the count and the total are one atomic step of the repository).
 */
@Injectable()
export class ClientRateLimitService {
  constructor(
    private readonly counters: ClientRateCountersRepository,
    private readonly clientKeys: ClientKeyService,
  ) {}

  async count(clientKey: string, action: ClientAction, windowSeconds: number, now = new Date()): Promise<ClientCount> {
    const start = windowStart(now, windowSeconds, this.clientKeys.currentEpochStart(now));
    const count = await this.counters.increment(clientKey, action, start);
    const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
    return { count, retryAfterSeconds };
  }
}
