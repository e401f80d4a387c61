import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { PostEntity } from '../forum/post.entity';
import { canViewPost } from '../forum/post-visibility';
import { AuditLogService } from '../audit/audit-log.service';
import { ReasonSource } from './case-vocabulary';
import { CaseIntakeService } from './case-intake.service';
import { ModerationError, moderationErrors } from './moderation.errors';
import { ModerationEventsService } from './moderation-events.service';
import { isUuid } from '../common/validation/uuid';
import { hasReportStanding, REPORT_PRIORITY, reportDetail, reportProblem, ReportReason, shouldHide } from './report-rules';
import { ReportEntity } from './report.entity';

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
    private readonly intake: CaseIntakeService,
    private readonly audit: AuditLogService,
    private readonly events: ModerationEventsService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async report(viewer: Viewer, command: ReportCommand): Promise<boolean> {
    if (!isUuid(command.postId)) throw moderationErrors.postNotFound();
    if (!Object.values(ReportReason).includes(command.reason)) throw moderationErrors.invalid('Unknown report reason.', 'reason');
    const note = command.note?.trim() || null;

    let caseId: string;
    try {
      caseId = await this.dataSource.transaction(async (manager) => {
        const post = await manager.findOne(PostEntity, { where: { id: command.postId }, lock: { mode: 'pessimistic_write' } });
        if (!post || !canViewPost(post, viewer)) throw moderationErrors.postNotFound();
        const problem = reportProblem(post, viewer.accountId, note, this.config.limits.reportNoteMax);
        if (problem) throw new ModerationError(problem.reason, problem.message);
        if (await manager.existsBy(ReportEntity, { postId: post.id, reporterId: viewer.accountId })) throw alreadyReported();

        const { caseEntity } = await this.intake.openOrJoin(manager, post.id, REPORT_PRIORITY[command.reason], [
          { category: command.reason, severity: 'HOLD', source: ReasonSource.REPORT, detail: reportDetail(command.reason, note), excerpt: null, start: null, end: null, revision: post.revision },
        ]);
        await manager.insert(ReportEntity, { postId: post.id, reporterId: viewer.accountId, caseId: caseEntity.id, reason: command.reason, note });

        // Only members with standing count toward hiding: otherwise one person with a few
        // throwaway (or merely aged) accounts could hide any post. Every report still joins the case.
        const reporters = await this.reportersWithStanding(manager, caseEntity.id);
        if (!post.hiddenByReports && shouldHide(reporters, this.config.moderation.reportHideThreshold)) {
          await manager.update(PostEntity, { id: post.id }, { hiddenByReports: true });
          await this.audit.record(manager, { action: 'HIDDEN_BY_REPORTS', caseId: caseEntity.id, postId: post.id, note: `${reporters} members reported this post` });
        }
        return caseEntity.id;
      });
    } catch (error) {
      // Two reports by one member at the same instant: the unique (post, reporter) decides.
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') throw alreadyReported();
      throw error;
    }
    await this.events.caseChanged(caseId);
    return true;
  }

  /** Distinct reporters on the case whose record gives them standing (report-rules.ts). */
  private async reportersWithStanding(manager: EntityManager, caseId: string): Promise<number> {
    const rows = (await manager.query(
      `SELECT extract(epoch FROM now() - a.created_at) / 3600 AS age_hours,
              a.days_active,
              (SELECT count(*) FROM post p WHERE p.author_id = a.id AND p.status = 'PUBLISHED')::int AS published_posts,
              (SELECT extract(epoch FROM now() - max(m.created_at)) / 86400 FROM moderation_action m
                WHERE m.subject_id = a.id AND m.action = 'WARN') AS days_since_warning,
              (a.banned_at IS NOT NULL OR a.suspended_until IS NOT NULL
                OR EXISTS (SELECT 1 FROM moderation_action m WHERE m.subject_id = a.id AND m.action IN ('SUSPEND', 'BAN'))) AS sanctioned
         FROM account a
        WHERE a.id IN (SELECT reporter_id FROM report WHERE case_id = $1)`,
      [caseId],
    )) as Array<{ age_hours: string; days_active: number; published_posts: number; days_since_warning: string | null; sanctioned: boolean }>;
    const { reportMinAccountAgeHours } = this.config.moderation;
    const { minDaysActive, minPublishedPosts, warnCooldownDays } = this.config.reportStanding;
    const rule = { minAccountAgeHours: reportMinAccountAgeHours, minDaysActive, minPublishedPosts, warnCooldownDays };
    return rows.filter((row) =>
      hasReportStanding(
        {
          accountAgeHours: Number(row.age_hours),
          daysActive: row.days_active,
          publishedPosts: row.published_posts,
          daysSinceLastWarning: row.days_since_warning === null ? null : Number(row.days_since_warning),
          everSuspendedOrBanned: row.sanctioned,
        },
        rule,
      ),
    ).length;
  }
}
