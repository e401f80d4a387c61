import { authorReasons, ReasonAudience } from './author-reasons';
import type { Outcome, Reason, ScreeningCategory, ScreeningDecision } from './engine/types';
import { mostUrgent, type Priority } from './engine/vocabulary';
import type { ScreeningRecord } from './screening-record';

/** A held reason located in the text it was found in. */
export interface Finding {
  reason: Reason;
  where: 'body' | 'title';
  excerpt: string | null;
}

/**
 * Pure: what screening concluded about a text, title and body together. A submitted post
 * and a draft check share it, so the author reads the same words either way; what the
 * verdict does to a post (its state, a case) is the screening workflow's business.
 */
export interface ScreeningVerdict {
  outcome: Outcome;
  /** Held (non-NUDGE) reasons, body first: these go to the moderators. */
  findings: Finding[];
  /** The most pressing priority among the decisions, or null when none gave one. */
  priority: Priority | null;
  record: ScreeningRecord;
}

function findingsOf(decision: ScreeningDecision, text: string, where: Finding['where']): Finding[] {
  return decision.reasons
    .filter((reason) => reason.severity !== 'NUDGE')
    .map((reason) => ({ reason, where, excerpt: text.slice(reason.start, reason.end) || null }));
}

/** Title and body are screened apart (suggestion offsets index the body) and merged here. */
export function screeningVerdict(input: {
  body: string;
  title: string | null;
  revision: number;
  bodyDecision: ScreeningDecision;
  titleDecision: ScreeningDecision | null;
  screenedAt: Date;
  /** Whose words these are: a submitted post (default) or a draft being checked. */
  audience?: ReasonAudience;
}): ScreeningVerdict {
  const { bodyDecision, titleDecision } = input;
  const outcomes = [bodyDecision.outcome, titleDecision?.outcome ?? 'PUBLISH'];
  const outcome = outcomes.includes('HOLD')
    ? 'HOLD'
    : outcomes.includes('REJECT')
      ? 'REJECT'
      : outcomes.includes('PUBLISH_WITH_SUGGESTIONS')
        ? 'PUBLISH_WITH_SUGGESTIONS'
        : 'PUBLISH';

  const findings = [
    ...findingsOf(bodyDecision, input.body, 'body'),
    ...(titleDecision && input.title !== null ? findingsOf(titleDecision, input.title, 'title') : []),
  ];
  const priority = mostUrgent([bodyDecision.priority, titleDecision?.priority ?? null].filter((p): p is Priority => p !== null));

  const categories = [...new Set([...bodyDecision.categories, ...(titleDecision?.categories ?? [])])];
  const heldCategories: ScreeningCategory[] = [...new Set(findings.map((finding) => finding.reason.category))];

  return {
    outcome,
    findings,
    priority,
    record: {
      revision: input.revision,
      outcome,
      categories,
      reasons: authorReasons(outcome, heldCategories, input.audience ?? 'post'),
      suggestions: bodyDecision.suggestions,
      crisisResources: bodyDecision.crisisResources || (titleDecision?.crisisResources ?? false),
      screenedAt: input.screenedAt.toISOString(),
    },
  };
}
