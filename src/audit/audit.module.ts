import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';

/**
 * The append-only audit log, a leaf: every domain and workflow may write to it, and it
 * imports none of them.
 */
@Module({
  providers: [AuditLogService],
  exports: [AuditLogService],
})
export class AuditModule {}
