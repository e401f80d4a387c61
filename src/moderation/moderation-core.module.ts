import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';
import { CaseIntakeService } from './case-intake.service';
import { ModerationEventsService } from './moderation-events.service';

/** What other domains need of moderation: the audit log, case intake and case events. */
@Module({
  providers: [AuditLogService, CaseIntakeService, ModerationEventsService],
  exports: [AuditLogService, CaseIntakeService, ModerationEventsService],
})
export class ModerationCoreModule {}
