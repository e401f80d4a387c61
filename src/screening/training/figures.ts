/**
 * The figures stored with a model: for one split, the rules alone and the rules followed by the
 * model (hold recall, false-hold rate, urgent recall, recall per category), and the model
 * alone at its thresholds. Pure.
 */
import type { Outcome, ScreeningCategory, ScreeningDecision } from '../engine/types';
import { isCrisisCategory, SCREENING_CATEGORIES } from '../engine/vocabulary';
import type { ModelCategoryFigures, SplitFigures, SystemFigures } from '../model/weights-file';
import type { LabeledPost } from '../cli/evaluate';

export const isHeldOutcome = (o: Outcome): boolean => o === 'HOLD' || o === 'REJECT';

/** The categories a post is held for; [] for benign posts (a nudge's STIGMA is not a hold). */
export const heldCategories = (p: Pick<LabeledPost, 'outcome' | 'categories'>): ScreeningCategory[] =>
  isHeldOutcome(p.outcome) ? p.categories : [];

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);

export function systemFigures(posts: readonly LabeledPost[], decisions: readonly ScreeningDecision[]): SystemFigures {
  let benign = 0;
  let falseHolds = 0;
  let holds = 0;
  let caught = 0;
  let urgent = 0;
  let urgentCaught = 0;
  const labeled = new Map<ScreeningCategory, number>();
  const named = new Map<ScreeningCategory, number>();
  posts.forEach((p, i) => {
    const d = decisions[i];
    const held = isHeldOutcome(d.outcome);
    const want = heldCategories(p);
    if (!isHeldOutcome(p.outcome)) {
      benign++;
      if (held) falseHolds++;
      return;
    }
    holds++;
    if (held) caught++;
    if (want.some(isCrisisCategory)) {
      urgent++;
      if (held && d.priority === 'URGENT') urgentCaught++;
    }
    for (const c of want) {
      labeled.set(c, (labeled.get(c) ?? 0) + 1);
      if (held && d.categories.includes(c)) named.set(c, (named.get(c) ?? 0) + 1);
    }
  });
  return {
    posts: posts.length,
    benign,
    holds,
    holdRecall: ratio(caught, holds),
    falseHoldRate: ratio(falseHolds, benign),
    urgentRecall: ratio(urgentCaught, urgent),
    categoryRecall: Object.fromEntries(SCREENING_CATEGORIES.map((c) => [c, ratio(named.get(c) ?? 0, labeled.get(c) ?? 0)])) as Record<
      ScreeningCategory,
      number | null
    >,
  };
}

/** The model alone: per category, how many held posts it scores over the threshold, and how precisely. */
export function modelFigures(
  posts: readonly LabeledPost[],
  scores: readonly Float64Array[],
  categories: readonly ScreeningCategory[],
  thresholds: Float64Array,
): Record<ScreeningCategory, ModelCategoryFigures> {
  const out = {} as Record<ScreeningCategory, ModelCategoryFigures>;
  categories.forEach((c, k) => {
    let positives = 0;
    let tp = 0;
    let fp = 0;
    posts.forEach((p, i) => {
      const positive = heldCategories(p).includes(c);
      const fired = scores[i][k] >= thresholds[k];
      if (positive) positives++;
      if (positive && fired) tp++;
      else if (fired) fp++;
    });
    out[c] = { positives, recall: ratio(tp, positives), precision: ratio(tp, tp + fp) };
  });
  return out;
}

export function splitFigures(
  posts: readonly (LabeledPost & { voice: string })[],
  rules: readonly ScreeningDecision[],
  withModel: readonly ScreeningDecision[],
  model: Record<ScreeningCategory, ModelCategoryFigures>,
): SplitFigures {
  return {
    posts: posts.length,
    voices: new Set(posts.map((p) => p.voice)).size,
    rules: systemFigures(posts, rules),
    withModel: systemFigures(posts, withModel),
    model,
  };
}
