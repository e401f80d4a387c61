import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PostStatus } from '../forum/post-status';
import { Decision, ReasonSource } from './case-vocabulary';
import { DecisionLabel, labelOfDecision } from './decision-label';
import { DecisionExamplesRepository } from './repositories/decision-examples.repository';
import { ModerationCasesRepository } from './repositories/moderation-cases.repository';

export interface DecidedPost {
  id: string;
  /** Its status when the moderator decided, before the decision changed it. */
  status: PostStatus;
  revision: number;
}

/**
 * Keeps every moderator decision that is a label (decision-label.ts) as a training example for
 * screening, in the transaction that applies the decision: a decision and its example commit
 * together or not at all.
 */
@Injectable()
export class DecisionExamplesService {
  constructor(
    private readonly cases: ModerationCasesRepository,
    private readonly examples: DecisionExamplesRepository,
  ) {}

  /**
   * Records the label of `decision` on the case's post; returns it, or null when the decision is
   * none (an earlier example of the post then stays: it labels words this decision did not judge).
   */
  async recordDecision(
    manager: EntityManager,
    caseId: string,
    post: DecidedPost,
    decision: Decision,
    at: Date,
  ): Promise<DecisionLabel | null> {
    if (decision === Decision.REQUEST_CHANGES) return null;
    const reasons = await this.cases.reasonCategories(manager, caseId);
    const label = labelOfDecision({
      decision,
      postStatus: post.status,
      screening: reasons.filter((reason) => reason.source === ReasonSource.SCREENING),
      reports: reasons.filter((reason) => reason.source === ReasonSource.REPORT).map((reason) => reason.category),
    });
    if (label === null) return null;
    await this.examples.record(manager, { postId: post.id, caseId, ...label, revision: post.revision, decidedAt: at });
    return label;
  }

  /** How many examples an export (and so `train:screening -- --include-decisions`) would use now. */
  countExportable(): Promise<number> {
    return this.examples.countExportable();
  }
}
