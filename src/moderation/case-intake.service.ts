import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { CaseReasonEntity, ReasonSource } from './case-reason.entity';
import { CasePriority, CaseStatus, Decision, ModerationCaseEntity, PRIORITY_RANK } from './moderation-case.entity';

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

function higher(a: CasePriority, b: CasePriority): CasePriority {
  return PRIORITY_RANK[a] <= PRIORITY_RANK[b] ? a : b;
}

/**
 * Brings reasons to a post's case (Discourse's Reviewable: one case per post). Joins the
 * open case, reopens the case that asked the author for changes, or opens a new one.
 * The case's priority is the highest among all its reasons.
 */
@Injectable()
export class CaseIntakeService {
  async openOrJoin(manager: EntityManager, postId: string, priority: CasePriority, reasons: NewCaseReason[]): Promise<{ caseEntity: ModerationCaseEntity; created: boolean }> {
    let caseEntity = await manager.findOne(ModerationCaseEntity, {
      where: { postId, status: Not(CaseStatus.RESOLVED) },
      lock: { mode: 'pessimistic_write' },
    });
    let created = false;

    if (caseEntity) {
      const raised = higher(caseEntity.priority, priority);
      if (raised !== caseEntity.priority) {
        caseEntity.priority = raised;
        caseEntity.priorityRank = PRIORITY_RANK[raised];
        await manager.update(ModerationCaseEntity, { id: caseEntity.id }, { priority: raised, priorityRank: PRIORITY_RANK[raised] });
      }
    } else {
      const awaitingChanges = await manager.findOne(ModerationCaseEntity, {
        where: { postId, decision: Decision.REQUEST_CHANGES, resolvedAt: Not(IsNull()) },
        order: { createdAt: 'DESC' },
      });
      if (awaitingChanges) {
        // The author edited after a moderator asked for changes and the edit is held again:
        // the same case comes back, with its history, instead of a new one.
        Object.assign(awaitingChanges, { status: CaseStatus.OPEN, resolvedAt: null, decision: null, claimedById: null, claimExpiresAt: null, priority, priorityRank: PRIORITY_RANK[priority] });
        await manager.save(ModerationCaseEntity, awaitingChanges);
        caseEntity = awaitingChanges;
      } else {
        caseEntity = await manager.save(ModerationCaseEntity, manager.create(ModerationCaseEntity, { postId, priority, priorityRank: PRIORITY_RANK[priority], status: CaseStatus.OPEN }));
        created = true;
      }
    }

    if (reasons.length > 0) {
      await manager.insert(
        CaseReasonEntity,
        reasons.map((reason) => ({ ...reason, caseId: caseEntity.id })),
      );
    }
    return { caseEntity, created };
  }
}
