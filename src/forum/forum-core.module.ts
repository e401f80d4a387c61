import { Module } from '@nestjs/common';
import { ModerationCoreModule } from '../moderation/moderation-core.module';
import { PostStateService } from './post-state.service';

/** The post state machine, shared by forum, screening and moderation without cycles. */
@Module({
  imports: [ModerationCoreModule],
  providers: [PostStateService],
  exports: [PostStateService, ModerationCoreModule],
})
export class ForumCoreModule {}
