import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PostStateService } from './post-state.service';

/** The post state machine: what workflows need of the forum in every process, API or worker. */
@Module({
  imports: [AuditModule],
  providers: [PostStateService],
  exports: [PostStateService],
})
export class ForumCoreModule {}
