import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { ForumCoreModule } from '../forum/forum-core.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CaseworkService } from './casework.service';
import { DecisionExamplesResolver } from './decision-examples.resolver';
import { ModerationActionResolver, ModerationCaseResolver } from './moderation-case.resolver';
import { ModerationCoreModule } from './moderation-core.module';
import { ModerationQueueService } from './moderation-queue.service';
import { ModerationResolver } from './moderation.resolver';
import { ReportsRepository } from './repositories/reports.repository';
import { SanctionsRepository } from './repositories/sanctions.repository';
import { TransactionClock } from './repositories/transaction-clock';
import { MyReportPostResolver, MyReportsResolver } from './my-reports.resolver';
import { NotificationReportAnswerResolver } from './notification-report-answer.resolver';
import { ReportAnswersService } from './report-answers.service';
import { ReportsService } from './reports.service';
import { SanctionsService } from './sanctions.service';
import { ThreadLockService } from './thread-lock.service';

/** The moderators' API: queue, claims, reports, sanctions, locks, roles, the live queue. Decisions on a case are a workflow. */
@Module({
  imports: [AuditModule, ModerationCoreModule, ForumCoreModule, NotificationsModule, AccountsModule],
  // The repositories also serve the member's data export (workflows/member-data).
  exports: [CaseworkService, ReportsRepository, SanctionsRepository, ReportAnswersService],
  providers: [
    ReportsRepository,
    SanctionsRepository,
    TransactionClock,
    ModerationQueueService,
    CaseworkService,
    ReportsService,
    ReportAnswersService,
    MyReportsResolver,
    MyReportPostResolver,
    NotificationReportAnswerResolver,
    SanctionsService,
    ThreadLockService,
    ModerationResolver,
    ModerationCaseResolver,
    ModerationActionResolver,
    DecisionExamplesResolver,
  ],
})
export class ModerationModule {}
