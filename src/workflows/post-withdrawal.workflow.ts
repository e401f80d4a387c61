import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import type { PostEntity } from '../forum/post.entity';
import { PostsService } from '../forum/posts.service';
import { CaseIntakeService } from '../moderation/case-intake.service';
import { ModerationEventsService } from '../moderation/moderation-events.service';
import { ReportAnswer } from '../moderation/report-answers';
import { ReportAnswersService } from '../moderation/report-answers.service';

/**
 * An author withdrawing a post crosses forum and moderation: the post is REMOVED and its
 * open case, with nothing left for a moderator to decide, closes in the same transaction, and
 * the members who reported it hear that it is gone (never who took it down).
 */
@Injectable()
export class PostWithdrawalWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly posts: PostsService,
    private readonly caseIntake: CaseIntakeService,
    private readonly events: ModerationEventsService,
    private readonly reportAnswers: ReportAnswersService,
  ) {}

  async withdraw(viewer: Viewer, postId: string): Promise<PostEntity> {
    const { post, closedCaseId } = await this.dataSource.transaction(async (manager) => {
      const withdrawn = await this.posts.withdraw(manager, viewer, postId);
      const closed = await this.caseIntake.closeForWithdrawal(manager, withdrawn.id);
      if (closed) await this.reportAnswers.answerCase(manager, closed, withdrawn.authorId, ReportAnswer.POST_GONE);
      return { post: withdrawn, closedCaseId: closed };
    });
    if (closedCaseId) await this.events.caseChanged(closedCaseId);
    return post;
  }
}
