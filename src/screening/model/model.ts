/**
 * A trained screening model in memory: logistic regressions over hashed features, one per
 * category and one per cue family of the categories trained by family (SELF_HARM: wish to be
 * dead, method, plan, ...), weights quantized to int8 (one scale per column), and the
 * per-category thresholds chosen on the validation split. A category with families scores the
 * mean of its own logit and its strongest family's (predict.ts). Plain data; see weights-file.ts.
 */
import type { ScreeningCategory } from '../engine/vocabulary';

/** 2: the rules' list matches are features too (features.cues). 3: cue family columns (families). */
export const MODEL_FORMAT = 'kindred-screening-model/3';

export interface ModelFeatures {
  /** Buckets = 2^hashBits. */
  hashBits: number;
  wordNgrams: [number, number];
  charNgrams: [number, number];
  /** Posts with fewer feature occurrences are scaled as if they had this many (features.ts). */
  normFloor: number;
  /** The rules lists whose matches are features (cue-features.ts), each weighing `weight` words. */
  cues: { weight: number; lists: string[] };
}

export interface ScreeningModel {
  /** Short content hash of everything that decides (features, weights, thresholds). */
  version: string;
  features: ModelFeatures;
  /** The order of thresholds, and of the first columns. */
  categories: ScreeningCategory[];
  /**
   * The columns after the categories' own: cue families named `CATEGORY/family`
   * ("SELF_HARM/method"), each fitted on its posts against the posts not held for its category.
   */
  families: string[];
  /** Per column (categories, then families). */
  bias: Float64Array;
  /** Per column: a weight is weights[bucket * columns + j] * scales[j]. */
  scales: Float64Array;
  /** Bucket-major, so one feature's weights for every column sit together. */
  weights: Int8Array;
  /** Per category, the probability at or above which the model holds a post. */
  thresholds: Float64Array;
  /** Posts with fewer tokens are left to the rules (too little text for a second opinion). */
  minTokens: number;
  /** features.cues.lists as a set, for cueHits. */
  cueLists: ReadonlySet<string>;
}

/** The n-grams every model of this format uses (hashBits and cues may vary). */
export const WORD_NGRAMS: [number, number] = [1, 3];
export const CHAR_NGRAMS: [number, number] = [3, 5];

/** Categories, then families: the columns of bias, scales and weights. */
export function columnCount(model: Pick<ScreeningModel, 'categories' | 'families'>): number {
  return model.categories.length + model.families.length;
}

/** The category a family column belongs to: the part of its name before the slash. */
export function familyCategory(family: string): string {
  return family.slice(0, family.indexOf('/'));
}

/** A family column's own name, after the slash ("method"). */
export function familyName(family: string): string {
  return family.slice(family.indexOf('/') + 1);
}

/** Per category, its columns: its own first, then its families'. */
export function categoryColumns(model: Pick<ScreeningModel, 'categories' | 'families'>): number[][] {
  const k = model.categories.length;
  return model.categories.map((c, i) => [i, ...model.families.flatMap((f, j) => (familyCategory(f) === c ? [k + j] : []))]);
}
