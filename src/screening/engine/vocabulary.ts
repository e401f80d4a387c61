/**
 * The words the engine decides with, each listed once, in docs/policy.md order. Every other layer
 * derives from these lists: the types here, the GraphQL enums, the moderation case's priority
 * and the queue's rank. Plain data, so the engine still imports nothing of the app.
 */

export const SCREENING_CATEGORIES = [
  'SELF_HARM',
  'OVERDOSE_EMERGENCY',
  'DRUG_SOURCING',
  'DOSING_INSTRUCTIONS',
  'PERSONAL_INFO',
  'HARASSMENT',
  'STIGMA',
  'SPAM',
] as const;
export type ScreeningCategory = (typeof SCREENING_CATEGORIES)[number];

export const SEVERITIES = ['NUDGE', 'HOLD', 'REJECT'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const OUTCOMES = ['PUBLISH', 'PUBLISH_WITH_SUGGESTIONS', 'HOLD', 'REJECT'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Most urgent first: the order a moderator's queue shows cases in. */
export const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * A priority's place in the queue, 0 the most urgent. Stored beside each moderation case
 * (priority_rank) so the queue sorts with an index: the numbers must not change.
 */
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = Object.freeze(
  Object.fromEntries(PRIORITIES.map((priority, rank) => [priority, rank])) as Record<Priority, number>,
);

/** Sorts priorities most urgent first. */
export function byUrgency(a: Priority, b: Priority): number {
  return PRIORITY_RANK[a] - PRIORITY_RANK[b];
}

/** The most urgent of some priorities; null when there are none. */
export function mostUrgent(priorities: Iterable<Priority>): Priority | null {
  let most: Priority | null = null;
  for (const priority of priorities) if (most === null || byUrgency(priority, most) < 0) most = priority;
  return most;
}

/** docs/policy.md's queue priority per category. */
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

/** The categories that show the author crisis resources when held. */
export const CRISIS_CATEGORIES = ['SELF_HARM', 'OVERDOSE_EMERGENCY'] as const satisfies readonly ScreeningCategory[];
export type CrisisCategory = (typeof CRISIS_CATEGORIES)[number];

export function isCrisisCategory(category: string): category is CrisisCategory {
  return (CRISIS_CATEGORIES as readonly string[]).includes(category);
}
