import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountAbuseSweeperModule } from './accounts/account-abuse-sweeper.module';
import { AccountsModule } from './accounts/accounts.module';
import { CheckInsApiModule } from './checkins/checkins-api.module';
import type { KindredConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { GraphqlExceptionFilter } from './common/errors/graphql-exception.filter';
import { dataSourceOptions } from './database/data-source';
import { ForumModule } from './forum/forum.module';
import { KindredGraphQLModule } from './graphql/graphql.module';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics/metrics.module';
import { ModerationModule } from './moderation/moderation.module';
import { OnCallModule } from './moderation/on-call/on-call.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { QueueModule } from './queue/queue.module';
import { ResourcesModule } from './resources/resources.module';
import { ScreeningModule } from './screening/screening.module';
import { WorkflowsModule } from './workflows/workflows.module';

export interface AppOptions {
  /** Run screening workers and the sweeper in this process. */
  workers: boolean;
  /** Serve the GraphQL API and /health (false for `npm run worker`). */
  api: boolean;
}

/** One application, several entry points: the API (with or without workers) and the worker alone. */
@Module({})
export class AppModule {
  static forRoot(config: KindredConfig, options: AppOptions): DynamicModule {
    const database = TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl as string), migrationsRun: false });
    const api = options.api
      ? [KindredGraphQLModule, AccountsModule, ForumModule, NotificationsApiModule, ModerationModule, ResourcesModule, CheckInsApiModule]
      : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        database,
        MetricsModule.forRoot({ api: options.api }),
        QueueModule,
        ScreeningModule,
        WorkflowsModule.forRoot(options),
        AccountAbuseSweeperModule.forRoot({ workers: options.workers }),
        OnCallModule.forRoot({ workers: options.workers }),
        ...api,
      ],
      controllers: options.api ? [HealthController] : [],
      providers: options.api ? [{ provide: APP_FILTER, useClass: GraphqlExceptionFilter }] : [],
    };
  }
}
