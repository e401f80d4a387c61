/**
 * Scores and explanations. A post's score for a category is the logistic of its bias plus the
 * sum of its feature occurrences' weights; the same sum, split over the tokens each occurrence
 * came from, says which words pushed the score up, with their spans in the original text.
 */
import { emptyOccurrences, FeatureToken, features, ModelInput, occurrenceScale, Occurrences, scaleAt } from './features';
import type { ScreeningModel } from './model';

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

/** Logits for every category, in model.categories order, from occurrences already computed. */
export function logits(model: ScreeningModel, o: Occurrences): Float64Array {
  const k = model.categories.length;
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

/** Probabilities for every category, in model.categories order. */
export function scores(model: ScreeningModel, input: ModelInput, into?: Occurrences): Float64Array {
  const z = logits(model, modelFeatures(model, input, into));
  for (let c = 0; c < z.length; c++) z[c] = sigmoid(z[c]);
  return z;
}

/** Each token's share of category c's logit (word n-grams split evenly over their words). */
export function tokenContributions(model: ScreeningModel, o: Occurrences, tokenCount: number, c: number): Float64Array {
  const k = model.categories.length;
  const out = new Float64Array(tokenCount);
  const wordScale = occurrenceScale(o);
  for (let i = 0; i < o.length; i++) {
    const v = (o.value[i] * model.weights[o.bucket[i] * k + c] * model.scales[c] * scaleAt(o, i, wordScale)) / o.span[i];
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
