/**
 * Scores and explanations. A column's logit (a category's, or one of its cue families') is its
 * bias plus the sum of the post's feature occurrences' weights. A category's score is the
 * logistic of its own logit or, when it has families, of the mean of its own and its strongest
 * family's: the family says what kind of post it is, the category's own column keeps the scale
 * of one regression (the maximum of eleven would hold far more benign posts at any threshold).
 * The same sums, split over the tokens each occurrence came from, say which words pushed the
 * score up, with their spans in the original text.
 */
import { emptyOccurrences, FeatureToken, features, ModelInput, occurrenceScale, Occurrences, scaleAt } from './features';
import { categoryColumns, columnCount, ScreeningModel } from './model';

export interface ModelToken extends FeatureToken {
  /** Original UTF-16 span. */
  start: number;
  end: number;
}

export interface ExplainedWords {
  /** The original words, as written. */
  text: string;
  start: number;
  end: number;
  /** Their share of the score, in logits. */
  weight: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Logits for every column (categories, then families), from occurrences already computed. */
export function logits(model: ScreeningModel, o: Occurrences): Float64Array {
  const k = columnCount(model);
  const acc = new Float64Array(k);
  const w = model.weights;
  const wordScale = occurrenceScale(o);
  for (let i = 0; i < o.length; i++) {
    const base = o.bucket[i] * k;
    const s = o.value[i] * scaleAt(o, i, wordScale);
    for (let c = 0; c < k; c++) acc[c] += s * w[base + c];
  }
  for (let c = 0; c < k; c++) acc[c] = model.bias[c] + acc[c] * model.scales[c];
  return acc;
}

/** The model's occurrences of a post. */
export function modelFeatures(model: ScreeningModel, input: ModelInput, into: Occurrences = emptyOccurrences()): Occurrences {
  return features(input, model.features.hashBits, model.features.cues.weight, into);
}

const columnsByModel = new WeakMap<ScreeningModel, number[][]>();

export interface CategoryScores {
  /** Per category, in model.categories order. */
  score: Float64Array;
  /** Per category: the column of its strongest family, or -1 (no families). */
  family: Int32Array;
}

/** Per category, its probability (with its strongest family's, where it has some), from occurrences already computed. */
export function categoryScores(model: ScreeningModel, o: Occurrences): CategoryScores {
  let columns = columnsByModel.get(model);
  if (columns === undefined) {
    columns = categoryColumns(model);
    columnsByModel.set(model, columns);
  }
  const z = logits(model, o);
  const score = new Float64Array(columns.length);
  const family = new Int32Array(columns.length).fill(-1);
  columns.forEach(([own, ...families], c) => {
    if (families.length === 0) {
      score[c] = sigmoid(z[own]);
      return;
    }
    let best = families[0];
    for (const j of families) if (z[j] > z[best]) best = j;
    score[c] = sigmoid((z[own] + z[best]) / 2);
    family[c] = best;
  });
  return { score, family };
}

/** Probabilities for every category, in model.categories order. */
export function scores(model: ScreeningModel, input: ModelInput, into?: Occurrences): Float64Array {
  return categoryScores(model, modelFeatures(model, input, into)).score;
}

/** Each token's share of column j's logit (word n-grams split evenly over their words). */
export function tokenContributions(model: ScreeningModel, o: Occurrences, tokenCount: number, j: number): Float64Array {
  const k = columnCount(model);
  const out = new Float64Array(tokenCount);
  const wordScale = occurrenceScale(o);
  for (let i = 0; i < o.length; i++) {
    const v = (o.value[i] * model.weights[o.bucket[i] * k + j] * model.scales[j] * scaleAt(o, i, wordScale)) / o.span[i];
    for (let t = o.from[i]; t < o.from[i] + o.span[i]; t++) out[t] += v;
  }
  return out;
}

const MAX_WORDS = 3;
const MAX_TOKENS = 8;
/** A token counts toward the explanation when it pushed at least this share of the strongest one. */
const MIN_SHARE = 0.25;

/**
 * The words that pushed a score up: the strongest tokens, neighbours in one sentence joined
 * into one phrase ("won't need"), strongest phrase first, at most three.
 */
export function topWords(text: string, tokens: readonly ModelToken[], contributions: Float64Array): ExplainedWords[] {
  const order = [...contributions.keys()].filter((t) => contributions[t] > 0).sort((a, b) => contributions[b] - contributions[a] || a - b);
  if (order.length === 0) return [];
  const floor = contributions[order[0]] * MIN_SHARE;
  const picked = order
    .slice(0, MAX_TOKENS)
    .filter((t) => contributions[t] >= floor)
    .sort((a, b) => a - b);
  const phrases: { from: number; to: number; weight: number }[] = [];
  for (const t of picked) {
    const last = phrases[phrases.length - 1];
    if (last && last.to === t - 1 && tokens[last.to].sentence === tokens[t].sentence) {
      last.to = t;
      last.weight += contributions[t];
    } else phrases.push({ from: t, to: t, weight: contributions[t] });
  }
  return phrases
    .sort((a, b) => b.weight - a.weight || a.from - b.from)
    .slice(0, MAX_WORDS)
    .map((p) => {
      // Expanded tokens (kms -> kill myself) share one span: take the widest reach.
      let start = tokens[p.from].start;
      let end = tokens[p.from].end;
      for (let t = p.from; t <= p.to; t++) {
        start = Math.min(start, tokens[t].start);
        end = Math.max(end, tokens[t].end);
      }
      return { text: text.slice(start, end).replace(/\s+/g, ' '), start, end, weight: p.weight };
    });
}
