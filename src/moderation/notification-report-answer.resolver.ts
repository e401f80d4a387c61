import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import type { GqlContext } from '../common/graphql/gql-context';
import { NotificationKind } from '../notifications/notification-kind';
import { NotificationType } from '../notifications/notification.type';
import { ModerationCasesRepository } from './repositories/moderation-cases.repository';
import { ReportsRepository } from './repositories/reports.repository';
import { ModerationLoaderSources, moderationLoaders } from './moderation.loaders';
import { myReportStatus, MyReportStatus } from './report-answers';

/**
 * `Notification.reportStatus`: which of the plain outcomes a REPORT_ANSWERED notice tells, so a
 * client can say it in the reader's language instead of one line for every answer. Notices are
 * listed to their recipient only, so the viewer is the reporter.
 */
@Resolver(() => NotificationType)
export class NotificationReportAnswerResolver {
  private readonly loaderSources: ModerationLoaderSources;

  constructor(cases: ModerationCasesRepository, reports: ReportsRepository) {
    this.loaderSources = { cases, reports };
  }

  @ResolveField(() => MyReportStatus, {
    nullable: true,
    description: 'For REPORT_ANSWERED: what became of the report (never SUBMITTED); null for every other kind.',
  })
  async reportStatus(
    @Parent() notification: NotificationType,
    @CurrentViewer() viewer: Viewer | null,
    @Context() context: GqlContext,
  ): Promise<MyReportStatus | null> {
    if (notification.kind !== NotificationKind.REPORT_ANSWERED || notification.postId === null || viewer === null) return null;
    const answer = await moderationLoaders(context, this.loaderSources).reportAnswerOf.load({
      reporterId: viewer.accountId,
      postId: notification.postId,
    });
    return answer === null ? null : myReportStatus(answer);
  }
}
