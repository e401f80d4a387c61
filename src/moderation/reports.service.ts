import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { canViewPost } from '../forum/post-visibility';
import { AuditLogService } from '../audit/audit-log.service';
import { Metrics } from '../metrics/metrics';
import { type CasePriority, ReasonSource } from './case-vocabulary';
import { CaseIntakeService } from './case-intake.service';
import { ModerationError, moderationErrors } from './moderation.errors';
import { ModerationEventsService } from './moderation-events.service';
import { isUuid } from '../common/validation/uuid';
import { hasReportStanding, REPORT_PRIORITY, reportDetail, reportProblem, ReportReason, shouldHide } from './report-rules';
import { ModeratedPostsRepository } from '../forum/repositories/moderated-posts.repository';
import { ReportsRepository } from './repositories/reports.repository';
import { isUniqueViolation } from './repositories/unique-violation';

export interface ReportCommand {
  postId: string;
  reason: ReportReason;
  note?: string | null;
}

function alreadyReported(): ModerationError {
  return new ModerationError('ALREADY_REPORTED', 'You already reported this post. Thank you: a moderator will look at it.');
}

/**
 * Member reports. A report joins the post's open case or opens one (source REPORT), and
 * when reports from enough distinct members are open on that case the post is hidden from
 * everyone but its author and moderators until a decision. The post's row lock serializes
 * reports on one post, so the threshold is counted exactly once.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly posts: ModeratedPostsRepository,
    private readonly intake: CaseIntakeService,
    private readonly audit: AuditLogService,
    private readonly events: ModerationEventsService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly metrics: Metrics,
  ) {}

  async report(viewer: Viewer, command: ReportCommand): Promise<boolean> {
    if (!isUuid(command.postId)) throw moderationErrors.postNotFound();
    if (!Object.values(ReportReason).includes(command.reason)) throw moderationErrors.invalid('Unknown report reason.', 'reason');
    const note = command.note?.trim() || null;

    let caseId: string;
    let opened: CasePriority | null = null;
    try {
      caseId = await this.dataSource.transaction(async (manager) => {
        const post = await this.posts.lockPost(manager, command.postId);
        if (!post || !canViewPost(post, viewer)) throw moderationErrors.postNotFound();
        const problem = reportProblem(post, viewer.accountId, note, this.config.limits.reportNoteMax);
        if (problem) throw new ModerationError(problem.reason, problem.message);
        if (await this.reports.hasReported(manager, post.id, viewer.accountId)) throw alreadyReported();

        const { caseEntity, created } = await this.intake.openOrJoin(manager, post.id, REPORT_PRIORITY[command.reason], [
          {
            category: command.reason,
            severity: 'HOLD',
            source: ReasonSource.REPORT,
            detail: reportDetail(command.reason, note),
            excerpt: null,
            start: null,
            end: null,
            revision: post.revision,
          },
        ]);
        await this.reports.add(manager, {
          postId: post.id,
          reporterId: viewer.accountId,
          caseId: caseEntity.id,
          reason: command.reason,
          note,
        });

        // Only members with standing count toward hiding: otherwise one person with a few
        // throwaway (or merely aged) accounts could hide any post. Every report still joins the case.
        const reporters = await this.reportersWithStanding(manager, caseEntity.id);
        if (!post.hiddenByReports && shouldHide(reporters, this.config.moderation.reportHideThreshold)) {
          await this.posts.hideByReports(manager, post.id);
          await this.audit.record(manager, {
            action: 'HIDDEN_BY_REPORTS',
            caseId: caseEntity.id,
            postId: post.id,
            note: `${reporters} members reported this post`,
          });
        }
        opened = created ? caseEntity.priority : null;
        return caseEntity.id;
      });
    } catch (error) {
      // Two reports by one member at the same instant: the unique (post, reporter) decides.
      if (isUniqueViolation(error)) throw alreadyReported();
      throw error;
    }
    if (opened) this.metrics.caseOpened(opened, 'report');
    await this.events.caseChanged(caseId);
    return true;
  }

  /** Distinct reporters on the case whose record gives them standing (report-rules.ts). */
  private async reportersWithStanding(manager: EntityManager, caseId: string): Promise<number> {
    const { reportMinAccountAgeHours } = this.config.moderation;
    const { minDaysActive, minPublishedPosts, warnCooldownDays } = this.config.reportStanding;
    const rule = { minAccountAgeHours: reportMinAccountAgeHours, minDaysActive, minPublishedPosts, warnCooldownDays };
    const reporters = await this.reports.reportersOfCase(manager, caseId);
    return reporters.filter((reporter) => hasReportStanding(reporter, rule)).length;
  }
}
