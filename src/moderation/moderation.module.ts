import { Module } from '@nestjs/common';
import { ModerationCoreModule } from './moderation-core.module';

/** The moderators' API: queue, claims, decisions, reports, sanctions. */
@Module({
  imports: [ModerationCoreModule],
})
export class ModerationModule {}
