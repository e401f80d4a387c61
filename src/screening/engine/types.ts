/**
 * The screening engine's public shapes. The engine is pure: text in, decision out. Its
 * vocabularies (categories, severities, outcomes, priorities) are listed in vocabulary.ts.
 */
import type { Outcome, Priority, ScreeningCategory, Severity } from './vocabulary';

export type { Outcome, Priority, ScreeningCategory, Severity } from './vocabulary';

/** One explainable finding. Offsets are UTF-16 code units into the ORIGINAL text. */
export interface Reason {
  category: ScreeningCategory;
  severity: Severity;
  start: number;
  end: number;
  /** One line a moderator understands: which rule, and why it fired. */
  detail: string;
}

/** A person-first language suggestion (docs/policy.md table), private to the author. */
export interface Suggestion {
  /** The words exactly as written in the original text. */
  term: string;
  suggestion: string;
  /** Short why, for the author. */
  explanation: string;
  start: number;
  end: number;
}

export interface ScreeningDecision {
  outcome: Outcome;
  /** Distinct categories of all reasons, in docs/policy.md order. */
  categories: ScreeningCategory[];
  /** Highest priority among HOLD/REJECT reasons; null when nothing is held. */
  priority: Priority | null;
  reasons: Reason[];
  suggestions: Suggestion[];
  /** True when SELF_HARM or OVERDOSE_EMERGENCY is among the HOLD reasons. */
  crisisResources: boolean;
}

/**
 * Facts about the post that are not in its text, supplied by the caller (the worker knows
 * them from the database; the CLI does not and passes nothing).
 */
export interface ScreeningContext {
  /** How many times the same author posted this exact text in the last hour, this one excluded. */
  recentDuplicateCount?: number;
}
