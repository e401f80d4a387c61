import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PostStateService } from './post-state.service';
import { ForumRepositoriesModule } from './repositories/forum-repositories.module';

/** The post state machine and the forum's repositories: what workflows need of the forum in every process, API or worker. */
@Module({
  imports: [AuditModule, ForumRepositoriesModule],
  providers: [PostStateService],
  exports: [PostStateService, ForumRepositoriesModule],
})
export class ForumCoreModule {}
