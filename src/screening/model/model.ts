/**
 * A trained screening model in memory: one logistic regression per category over hashed
 * features, weights quantized to int8 (one scale per category), and the per-category
 * thresholds chosen on the validation split. Plain data; see weights-file.ts for its file.
 */
import type { ScreeningCategory } from '../engine/vocabulary';

/** 2: the rules' list matches are features too (features.cues). */
export const MODEL_FORMAT = 'kindred-screening-model/2';

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
  /** The order of bias, scales, thresholds and the weights' inner dimension. */
  categories: ScreeningCategory[];
  bias: Float64Array;
  /** Per category: a weight is weights[bucket * categories + c] * scales[c]. */
  scales: Float64Array;
  /** Bucket-major, so one feature's weights for every category sit together. */
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
