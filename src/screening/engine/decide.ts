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
import type { Outcome, Priority, Reason, ScreeningCategory, ScreeningDecision, Suggestion } from './types';

export const CATEGORY_ORDER: readonly ScreeningCategory[] = [
  'SELF_HARM',
  'OVERDOSE_EMERGENCY',
  'DRUG_SOURCING',
  'DOSING_INSTRUCTIONS',
  'PERSONAL_INFO',
  'HARASSMENT',
  'STIGMA',
  'SPAM',
];

export const PRIORITY_OF: Readonly<Record<ScreeningCategory, Priority>> = {
  SELF_HARM: 'URGENT',
  OVERDOSE_EMERGENCY: 'URGENT',
  DRUG_SOURCING: 'HIGH',
  DOSING_INSTRUCTIONS: 'HIGH',
  PERSONAL_INFO: 'HIGH',
  HARASSMENT: 'HIGH',
  STIGMA: 'NORMAL',
  SPAM: 'LOW',
};

const PRIORITY_RANK: Readonly<Record<Priority, number>> = { URGENT: 3, HIGH: 2, NORMAL: 1, LOW: 0 };
const CRISIS: ReadonlySet<ScreeningCategory> = new Set(['SELF_HARM', 'OVERDOSE_EMERGENCY']);

export function decide(all: readonly Reason[], suggestions: readonly Suggestion[]): ScreeningDecision {
  const held = all.filter((r) => r.severity !== 'NUDGE');
  const reasons = held.length > 0 ? held : all.filter((r) => r.severity === 'NUDGE');
  let outcome: Outcome;
  if (held.length === 0) outcome = reasons.length > 0 || suggestions.length > 0 ? 'PUBLISH_WITH_SUGGESTIONS' : 'PUBLISH';
  else if (held.every((r) => r.category === 'SPAM') && held.some((r) => r.severity === 'REJECT')) outcome = 'REJECT';
  else outcome = 'HOLD';

  let priority: Priority | null = null;
  for (const r of held) {
    const p = PRIORITY_OF[r.category];
    if (priority === null || PRIORITY_RANK[p] > PRIORITY_RANK[priority]) priority = p;
  }
  const present = new Set(reasons.map((r) => r.category));
  if (outcome === 'PUBLISH_WITH_SUGGESTIONS') present.add('STIGMA');
  return {
    outcome,
    categories: CATEGORY_ORDER.filter((c) => present.has(c)),
    priority,
    reasons: [...reasons].sort((a, b) => a.start - b.start || a.end - b.end),
    suggestions: [...suggestions].sort((a, b) => a.start - b.start),
    crisisResources: held.some((r) => CRISIS.has(r.category)),
  };
}
