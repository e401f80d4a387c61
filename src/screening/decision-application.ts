import { ReasonSource } from '../moderation/case-vocabulary';
import type { NewCaseReason } from '../moderation/case-intake.service';
import { PostStatus } from '../forum/post-status';
import type { ScreeningRecord } from '../forum/screening-record';
import { authorReasons, ReasonAudience } from './author-reasons';
import type { Reason, ScreeningCategory, ScreeningDecision } from './engine/types';
import { mostUrgent, type Priority } from './engine/vocabulary';

/**
 * Pure: what a screening decision means for a post. Kept apart from the transaction that
 * applies it so the mapping is testable without a database.
 */
export interface DecisionPlan {
  status: PostStatus;
  audit: string;
  record: ScreeningRecord;
  /** Reasons for a moderation case: only a HOLD opens one. */
  caseReasons: NewCaseReason[];
  priority: Priority | null;
  /** For a REJECT, which no moderator reviews: the findings, kept in the audit log. */
  auditNote: string | null;
}

const STATUS_FOR_OUTCOME = {
  PUBLISH: PostStatus.PUBLISHED,
  PUBLISH_WITH_SUGGESTIONS: PostStatus.PUBLISHED,
  HOLD: PostStatus.HELD,
  REJECT: PostStatus.REJECTED,
} as const;

function toCaseReason(reason: Reason, text: string, revision: number, where: 'body' | 'title'): NewCaseReason {
  return {
    category: reason.category,
    severity: reason.severity,
    source: ReasonSource.SCREENING,
    detail: where === 'title' ? `In the title: ${reason.detail}` : reason.detail,
    excerpt: text.slice(reason.start, reason.end) || null,
    // Spans index the body; a title finding keeps its excerpt but has no body offsets.
    start: where === 'body' ? reason.start : null,
    end: where === 'body' ? reason.end : null,
    revision,
  };
}

/** Title and body are screened apart (suggestion offsets index the body) and merged here. */
export function planDecision(input: {
  body: string;
  title: string | null;
  revision: number;
  bodyDecision: ScreeningDecision;
  titleDecision: ScreeningDecision | null;
  screenedAt: Date;
  /** Whose words these are: a submitted post (default) or a draft being checked. */
  audience?: ReasonAudience;
}): DecisionPlan {
  const { bodyDecision, titleDecision } = input;
  const outcomes = [bodyDecision.outcome, titleDecision?.outcome ?? 'PUBLISH'];
  const outcome = outcomes.includes('HOLD') ? 'HOLD' : outcomes.includes('REJECT') ? 'REJECT' : outcomes.includes('PUBLISH_WITH_SUGGESTIONS') ? 'PUBLISH_WITH_SUGGESTIONS' : 'PUBLISH';

  const held = (decision: ScreeningDecision) => decision.reasons.filter((reason) => reason.severity !== 'NUDGE');
  const caseReasons = [
    ...held(bodyDecision).map((reason) => toCaseReason(reason, input.body, input.revision, 'body')),
    ...(titleDecision && input.title !== null ? held(titleDecision).map((reason) => toCaseReason(reason, input.title as string, input.revision, 'title')) : []),
  ];
  const priority = mostUrgent([bodyDecision.priority, titleDecision?.priority ?? null].filter((p): p is Priority => p !== null));

  const categories = [...new Set([...bodyDecision.categories, ...(titleDecision?.categories ?? [])])];
  const heldCategories = [...new Set(caseReasons.map((reason) => reason.category))] as ScreeningCategory[];
  const reasons = authorReasons(outcome, heldCategories, input.audience ?? 'post');

  return {
    status: STATUS_FOR_OUTCOME[outcome],
    audit: `SCREENED_${outcome}`,
    priority: outcome === 'HOLD' ? (priority ?? 'NORMAL') : null,
    // POLICY: a certain REJECT goes to the audit log, not to the moderators' queue.
    caseReasons: outcome === 'HOLD' ? caseReasons : [],
    auditNote: outcome === 'REJECT' ? caseReasons.map((reason) => `${reason.category}: ${reason.detail}`).join('; ') : null,
    record: {
      revision: input.revision,
      outcome,
      categories,
      reasons,
      suggestions: bodyDecision.suggestions,
      crisisResources: bodyDecision.crisisResources || (titleDecision?.crisisResources ?? false),
      screenedAt: input.screenedAt.toISOString(),
    },
  };
}
