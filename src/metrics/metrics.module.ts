import { DynamicModule, Global, Module } from '@nestjs/common';
import { DatabasePoolWatcher } from './database-pool.watcher';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { MetricsServer } from './metrics-server';

/**
 * Prometheus metrics: the Metrics every domain records through, the METRICS_PORT listener,
 * and (where the API runs) GET /metrics behind METRICS_TOKEN.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(options: { api: boolean }): DynamicModule {
    return {
      module: MetricsModule,
      providers: [{ provide: Metrics, useFactory: () => Metrics.forProcess() }, MetricsServer, DatabasePoolWatcher],
      controllers: options.api ? [MetricsController] : [],
      exports: [Metrics],
    };
  }
}
