import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ForumCoreModule } from '../forum/forum-core.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CaseworkService } from './casework.service';
import { DraftCheckLimitService } from './draft-check-limit.service';
import { DraftScreeningService } from './draft-screening.service';
import { ModerationActionResolver, ModerationCaseResolver } from './moderation-case.resolver';
import { ModerationCoreModule } from './moderation-core.module';
import { ModerationQueueService } from './moderation-queue.service';
import { ModerationResolver } from './moderation.resolver';
import { DraftChecksRepository } from './repositories/draft-checks.repository';
import { ModeratedPostsRepository } from './repositories/moderated-posts.repository';
import { ModerationMembersRepository } from './repositories/moderation-members.repository';
import { ReportsRepository } from './repositories/reports.repository';
import { TransactionClock } from './repositories/transaction-clock';
import { ReportsService } from './reports.service';
import { SanctionsService } from './sanctions.service';
import { ThreadLockService } from './thread-lock.service';

/** The moderators' API: queue, claims, decisions, reports, sanctions, locks, roles, the live queue, draft checks. */
@Module({
  imports: [ModerationCoreModule, ForumCoreModule, NotificationsModule, AccountsModule],
  providers: [
    ReportsRepository,
    ModerationMembersRepository,
    ModeratedPostsRepository,
    DraftChecksRepository,
    TransactionClock,
    ModerationQueueService,
    CaseworkService,
    ReportsService,
    SanctionsService,
    ThreadLockService,
    DraftCheckLimitService,
    DraftScreeningService,
    ModerationResolver,
    ModerationCaseResolver,
    ModerationActionResolver,
  ],
})
export class ModerationModule {}
