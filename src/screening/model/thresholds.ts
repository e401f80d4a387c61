/**
 * Per-category thresholds, chosen on the validation split (voices the model never trained on)
 * for what the model actually does: it acts only on posts the rules would publish. For each
 * category c and candidate threshold t:
 *
 *   added catches       posts held for c, which the rules publish, scoring >= t
 *   added false holds   benign posts the rules publish, scoring >= t
 *   utility             gain(c) * added catches - added false holds
 *
 * The threshold with the highest utility wins, ties going to the higher (more cautious)
 * threshold, among those whose added false holds stay within the category's budget. A missed
 * crisis costs more than a delayed benign post, so the URGENT categories gain more per catch
 * and search a lower range. With nothing to gain on validation, a category keeps the top of
 * its range: the model then speaks only when it is very sure.
 */
import { isCrisisCategory, ScreeningCategory } from '../engine/vocabulary';

export interface ThresholdPolicy {
  /** Candidates from `low` to `high` in steps of `step`. */
  low: number;
  high: number;
  step: number;
  /** Worth of one added catch, counted in added false holds. */
  gain: number;
  /** Most added false holds allowed, as a share of the benign validation posts. */
  falseHoldBudget: number;
}

export const URGENT_POLICY: ThresholdPolicy = { low: 0.1, high: 0.6, step: 0.01, gain: 4, falseHoldBudget: 0.02 };
export const DEFAULT_POLICY: ThresholdPolicy = { low: 0.4, high: 0.95, step: 0.01, gain: 1.5, falseHoldBudget: 0.01 };

export function policyFor(category: ScreeningCategory): ThresholdPolicy {
  return isCrisisCategory(category) ? URGENT_POLICY : DEFAULT_POLICY;
}

/** One validation post as the threshold search sees it, for one category. */
export interface ScoredPost {
  score: number;
  /** Labeled held (HOLD/REJECT) with this category. */
  positive: boolean;
  /** Labeled PUBLISH or PUBLISH_WITH_SUGGESTIONS. */
  benign: boolean;
  /** The rules alone would publish it (so the model's opinion is asked). */
  rulesPublish: boolean;
}

export interface ThresholdChoice {
  threshold: number;
  addedCatches: number;
  addedFalseHolds: number;
  utility: number;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

export function chooseThreshold(posts: readonly ScoredPost[], policy: ThresholdPolicy): ThresholdChoice {
  const benign = posts.filter((p) => p.benign).length;
  const budget = Math.floor(policy.falseHoldBudget * benign);
  const steps = Math.round((policy.high - policy.low) / policy.step);
  let best: ThresholdChoice | null = null;
  // From the top down, so that a tie keeps the higher threshold.
  for (let k = steps; k >= 0; k--) {
    const threshold = round2(policy.low + k * policy.step);
    let addedCatches = 0;
    let addedFalseHolds = 0;
    for (const p of posts) {
      if (!p.rulesPublish || p.score < threshold) continue;
      if (p.positive) addedCatches++;
      else if (p.benign) addedFalseHolds++;
    }
    if (addedFalseHolds > budget) continue;
    const utility = policy.gain * addedCatches - addedFalseHolds;
    if (best === null || utility > best.utility) best = { threshold, addedCatches, addedFalseHolds, utility };
  }
  return best ?? { threshold: round2(policy.high), addedCatches: 0, addedFalseHolds: 0, utility: 0 };
}
