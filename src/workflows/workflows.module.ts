import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { CheckInsModule } from '../checkins/checkins.module';
import { ForumCoreModule } from '../forum/forum-core.module';
import { ForumModule } from '../forum/forum.module';
import { ModerationCoreModule } from '../moderation/moderation-core.module';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScreeningModule } from '../screening/screening.module';
import { AccountDeletionWorkflow } from './account-deletion.workflow';
import { CaseResolutionWorkflow } from './case-resolution.workflow';
import { CheckInResolver } from './check-in.resolver';
import { CheckInWorkflow } from './check-in.workflow';
import { MemberDataExportWorkflow } from './member-data/member-data-export.workflow';
import { MemberDataResolver } from './member-data/member-data.resolver';
import { PostScreeningWorkflow } from './post-screening.workflow';
import { PostWithdrawalWorkflow } from './post-withdrawal.workflow';
import { ScreeningProcessor, WORKERS_ENABLED } from './screening.processor';
import { ScreeningSweeper } from './screening.sweeper';
import { WorkflowsResolver } from './workflows.resolver';
import { MilestoneCelebrationResolver } from './milestone-celebration.resolver';
import { MilestoneCelebrationWorkflow } from './milestone-celebration.workflow';
import { ERASER_ENABLED, WithdrawnBodyEraser } from './withdrawn-body-eraser';

/**
 * The application layer: the transactions that cross domains. Every process screens posts
 * and erases withdrawn posts' words (the worker, the sweeper and the eraser run when it runs
 * workers: the API by default, `npm run worker` always); the API also serves the mutations
 * whose transactions cross domains, and a member's download of their own data.
 */
@Module({})
export class WorkflowsModule {
  static forRoot(options: { workers: boolean; api: boolean }): DynamicModule {
    const periodic = [{ provide: WORKERS_ENABLED, useValue: options.workers }, PostScreeningWorkflow, ScreeningProcessor, ScreeningSweeper];
    const eraser = [{ provide: ERASER_ENABLED, useValue: options.workers }, WithdrawnBodyEraser];
    const api = options.api
      ? [
          PostWithdrawalWorkflow,
          CaseResolutionWorkflow,
          AccountDeletionWorkflow,
          MemberDataExportWorkflow,
          WorkflowsResolver,
          MemberDataResolver,
          CheckInWorkflow,
          CheckInResolver,
          MilestoneCelebrationWorkflow,
          MilestoneCelebrationResolver,
        ]
      : [];
    return {
      module: WorkflowsModule,
      imports: [
        AuditModule,
        ForumCoreModule,
        ModerationCoreModule,
        NotificationsModule,
        ScreeningModule,
        ...(options.api ? [AccountsModule, ForumModule, ModerationModule, CheckInsModule] : []),
      ],
      providers: [...periodic, ...eraser, ...api],
      exports: [PostScreeningWorkflow, ScreeningSweeper, WithdrawnBodyEraser],
    };
  }
}
