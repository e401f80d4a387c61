import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affectedRows, integerColumn, rowsOf } from '../../database/sql-result';

/** The client_rate_counter table: attempts per keyed client hash, action and fixed window. */
@Injectable()
export class ClientRateCountersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts one attempt and returns the window's total, in one atomic upsert (so parallel requests cannot all read "under the limit"). */
  async increment(clientKey: string, action: string, windowStart: Date): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `INSERT INTO client_rate_counter (client_key, action, window_start, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (client_key, action, window_start) DO UPDATE SET count = client_rate_counter.count + 1
       RETURNING count`,
      [clientKey, action, windowStart],
    );
    const [row] = rowsOf(result);
    return row ? integerColumn(row, 'count') : 1;
  }

  /** Deletes the counters of windows that started before `before`; how many went. */
  async purgeStartedBefore(manager: EntityManager, before: Date): Promise<number> {
    const result: unknown = await manager.query(`DELETE FROM client_rate_counter WHERE window_start < $1`, [before]);
    return affectedRows(result);
  }
}
