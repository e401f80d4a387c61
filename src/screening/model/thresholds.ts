/**
 * Per-category thresholds, chosen on the validation split (voices the model never trained on)
 * for what the model actually does: it acts only on posts the rules would publish.
 *
 *   added catches       posts held for c, which the rules publish, scoring >= c's threshold
 *   added false holds   benign posts the rules publish that any category would hold
 *   utility             sum over c of gain(c) * added catches(c) - added false holds
 *
 * Every category starts at the top of its range (the model speaks only when very sure), then,
 * greedily, the one move that raises the utility most lowers one category's threshold, as long
 * as the added false holds stay within the budget (a share of the benign validation posts;
 * should the tops already exceed it, only moves that hold no further benign post are made).
 * A move must strictly improve the utility, and among equal moves the higher threshold wins,
 * so a category with nothing to gain keeps its top threshold. A missed crisis costs more than
 * a delayed benign post: the URGENT categories gain more per catch and search a lower range,
 * entirely below the others'.
 */
import { isCrisisCategory, ScreeningCategory } from '../engine/vocabulary';

export interface ThresholdPolicy {
  /** Candidates from `low` to `high` in steps of `step`. */
  low: number;
  high: number;
  step: number;
  /** Worth of one added catch, counted in added false holds. */
  gain: number;
}

/** URGENT ranges end where the others begin, so an urgent threshold is never above another category's. */
export const URGENT_POLICY: ThresholdPolicy = { low: 0.35, high: 0.6, step: 0.01, gain: 4 };
export const DEFAULT_POLICY: ThresholdPolicy = { low: 0.6, high: 0.95, step: 0.01, gain: 1.5 };
/** Most false holds the model may add, as a share of the benign validation posts. */
export const FALSE_HOLD_BUDGET = 0.02;

export function policyFor(category: ScreeningCategory): ThresholdPolicy {
  return isCrisisCategory(category) ? URGENT_POLICY : DEFAULT_POLICY;
}

/** One validation post as the threshold search sees it. */
export interface ScoredPost {
  /** The model's score per category, in the order of the categories searched. */
  scores: ArrayLike<number>;
  /** Per category: labeled held (HOLD/REJECT) for it. */
  positive: readonly boolean[];
  /** Labeled PUBLISH or PUBLISH_WITH_SUGGESTIONS. */
  benign: boolean;
  /** The rules alone would publish it (so the model is asked). */
  rulesPublish: boolean;
}

export interface ThresholdChoice {
  threshold: number;
  /** Posts held for the category that this threshold adds to the rules' holds. */
  addedCatches: number;
  /** Benign posts this category holds (some may be held by another category too). */
  falseHolds: number;
}

export interface ThresholdSearch {
  choices: ThresholdChoice[];
  /** Benign posts held by any category. */
  addedFalseHolds: number;
  budget: number;
  utility: number;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

function grid(policy: ThresholdPolicy): number[] {
  const steps = Math.round((policy.high - policy.low) / policy.step);
  return Array.from({ length: steps + 1 }, (_, k) => round2(policy.high - k * policy.step));
}

export function chooseThresholds(
  posts: readonly ScoredPost[],
  policies: readonly ThresholdPolicy[],
  budgetShare = FALSE_HOLD_BUDGET,
): ThresholdSearch {
  const k = policies.length;
  const asked = posts.filter((p) => p.rulesPublish);
  const budget = Math.floor(budgetShare * posts.filter((p) => p.benign).length);
  const thresholds = policies.map((p) => round2(p.high));
  /** Per benign asked post, how many categories currently hold it. */
  const holding = asked.map((p) => (p.benign ? thresholds.filter((t, c) => p.scores[c] >= t).length : 0));
  const catches = (c: number, t: number): number => asked.filter((p) => p.positive[c] && p.scores[c] >= t).length;
  let falseHolds = holding.filter((n) => n > 0).length;
  let utility = policies.reduce((u, p, c) => u + p.gain * catches(c, thresholds[c]), 0) - falseHolds;

  for (;;) {
    let best: { c: number; t: number; utility: number; falseHolds: number } | null = null;
    for (let c = 0; c < k; c++) {
      const before = catches(c, thresholds[c]);
      for (const t of grid(policies[c])) {
        if (t >= thresholds[c]) continue;
        // Benign posts newly held: those only this category will hold, at t but not before.
        let added = 0;
        asked.forEach((p, i) => {
          if (p.benign && holding[i] === 0 && p.scores[c] >= t) added++;
        });
        // Over the budget already (the tops hold too much), a move may still add catches alone.
        if (added > 0 && falseHolds + added > budget) continue;
        const u = utility + policies[c].gain * (catches(c, t) - before) - added;
        if (u > (best?.utility ?? utility)) best = { c, t, utility: u, falseHolds: falseHolds + added };
      }
    }
    if (best === null) break;
    const { c, t } = best;
    asked.forEach((p, i) => {
      if (p.benign && p.scores[c] >= t && p.scores[c] < thresholds[c]) holding[i]++;
    });
    thresholds[c] = t;
    utility = best.utility;
    falseHolds = best.falseHolds;
  }
  return {
    choices: thresholds.map((threshold, c) => ({
      threshold,
      addedCatches: catches(c, threshold),
      falseHolds: asked.filter((p) => p.benign && p.scores[c] >= threshold).length,
    })),
    addedFalseHolds: falseHolds,
    budget,
    utility,
  };
}
