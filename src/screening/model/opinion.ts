/**
 * The model as the engine's second opinion: for a post the rules would publish, one HOLD
 * reason per category whose score reaches its threshold, naming the model's version, the score,
 * the threshold and the words that pushed it (with their offsets), its span on the strongest of
 * them. Pure; the engine asks only when the rules would publish (engine/second-opinion.ts).
 */
import type { Doc } from '../engine/doc';
import type { SecondOpinion } from '../engine/second-opinion';
import type { Reason } from '../engine/types';
import { modelInput } from './cue-features';
import { emptyOccurrences } from './features';
import { familyName, ScreeningModel } from './model';
import { categoryScores, ExplainedWords, modelFeatures, tokenContributions, topWords } from './predict';

export interface ModelFinding {
  category: Reason['category'];
  /** The strongest cue family, whose column's logit is averaged with the category's ("method"); null without families. */
  family: string | null;
  score: number;
  threshold: number;
  words: ExplainedWords[];
}

const fixed = (v: number): string => v.toFixed(2);
/** Rounded down, so 0.998 reads 0.99 (never a certainty it is not) and a score never reads below its threshold. */
const score2 = (v: number): string => (Math.floor(v * 100) / 100).toFixed(2);

export function findingDetail(version: string, f: ModelFinding): string {
  const words = f.words.map((w) => `"${w.text.length > 40 ? `${w.text.slice(0, 37)}...` : w.text}" ${w.start}-${w.end}`).join(', ');
  const family = f.family === null ? '' : ` (${f.family})`;
  return `model ${version}: ${f.category}${family} ${score2(f.score)} ≥ ${fixed(f.threshold)} (words: ${words})`;
}

/** Every category at or above its threshold, with its explanation. */
export function modelFindings(
  model: ScreeningModel,
  doc: Pick<Doc, 'text' | 'tokens' | 'byList'>,
  occurrences = emptyOccurrences(),
): ModelFinding[] {
  const tokens = doc.tokens;
  if (tokens.length < model.minTokens) return [];
  const o = modelFeatures(model, modelInput(doc, model.cueLists), occurrences);
  const { score, family } = categoryScores(model, o);
  const k = model.categories.length;
  const out: ModelFinding[] = [];
  for (let c = 0; c < k; c++) {
    if (score[c] < model.thresholds[c]) continue;
    const j = family[c];
    const contributions = tokenContributions(model, o, tokens.length, c);
    if (j >= 0) {
      // The score is the mean of two logits, so each token's share is the mean of its two shares.
      const byFamily = tokenContributions(model, o, tokens.length, j);
      for (let t = 0; t < contributions.length; t++) contributions[t] = (contributions[t] + byFamily[t]) / 2;
    }
    out.push({
      category: model.categories[c],
      family: j < 0 ? null : familyName(model.families[j - k]),
      score: score[c],
      threshold: model.thresholds[c],
      words: topWords(doc.text, tokens, contributions),
    });
  }
  return out;
}

/** A SecondOpinion for screenText. Keeps one feature buffer: a thread screens one post at a time. */
export function modelOpinion(model: ScreeningModel): SecondOpinion {
  const buffer = emptyOccurrences();
  return {
    review(doc: Doc): Reason[] {
      return modelFindings(model, doc, buffer).map((f) => {
        const strongest = f.words[0] ?? { start: 0, end: doc.text.length };
        return {
          category: f.category,
          severity: 'HOLD',
          start: strongest.start,
          end: strongest.end,
          detail: findingDetail(model.version, f),
        };
      });
    },
  };
}
