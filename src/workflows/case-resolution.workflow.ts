import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import type { Viewer } from '../common/auth/viewer';
import { PostStateService } from '../forum/post-state.service';
import { PostKind } from '../forum/post-status';
import { CaseworkService } from '../moderation/casework.service';
import { DecisionExamplesService } from '../moderation/decision-examples.service';
import { isDecisionProblem, planDecision } from '../moderation/decision-rules';
import type { ModerationCaseEntity } from '../moderation/moderation-case.entity';
import { ModerationError, moderationErrors } from '../moderation/moderation.errors';
import { ModerationEventsService } from '../moderation/moderation-events.service';
import { cleanResolveCommand, ResolveCommand } from '../moderation/resolve-command';
import { answerForDecision } from '../moderation/report-answers';
import { ReportAnswersService } from '../moderation/report-answers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { notifyReplyRecipients } from '../notifications/reply-recipients';
import { ConnectionsRepository } from '../forum/connections/connections.repository';

/**
 * A moderator's decision crosses moderation, forum and notifications, so it lives here. One
 * decision, one transaction: the case under its row lock, the post's state (through
 * PostStateService, which writes the audit row), the reports' hiding lifted, the case
 * resolved, the decision kept as a training example for screening when it is a label
 * (moderation/decision-label.ts), the author told, and each member who reported the post told
 * in plain words whether it was acted on (moderation/report-answers.ts). Live dashboards hear of it after the commit.
 */
@Injectable()
export class CaseResolutionWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly casework: CaseworkService,
    private readonly postState: PostStateService,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationsService,
    private readonly events: ModerationEventsService,
    private readonly examples: DecisionExamplesService,
    /** Followers, blocks and mutes: who else hears of an approved reply (issue 10). */
    private readonly connections: ConnectionsRepository,
    private readonly reportAnswers: ReportAnswersService,
  ) {}

  async resolve(viewer: Viewer, command: ResolveCommand): Promise<ModerationCaseEntity> {
    const { caseId, decision, noteToAuthor, internalNote } = cleanResolveCommand(command);

    const resolved = await this.dataSource.transaction(async (manager) => {
      const { entity, now } = await this.casework.lockForDecision(manager, viewer, caseId);
      const post = await this.postState.lock(manager, entity.postId);
      if (!post) throw moderationErrors.postNotFound();
      const plan = planDecision(decision, post, noteToAuthor);
      if (isDecisionProblem(plan)) {
        throw new ModerationError(plan.reason === 'BEING_EDITED' ? 'POST_BEING_EDITED' : 'DECISION_NOT_APPLICABLE', plan.message, {
          postStatus: post.status,
        });
      }

      // The label depends on what the moderator saw: the status before this decision changes it.
      const decided = { id: post.id, status: post.status, revision: post.revision };
      const audit = { action: decision, moderatorId: viewer.accountId, caseId: entity.id, note: noteToAuthor, internalNote };
      if (plan.to !== null) {
        await this.postState.transition(manager, post, plan.to, audit);
      } else {
        await this.audit.record(manager, { ...audit, postId: post.id });
      }
      if (plan.clearHidden && post.hiddenByReports) await this.postState.setHiddenByReports(manager, post, false);
      const closed = await this.casework.markResolved(manager, entity, decision, now);
      await this.examples.recordDecision(manager, entity.id, decided, decision, now);
      if (plan.notification && plan.message) {
        await this.notifications.notify(manager, post.authorId, plan.notification, plan.message, post.id);
      }
      await this.reportAnswers.answerCase(manager, entity.id, post.authorId, answerForDecision(decision, decided.status));
      if (plan.firstPublication && post.kind === PostKind.REPLY) {
        await notifyReplyRecipients(manager, this.notifications, post, this.connections);
      }
      return closed;
    });
    await this.events.caseChanged(resolved.id);
    return resolved;
  }
}
