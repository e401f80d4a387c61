import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { NotificationKind } from '../notifications/notification-kind';
import { NotificationsService } from '../notifications/notifications.service';
import { REPORT_ANSWER_MESSAGE, ReportAnswer } from './report-answers';
import { MyReportRow, ReportsRepository } from './repositories/reports.repository';

/**
 * Reporters hear what became of their reports. Called by the workflows that close a case
 * (a moderator's decision, an author's withdrawal) with their transaction, so a reporter is
 * told exactly when the case really closed, and the answer is stored on the report so the
 * same report is never answered twice.
 */
@Injectable()
export class ReportAnswersService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly notifications: NotificationsService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /**
   * Answers every reporter on the case not answered yet. The post's author is never among
   * them (nobody may report their own post, report-rules.ts) but is skipped all the same:
   * an author's news comes from the decision's own notification.
   */
  async answerCase(manager: EntityManager, caseId: string, authorId: string | null, answer: ReportAnswer): Promise<number> {
    const reporters = await this.reports.answerCase(manager, caseId, answer);
    const told = new Set<string>();
    for (const { reporterId, postId } of reporters) {
      if (reporterId === authorId || told.has(reporterId)) continue;
      told.add(reporterId);
      await this.notifications.notify(manager, reporterId, NotificationKind.REPORT_ANSWERED, REPORT_ANSWER_MESSAGE[answer], postId);
    }
    return told.size;
  }

  /** The viewer's own reports, newest first (Account.myReports). */
  mine(viewer: Viewer): Promise<MyReportRow[]> {
    return this.reports.mine(viewer.accountId, this.config.limits.myReportsMax);
  }
}
