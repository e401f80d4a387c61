import { ReasonSource } from '../moderation/case-vocabulary';
import { withoutQuote } from '../screening/engine/detectors/reason';
import type { Priority } from '../screening/engine/vocabulary';
import type { NewCaseReason } from '../moderation/case-intake.service';
import { PostStatus } from '../forum/post-status';
import type { ScreeningRecord } from '../screening/screening-record';
import type { Finding, ScreeningVerdict } from '../screening/screening-verdict';

/**
 * Pure: what a screening verdict means for a post. Kept apart from the transaction that
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

function toCaseReason({ reason, where, excerpt }: Finding, revision: number): NewCaseReason {
  return {
    category: reason.category,
    severity: reason.severity,
    source: ReasonSource.SCREENING,
    detail: where === 'title' ? `In the title: ${reason.detail}` : reason.detail,
    excerpt,
    // Spans index the body; a title finding keeps its excerpt but has no body offsets.
    start: where === 'body' ? reason.start : null,
    end: where === 'body' ? reason.end : null,
    revision,
  };
}

export function planDecision(verdict: ScreeningVerdict): DecisionPlan {
  const { outcome, record } = verdict;
  const caseReasons = verdict.findings.map((finding) => toCaseReason(finding, record.revision));
  return {
    status: STATUS_FOR_OUTCOME[outcome],
    audit: `SCREENED_${outcome}`,
    priority: outcome === 'HOLD' ? (verdict.priority ?? 'NORMAL') : null,
    // POLICY: a certain REJECT goes to the audit log, not to the moderators' queue.
    caseReasons: outcome === 'HOLD' ? caseReasons : [],
    // The audit log can never be changed, so it keeps why, not the words: those go with the post.
    auditNote: outcome === 'REJECT' ? caseReasons.map((reason) => `${reason.category}: ${withoutQuote(reason.detail)}`).join('; ') : null,
    record,
  };
}
