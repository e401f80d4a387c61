import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Metrics } from './metrics';
import type { PoolUse } from './metric-labels';

/** The parts of node-postgres' Pool read here. */
interface PgPoolCounters {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/** Reads the app's pg Pool (TypeORM's `master`) at each scrape: how full it is, and who waits. */
@Injectable()
export class DatabasePoolWatcher implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchDatabasePool(() => poolUse(this.dataSource));
  }
}

export function poolUse(dataSource: DataSource): PoolUse | null {
  if (!dataSource.isInitialized) return null;
  const pool = (dataSource.driver as PostgresDriver).master as PgPoolCounters | undefined;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options?.max ?? 0 };
}
