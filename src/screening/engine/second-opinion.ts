/**
 * An optional stage after the rules: a second opinion (the learned model) that may only
 * escalate. It is asked only when the rules would publish, and only its HOLD reasons count, so
 * it can never lower an outcome, change a rules HOLD or REJECT, or drop a suggestion. The
 * engine defines the seam; the model lives outside the engine and imports it, not the reverse.
 */
import type { Doc } from './doc';
import { decide } from './decide';
import type { Reason, ScreeningDecision, Suggestion } from './types';

export interface SecondOpinion {
  /** Reasons to hold a post the rules would publish; [] to agree. Must be pure and fast. */
  review(doc: Doc): Reason[];
}

export interface RulesVerdict {
  doc: Doc;
  reasons: readonly Reason[];
  suggestions: readonly Suggestion[];
  decision: ScreeningDecision;
}

export function escalate(verdict: RulesVerdict, opinion: SecondOpinion): ScreeningDecision {
  const { decision } = verdict;
  if (decision.outcome !== 'PUBLISH' && decision.outcome !== 'PUBLISH_WITH_SUGGESTIONS') return decision;
  const held = opinion.review(verdict.doc).filter((r) => r.severity === 'HOLD');
  if (held.length === 0) return decision;
  return decide([...verdict.reasons, ...held], verdict.suggestions);
}
