import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The database's clock inside a transaction: `now()` is the transaction's start time, the
 * one every claim, suspension and ban is measured by (never the API server's clock, which
 * can differ between instances).
 */
@Injectable()
export class TransactionClock {
  async now(manager: EntityManager): Promise<Date> {
    const rows = (await manager.query('SELECT now() AS now')) as Array<{ now: Date | string }>;
    if (rows.length !== 1) throw new Error('SELECT now() returned no row');
    return new Date(rows[0].now);
  }
}
