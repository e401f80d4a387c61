/**
 * Reasons -> decision, exactly as docs/policy.md says. Pure.
 *
 * - REJECT when every held reason is SPAM and one of them is certain (REJECT). A post held for
 *   anything else too (a crisis posted three times) goes to a human instead.
 * - HOLD when any reason holds; PUBLISH_WITH_SUGGESTIONS when only nudges; else PUBLISH.
 * - priority: the highest among held reasons; null when nothing is held.
 * - A held post keeps its suggestions, but its reasons and categories are those of the
 *   moderation case (nudges are for the author, not the queue).
 */
import type { Outcome, Reason, ScreeningCategory, ScreeningDecision, Suggestion } from './types';
import { isCrisisCategory, mostUrgent, PRIORITY_OF, SCREENING_CATEGORIES } from './vocabulary';

export function decide(all: readonly Reason[], suggestions: readonly Suggestion[]): ScreeningDecision {
  const held = all.filter((r) => r.severity !== 'NUDGE');
  const reasons = held.length > 0 ? held : all.filter((r) => r.severity === 'NUDGE');
  let outcome: Outcome;
  if (held.length === 0) outcome = reasons.length > 0 || suggestions.length > 0 ? 'PUBLISH_WITH_SUGGESTIONS' : 'PUBLISH';
  else if (held.every((r) => r.category === 'SPAM') && held.some((r) => r.severity === 'REJECT')) outcome = 'REJECT';
  else outcome = 'HOLD';

  const priority = mostUrgent(held.map((r) => PRIORITY_OF[r.category]));
  const present = new Set<ScreeningCategory>(reasons.map((r) => r.category));
  if (outcome === 'PUBLISH_WITH_SUGGESTIONS') present.add('STIGMA');
  return {
    outcome,
    categories: SCREENING_CATEGORIES.filter((c) => present.has(c)),
    priority,
    reasons: [...reasons].sort((a, b) => a.start - b.start || a.end - b.end),
    suggestions: [...suggestions].sort((a, b) => a.start - b.start),
    crisisResources: held.some((r) => isCrisisCategory(r.category)),
  };
}
