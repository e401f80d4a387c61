import { enumOf } from '../common/vocabulary/enum-of';
import { PostStatus } from '../forum/post-status';
import { SCREENING_CATEGORIES, type ScreeningCategory } from '../screening/engine/vocabulary';
import { Decision } from './case-vocabulary';

/**
 * Pure: what a moderator's decision teaches screening. A decision is a label on the post's
 * text as it stood when the moderator read it: which policy categories it truly has.
 */

/** The decisions that are labels; REQUEST_CHANGES asks for other words and says nothing final about these. */
export const LABELED_DECISIONS = [Decision.APPROVE, Decision.REJECT, Decision.REMOVE] as const;
export type LabeledDecision = (typeof LABELED_DECISIONS)[number];

/**
 * What the label says about screening: it held a post it should have published (FALSE_HOLD),
 * held one rightly (CONFIRMED_HOLD), published one it should have held (MISS, found by
 * members' reports), or published one rightly although members reported it (CONFIRMED_PUBLISH).
 */
export const EXAMPLE_KINDS = ['FALSE_HOLD', 'CONFIRMED_HOLD', 'MISS', 'CONFIRMED_PUBLISH'] as const;
export type ExampleKind = (typeof EXAMPLE_KINDS)[number];
export const ExampleKind = enumOf(EXAMPLE_KINDS);

export interface DecisionLabel {
  decision: LabeledDecision;
  kind: ExampleKind;
  /** The policy categories the post has, in policy order; empty for a post that should be published. */
  categories: ScreeningCategory[];
}

export interface LabelInput {
  decision: Decision;
  /** The post's status when the moderator decided, before the decision changed it. */
  postStatus: PostStatus;
  /** The case's screening reasons: what screening held the post for. */
  screening: ReadonlyArray<{ category: string; severity: string }>;
  /** The categories members reported the post for (OTHER included: it is dropped here). */
  reports: readonly string[];
}

/** Policy categories among `categories`, each once, in policy order (OTHER and anything unknown dropped). */
function policyCategories(categories: Iterable<string>): ScreeningCategory[] {
  const seen = new Set(categories);
  return SCREENING_CATEGORIES.filter((category) => seen.has(category));
}

/**
 * A NUDGE finding (say, a stigmatizing word beside a sourcing request) is a suggestion to the
 * author, not a reason to hold: the label keeps the categories the post was held for, as the
 * corpus labels a HOLD with its hold categories only.
 */
const holdCategories = (screening: LabelInput['screening']) =>
  policyCategories(screening.filter((reason) => reason.severity !== 'NUDGE').map((reason) => reason.category));

/**
 * The label a decision implies, or null when it implies none:
 * - REQUEST_CHANGES: the post will be rewritten; no label.
 * - a HELD post (or one waiting for changes, still in its held words): APPROVE says screening
 *   was wrong, so the post has none of the categories (a negative); REJECT or REMOVE says it was
 *   right, so the post has the categories it was held for.
 * - a PUBLISHED post, reported: REMOVE is a miss, the post has the reported policy categories;
 *   APPROVE keeps it up, a negative (screening was right and the reports were not).
 * - a post already REJECTED or withdrawn (REMOVED): the moderator only closes the case, the one
 *   decision open to them, so it is no judgement of the text.
 * A positive label with no policy category (a post held for reasons since dropped, or
 * removed after reports that all said OTHER) cannot say what the post has: no label.
 */
export function labelOfDecision(input: LabelInput): DecisionLabel | null {
  const { decision, postStatus } = input;
  if (decision === Decision.REQUEST_CHANGES) return null;

  const positive = (kind: ExampleKind, categories: ScreeningCategory[]): DecisionLabel | null =>
    categories.length > 0 ? { decision, kind, categories } : null;

  switch (postStatus) {
    case PostStatus.HELD:
    case PostStatus.NEEDS_CHANGES:
      if (decision === Decision.APPROVE) return { decision, kind: ExampleKind.FALSE_HOLD, categories: [] };
      return positive(ExampleKind.CONFIRMED_HOLD, holdCategories(input.screening));
    case PostStatus.PUBLISHED:
      if (decision === Decision.APPROVE) return { decision, kind: ExampleKind.CONFIRMED_PUBLISH, categories: [] };
      if (decision === Decision.REMOVE) return positive(ExampleKind.MISS, policyCategories(input.reports));
      return null;
    default:
      return null;
  }
}
