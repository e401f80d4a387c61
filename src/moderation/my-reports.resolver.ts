import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountType } from '../accounts/account.type';
import { CurrentViewer, Loaders as RequestLoaders } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import { CommonError } from '../common/errors/common.errors';
import type { Loaders } from '../common/graphql/loaders';
import type { PostEntity } from '../forum/post.entity';
import { PostInterface } from '../forum/post.type';
import { canViewPost } from '../forum/post-visibility';
import { MyReportType } from './my-report.type';
import { myReportStatus, MyReportStatus } from './report-answers';
import { ReportAnswersService } from './report-answers.service';
import type { ReportReason } from './report-rules';

const STATUS_WORDS: Readonly<Record<MyReportStatus, string>> = {
  SUBMITTED: 'Received. A moderator will look at it.',
  ACTED_ON: 'Reviewed: a moderator acted on it.',
  LEFT_UP: 'Reviewed: a moderator left the post up.',
  POST_GONE: 'The post is no longer on Kindred.',
};

/** `Account.myReports`: the owner's own reports with what became of them (moderation/report-answers.ts). */
@Resolver(() => AccountType)
export class MyReportsResolver {
  constructor(private readonly answers: ReportAnswersService) {}

  @ResolveField(() => [MyReportType], { description: 'Your own reports, newest first, with what became of each.' })
  async myReports(@Parent() account: AccountType, @CurrentViewer() viewer: Viewer | null): Promise<MyReportType[]> {
    // Only the reporter: not even moderators, who see reports on the case itself.
    if (viewer === null || viewer.accountId !== account.id) {
      throw new CommonError('FORBIDDEN', 'Only the account owner can list their reports.');
    }
    const rows = await this.answers.mine(viewer);
    return rows.map((row) => {
      const status = myReportStatus(row.answer);
      return {
        id: row.id,
        reason: row.reason as ReportReason,
        note: row.note,
        createdAt: row.createdAt,
        status,
        statusMessage: STATUS_WORDS[status],
        answeredAt: row.answeredAt,
        postId: row.postId,
      };
    });
  }
}

@Resolver(() => MyReportType)
export class MyReportPostResolver {
  /** The reported post only while the viewer may see it: a removed post's words are not shown again. */
  @ResolveField(() => PostInterface, { nullable: true })
  async post(
    @Parent() report: MyReportType,
    @RequestLoaders() loaders: Loaders,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<PostEntity | null> {
    const post = await loaders.forum.postById.load(report.postId);
    return post && canViewPost(post, viewer) ? post : null;
  }
}
