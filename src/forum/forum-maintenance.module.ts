import { DynamicModule, Module } from '@nestjs/common';
import { ForumRepositoriesModule } from './repositories/forum-repositories.module';
import { ERASER_ENABLED, WithdrawnBodyEraser } from './withdrawn-body-eraser';

/** The forum's periodic tasks; they run in the processes that run workers. */
@Module({})
export class ForumMaintenanceModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: ForumMaintenanceModule,
      imports: [ForumRepositoriesModule],
      providers: [{ provide: ERASER_ENABLED, useValue: options.workers }, WithdrawnBodyEraser],
      exports: [WithdrawnBodyEraser],
    };
  }
}
