import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import type { PostEntity } from '../forum/post.entity';
import { PostsService } from '../forum/posts.service';
import { CaseIntakeService } from '../moderation/case-intake.service';
import { ModerationEventsService } from '../moderation/moderation-events.service';

/**
 * An author withdrawing a post crosses forum and moderation: the post is REMOVED and its
 * open case, with nothing left for a moderator to decide, closes in the same transaction.
 */
@Injectable()
export class PostWithdrawalWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly posts: PostsService,
    private readonly caseIntake: CaseIntakeService,
    private readonly events: ModerationEventsService,
  ) {}

  async withdraw(viewer: Viewer, postId: string): Promise<PostEntity> {
    const { post, closedCaseId } = await this.dataSource.transaction(async (manager) => {
      const withdrawn = await this.posts.withdraw(manager, viewer, postId);
      return { post: withdrawn, closedCaseId: await this.caseIntake.closeForWithdrawal(manager, withdrawn.id) };
    });
    if (closedCaseId) await this.events.caseChanged(closedCaseId);
    return post;
  }
}
