import { DynamicModule, Module } from '@nestjs/common';
import { ForumCoreModule } from '../forum/forum-core.module';
import { ModerationCoreModule } from '../moderation/moderation-core.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CrisisResourcesResolver } from './crisis-resources.resolver';
import { CrisisResourcesService } from './crisis-resources.service';
import { ScreeningQueueService } from './screening-queue.service';
import { ScreeningPool } from './pool/screening-pool';
import { screeningPoolProvider } from './pool/screening-pool.provider';
import { ScreeningProcessor, WORKERS_ENABLED } from './screening.processor';
import { ScreeningService } from './screening.service';
import { ScreeningSweeper } from './screening.sweeper';

/**
 * Screening: the queue producer (always), the worker and the sweeper (when this process
 * runs workers: the API by default, `npm run worker` always), and the pool of threads that
 * runs the engine for both the workers and draft checks.
 */
@Module({})
export class ScreeningModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: ScreeningModule,
      global: true,
      imports: [ForumCoreModule, ModerationCoreModule, NotificationsModule],
      providers: [
        { provide: WORKERS_ENABLED, useValue: options.workers },
        screeningPoolProvider,
        CrisisResourcesService,
        CrisisResourcesResolver,
        ScreeningQueueService,
        ScreeningService,
        ScreeningProcessor,
        ScreeningSweeper,
      ],
      exports: [ScreeningQueueService, CrisisResourcesService, ScreeningService, ScreeningSweeper, ScreeningPool],
    };
  }
}
