import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { AuditLogService } from '../audit/audit-log.service';
import { Metrics } from '../metrics/metrics';
import { claimExpiry, claimVerdict, decideProblem, releaseProblem } from './claim-rules';
import { CaseStatus, Decision } from './case-vocabulary';
import { ModerationCaseEntity } from './moderation-case.entity';
import { ModerationCasesRepository } from './repositories/moderation-cases.repository';
import { TransactionClock } from './repositories/transaction-clock';
import { ModerationError, moderationErrors } from './moderation.errors';
import { ModerationEventsService } from './moderation-events.service';
import { isUuid } from '../common/validation/uuid';

/**
 * Claims and decisions. Each runs in one transaction holding the case's row lock, so of two
 * moderators acting on a case at once one goes first and the other sees its result: exactly
 * one claim wins, and a case is never decided twice. Live dashboards hear of the change
 * after the commit.
 */
@Injectable()
export class CaseworkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: ModerationCasesRepository,
    private readonly clock: TransactionClock,
    private readonly audit: AuditLogService,
    private readonly events: ModerationEventsService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly metrics: Metrics,
  ) {}

  /** The case row under a row lock, and the database's clock (the one every claim is measured by). */
  private async lockCase(manager: EntityManager, caseId: string): Promise<{ entity: ModerationCaseEntity; now: Date }> {
    if (!isUuid(caseId)) throw moderationErrors.caseNotFound();
    const entity = await this.cases.lockCase(manager, caseId);
    if (!entity) throw moderationErrors.caseNotFound();
    return { entity, now: await this.clock.now(manager) };
  }

  async claim(viewer: Viewer, caseId: string): Promise<ModerationCaseEntity> {
    let firstClaimAfterSeconds: number | null = null;
    const claimed = await this.dataSource.transaction(async (manager) => {
      const { entity, now } = await this.lockCase(manager, caseId);
      const verdict = claimVerdict(entity, viewer.accountId, now);
      if (!verdict.ok) {
        if (verdict.problem === 'RESOLVED') throw new ModerationError('CASE_RESOLVED', 'This case was already decided.');
        throw new ModerationError(
          'CASE_CLAIMED',
          `Another moderator is working on this case (their claim runs until ${entity.claimExpiresAt?.toISOString()}).`,
          {
            claimExpiresAt: entity.claimExpiresAt?.toISOString() ?? null,
          },
        );
      }
      const previous = entity.claimedById;
      // The case keeps its first claim's time (markClaimed): a released case claimed again is not a first claim.
      if (entity.firstClaimedAt === null) firstClaimAfterSeconds = (now.getTime() - entity.createdAt.getTime()) / 1000;
      const expires = claimExpiry(now, this.config.moderation.claimMinutes);
      await this.cases.markClaimed(manager, entity.id, viewer.accountId, expires);
      await this.audit.record(manager, {
        action: verdict.kind === 'TAKEOVER' ? 'TAKEOVER' : 'CLAIM',
        caseId: entity.id,
        postId: entity.postId,
        moderatorId: viewer.accountId,
        subjectId: verdict.kind === 'TAKEOVER' ? previous : null,
        note: verdict.kind === 'RENEW' ? 'claim renewed' : verdict.kind === 'TAKEOVER' ? 'took over an expired claim' : null,
      });
      return Object.assign(entity, { status: CaseStatus.CLAIMED, claimedById: viewer.accountId, claimExpiresAt: expires });
    });
    if (firstClaimAfterSeconds !== null) this.metrics.caseFirstClaimed(claimed.priority, firstClaimAfterSeconds);
    await this.events.caseChanged(claimed.id);
    return claimed;
  }

  async release(viewer: Viewer, caseId: string): Promise<ModerationCaseEntity> {
    const released = await this.dataSource.transaction(async (manager) => {
      const { entity } = await this.lockCase(manager, caseId);
      const problem = releaseProblem(entity, viewer.accountId);
      if (problem === 'RESOLVED') throw new ModerationError('CASE_RESOLVED', 'This case was already decided.');
      if (problem === 'NOT_CLAIMED')
        throw new ModerationError('CASE_NOT_CLAIMED', 'This case is not claimed, so there is nothing to release.');
      if (problem === 'NOT_CLAIMANT') throw new ModerationError('NOT_CLAIMANT', 'Only the moderator who claimed this case can release it.');
      await this.cases.markReleased(manager, entity.id);
      await this.audit.record(manager, { action: 'RELEASE', caseId: entity.id, postId: entity.postId, moderatorId: viewer.accountId });
      return Object.assign(entity, { status: CaseStatus.OPEN, claimedById: null, claimExpiresAt: null });
    });
    await this.events.caseChanged(released.id);
    return released;
  }

  /**
   * The case under its row lock, ready to be decided by this moderator (open, and claimed
   * by them), and the database's clock. The case-resolution workflow decides the post in
   * the same transaction.
   */
  async lockForDecision(manager: EntityManager, viewer: Viewer, caseId: string): Promise<{ entity: ModerationCaseEntity; now: Date }> {
    const locked = await this.lockCase(manager, caseId);
    const problem = decideProblem(locked.entity, viewer.accountId);
    if (problem === 'RESOLVED') throw new ModerationError('CASE_RESOLVED', 'This case was already decided.');
    if (problem === 'NOT_CLAIMED')
      throw new ModerationError(
        'CASE_NOT_CLAIMED',
        'Please claim this case before deciding it, so no one else decides it at the same time.',
      );
    if (problem === 'NOT_CLAIMANT')
      throw new ModerationError('NOT_CLAIMANT', 'Another moderator holds the claim on this case; only they can decide it.');
    return locked;
  }

  /** Closes a case locked by lockForDecision with the moderator's decision. */
  async markResolved(manager: EntityManager, entity: ModerationCaseEntity, decision: Decision, now: Date): Promise<ModerationCaseEntity> {
    await this.cases.markResolved(manager, entity.id, decision, now);
    return Object.assign(entity, { status: CaseStatus.RESOLVED, decision, resolvedAt: now, claimExpiresAt: null });
  }
}
