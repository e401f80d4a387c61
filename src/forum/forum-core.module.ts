import { Module } from '@nestjs/common';
import { ModerationCoreModule } from '../moderation/moderation-core.module';
import { PostStateService } from './post-state.service';
import { ForumRepositoriesModule } from './repositories/forum-repositories.module';

/** The post state machine and the forum's repositories, shared by forum, screening and moderation without cycles. */
@Module({
  imports: [ModerationCoreModule, ForumRepositoriesModule],
  providers: [PostStateService],
  exports: [PostStateService, ModerationCoreModule, ForumRepositoriesModule],
})
export class ForumCoreModule {}
