import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { byUrgency, PRIORITY_RANK } from '../screening/engine/vocabulary';
import { CasePriority, CaseStatus, ReasonSource } from './case-vocabulary';
import { ModerationCaseEntity } from './moderation-case.entity';
import { ModerationCasesRepository } from './repositories/moderation-cases.repository';

export interface NewCaseReason {
  category: string;
  severity: string;
  source: ReasonSource;
  detail: string;
  excerpt: string | null;
  start: number | null;
  end: number | null;
  revision: number | null;
}

/**
 * Brings reasons to a post's case (Discourse's Reviewable: one case per post). Joins the
 * open case, reopens the case that asked the author for changes, or opens a new one.
 * The case's priority is the highest among all its reasons.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly cases: ModerationCasesRepository,
    private readonly audit: AuditLogService,
  ) {}

  async openOrJoin(
    manager: EntityManager,
    postId: string,
    priority: CasePriority,
    reasons: NewCaseReason[],
  ): Promise<{ caseEntity: ModerationCaseEntity; created: boolean }> {
    let caseEntity = await this.cases.lockOpenCaseOfPost(manager, postId);
    let created = false;

    if (caseEntity) {
      const raised = byUrgency(priority, caseEntity.priority) < 0 ? priority : caseEntity.priority;
      if (raised !== caseEntity.priority) {
        caseEntity.priority = raised;
        caseEntity.priorityRank = PRIORITY_RANK[raised];
        await this.cases.setPriority(manager, caseEntity.id, raised);
      }
    } else {
      const awaitingChanges = await this.cases.latestAwaitingChanges(manager, postId);
      if (awaitingChanges) {
        // The author edited after a moderator asked for changes and the edit is held again:
        // the same case comes back, with its history, instead of a new one.
        Object.assign(awaitingChanges, {
          status: CaseStatus.OPEN,
          resolvedAt: null,
          decision: null,
          claimedById: null,
          claimExpiresAt: null,
          priority,
          priorityRank: PRIORITY_RANK[priority],
        });
        await this.cases.save(manager, awaitingChanges);
        caseEntity = awaitingChanges;
      } else {
        caseEntity = await this.cases.open(manager, postId, priority);
        created = true;
      }
    }

    await this.dropStaleScreeningReasons(manager, caseEntity.id, reasons);
    await this.cases.addReasons(manager, caseEntity.id, reasons);
    return { caseEntity, created };
  }

  /**
   * A new screening of an edited post replaces the findings about earlier revisions: their
   * excerpts and spans point at words that are no longer there.
   */
  private async dropStaleScreeningReasons(manager: EntityManager, caseId: string, incoming: NewCaseReason[]): Promise<void> {
    const revisions = incoming
      .filter((reason) => reason.source === ReasonSource.SCREENING && reason.revision !== null)
      .map((reason) => reason.revision as number);
    if (revisions.length === 0) return;
    await this.cases.dropScreeningReasonsBefore(manager, caseId, Math.max(...revisions));
  }

  /**
   * After an edit passed screening: the open case loses its screening findings, and closes if
   * nothing else (a member's report) remains to decide. Returns the case id when it changed.
   */
  async settleAfterCleanScreening(manager: EntityManager, postId: string, revision: number): Promise<string | null> {
    const open = await this.cases.lockOpenCaseOfPost(manager, postId);
    if (!open) return null;
    const dropped = await this.cases.dropScreeningReasonsBefore(manager, open.id, revision);
    const remaining = await this.cases.countReasons(manager, open.id);
    if (remaining === 0) {
      await this.close(manager, open, 'the edited post passed screening; nothing is left to decide');
      return open.id;
    }
    return dropped > 0 ? open.id : null;
  }

  /** The author withdrew the post: its open case has nothing left to decide. */
  async closeForWithdrawal(manager: EntityManager, postId: string): Promise<string | null> {
    const open = await this.cases.lockOpenCaseOfPost(manager, postId);
    if (!open) return null;
    await this.close(manager, open, 'the author withdrew the post');
    return open.id;
  }

  /** Resolved without a moderator's decision (decision stays null), and said so in the audit log. */
  private async close(manager: EntityManager, open: ModerationCaseEntity, note: string): Promise<void> {
    await this.cases.markClosed(manager, open.id);
    await this.audit.record(manager, { action: 'CASE_CLOSED', caseId: open.id, postId: open.postId, note });
  }
}
