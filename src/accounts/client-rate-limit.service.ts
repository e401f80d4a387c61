import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClientKeyService } from './client-key.service';
import { windowStart } from './client-rate-window';

export type ClientAction = 'REGISTER';

export interface ClientCount {
  /** Attempts in the window, this one included. */
  count: number;
  /** Seconds until the window ends and the count starts again. */
  retryAfterSeconds: number;
}

/**
 * Per-client attempt counts in fixed windows, kept in Postgres so that every API instance
 * shares them: one atomic upsert counts the attempt and returns the total, so parallel
 * requests cannot all read "under the limit".
 */
@Injectable()
export class ClientRateLimitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clientKeys: ClientKeyService,
  ) {}

  async count(clientKey: string, action: ClientAction, windowSeconds: number, now = new Date()): Promise<ClientCount> {
    const start = windowStart(now, windowSeconds, this.clientKeys.currentEpochStart(now));
    const rows: Array<{ count: number }> = await this.dataSource.query(
      `INSERT INTO client_rate_counter (client_key, action, window_start, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (client_key, action, window_start) DO UPDATE SET count = client_rate_counter.count + 1
       RETURNING count`,
      [clientKey, action, start],
    );
    const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
    return { count: rows[0]?.count ?? 1, retryAfterSeconds };
  }
}
