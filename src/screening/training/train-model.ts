/**
 * Training, start to finish, with no I/O: the training voices split into fitting and validation
 * voices; one L2 logistic regression per category fitted on the fitting voices (plus any extra
 * examples), and one per cue family of the categories trained by family; weights quantized;
 * thresholds chosen on the validation voices with the quantized weights (the ones that ship);
 * then the rules alone and the rules followed by the model measured on validation and on the
 * evaluation voices. The same posts give the same file, byte for byte, apart from trainedAt.
 */
import { analyze } from '../engine/doc';
import { cueHits } from '../model/cue-features';
import { screenText, ScreeningRules } from '../engine';
import type { ScreeningDecision } from '../engine/types';
import { SCREENING_CATEGORIES, ScreeningCategory } from '../engine/vocabulary';
import { CueHit, emptyOccurrences, FeatureToken, features, ModelInput, NORM_FLOOR, occurrenceScale, scaleAt } from '../model/features';
import { DEFAULT_LOGISTIC, FittedCategory, fitOneVsRest, LogisticOptions, SparseExample } from '../model/logistic';
import { CHAR_NGRAMS, familyCategory, ScreeningModel, WORD_NGRAMS } from '../model/model';
import { modelOpinion } from '../model/opinion';
import { scores } from '../model/predict';
import { chooseThresholds, FALSE_HOLD_BUDGET, policyFor } from '../model/thresholds';
import { ModelFile, modelVersion, quantize, SplitFigures, toModelFile } from '../model/weights-file';
import type { LabeledExample } from './example-source';
import { isValidationVoice, VoicedPost } from './corpus';
import { heldCategories, isHeldOutcome, modelFigures, splitFigures } from './figures';

export interface TrainingOptions {
  hashBits: number;
  logistic: LogisticOptions;
  /** Posts with fewer tokens are left to the rules. */
  minTokens: number;
  /** ISO time written as trainedAt (metadata only: it is not part of the version). */
  trainedAt: string;
  isValidationVoice: (voice: string) => boolean;
  /** Most false holds the model may add on validation, as a share of its benign posts. */
  falseHoldBudget: number;
  /** Each rules list match weighs this many words (0: the rules' lists are not features). */
  cueWeight: number;
  /** A rules list becomes a feature when it matches in at least this many fitting posts. */
  minCuePosts: number;
  /** Categories whose cue families (a held post's `cues`) get columns of their own. */
  familyCategories: readonly ScreeningCategory[];
  /** A family gets a column when this many fitting posts show it. */
  minFamilyPosts: number;
}

export const DEFAULT_TRAINING: Omit<TrainingOptions, 'trainedAt'> = {
  // 2^18 buckets x 8 categories of int8: a 2.7 MB file.
  hashBits: 18,
  logistic: DEFAULT_LOGISTIC,
  minTokens: 4,
  isValidationVoice: (voice) => isValidationVoice(voice),
  falseHoldBudget: FALSE_HOLD_BUDGET,
  // Chosen by cross-validation over the training voices (1, 3 and 8 tried; 3 held most).
  cueWeight: 3,
  minCuePosts: 3,
  // One column per C-SSRS family: "how much would be enough" and "gave the dog to my sister"
  // share few words, and one weight vector for both must stay low on benign posts that have
  // either. A family's column learns its own kind of post against the benign and the other
  // categories' posts; SELF_HARM's score averages its own logit with its strongest family's
  // (predict.ts). On the validation voices, at the same false holds, it held more self-harm posts
  // than the category's column alone (95.7% instead of 93.7%, docs/screening-model.md).
  familyCategories: ['SELF_HARM'],
  minFamilyPosts: 100,
};

export interface TrainingInput {
  /** Fitting and validation voices. */
  training: readonly VoicedPost[];
  /** Never fitted or tuned on; measured only. */
  evaluation: readonly VoicedPost[];
  /** More fitting examples (moderators' decisions), never used for validation. */
  extra: readonly LabeledExample[];
  rules: ScreeningRules;
}

export interface TrainingResult {
  model: ScreeningModel;
  file: ModelFile;
}

const CATEGORIES: ScreeningCategory[] = [...SCREENING_CATEGORIES];

/** A post as the model reads it, with the matches of every rules list (the model keeps its own). */
export function inputOf(text: string, rules: ScreeningRules): ModelInput {
  const doc = analyze(text, rules);
  const tokens: FeatureToken[] = doc.tokens.map((t) => ({ key: t.key, sentence: t.sentence, clause: t.clause }));
  return { tokens, cues: cueHits(doc, new Set(doc.byList.keys())) };
}

function onlyLists(input: ModelInput, lists: ReadonlySet<string>): ModelInput {
  return { tokens: input.tokens, cues: input.cues.filter((c) => lists.has(c.list)) };
}

/** The lists matching in at least `minPosts` of the inputs, by name. */
export function cueVocabulary(inputs: readonly ModelInput[], minPosts: number): string[] {
  return namedInAtLeast(
    inputs.map((input) => input.cues.map((c: CueHit) => c.list)),
    minPosts,
  );
}

/** The names that at least `minPosts` of the posts name (each post counted once per name), sorted. */
function namedInAtLeast(namesPerPost: readonly (readonly string[])[], minPosts: number): string[] {
  const posts = new Map<string, number>();
  for (const names of namesPerPost) for (const name of new Set(names)) posts.set(name, (posts.get(name) ?? 0) + 1);
  return [...posts.entries()]
    .filter(([, n]) => n >= minPosts)
    .map(([name]) => name)
    .sort();
}

/** The sparse vector a logistic regression sees: occurrences summed per bucket, in bucket order. */
export function vectorize(input: ModelInput, hashBits: number, cueWeight: number): SparseExample {
  const o = features(input, hashBits, cueWeight, emptyOccurrences(256));
  const scale = occurrenceScale(o);
  const sums = new Map<number, number>();
  for (let i = 0; i < o.length; i++) sums.set(o.bucket[i], (sums.get(o.bucket[i]) ?? 0) + o.value[i] * scaleAt(o, i, scale));
  const index = Int32Array.from([...sums.keys()].sort((a, b) => a - b));
  return { index, value: Float64Array.from(index, (b) => sums.get(b) as number) };
}

function labelColumns(labels: readonly ScreeningCategory[][]): Uint8Array[] {
  return CATEGORIES.map((c) => Uint8Array.from(labels, (l) => (l.includes(c) ? 1 : 0)));
}

/** A post shows a family when it is held for the family's category and its labeler noted the family. */
function showsFamily(p: VoicedPost, family: string): boolean {
  return isHeldOutcome(p.outcome) && p.categories.includes(familyCategory(family) as ScreeningCategory) && (p.cues ?? []).includes(family);
}

/** The families of `categories` shown by at least `minPosts` of the posts, sorted. */
export function familyVocabulary(posts: readonly VoicedPost[], categories: readonly ScreeningCategory[], minPosts: number): string[] {
  const inCategories = (family: string): boolean => categories.includes(familyCategory(family) as ScreeningCategory);
  return namedInAtLeast(
    posts.map((p) => (p.cues ?? []).filter((family) => inCategories(family) && showsFamily(p, family))),
    minPosts,
  );
}

/**
 * One column per family: its posts against every post not held for the family's category (a
 * post held for it under another family, or under none, as moderators' decisions are, sits out).
 */
function fitFamilies(
  families: readonly string[],
  fitting: readonly VoicedPost[],
  labels: readonly ScreeningCategory[][],
  vectors: readonly SparseExample[],
  buckets: number,
  logistic: LogisticOptions,
): FittedCategory[] {
  return families.map((family) => {
    const category = familyCategory(family) as ScreeningCategory;
    const shows = (i: number): boolean => i < fitting.length && showsFamily(fitting[i], family);
    const rows = vectors.flatMap((_, i) => (shows(i) || !labels[i].includes(category) ? [i] : []));
    const [fitted] = fitOneVsRest(
      rows.map((i) => vectors[i]),
      [Uint8Array.from(rows, (i) => (shows(i) ? 1 : 0))],
      buckets,
      logistic,
    );
    return fitted;
  });
}

/** Scores as screening sees them: a post too short for the model scores 0 everywhere. */
function scoreInput(model: ScreeningModel, input: ModelInput): Float64Array {
  return input.tokens.length < model.minTokens
    ? new Float64Array(model.categories.length)
    : scores(model, onlyLists(input, model.cueLists));
}

function measure(
  posts: readonly VoicedPost[],
  model: ScreeningModel,
  rules: ScreeningRules,
): { figures: SplitFigures; rulesDecisions: ScreeningDecision[]; scored: Float64Array[] } {
  const opinion = modelOpinion(model);
  const rulesDecisions = posts.map((p) => screenText(p.text, undefined, rules));
  const withModel = posts.map((p) => screenText(p.text, undefined, rules, opinion));
  const scored = posts.map((p) => scoreInput(model, inputOf(p.text, rules)));
  return {
    figures: splitFigures(posts, rulesDecisions, withModel, modelFigures(posts, scored, model.categories, model.thresholds)),
    rulesDecisions,
    scored,
  };
}

export function trainModel(input: TrainingInput, options: TrainingOptions, log: (line: string) => void = () => undefined): TrainingResult {
  const fitting = input.training.filter((p) => !options.isValidationVoice(p.voice));
  const validation = input.training.filter((p) => options.isValidationVoice(p.voice));
  if (validation.length === 0) throw new Error('no validation voices among the training voices: thresholds cannot be chosen');
  log(
    `fitting on ${fitting.length} posts + ${input.extra.length} extra examples; validating on ${validation.length}; evaluating on ${input.evaluation.length}`,
  );

  const fitTexts = [...fitting.map((p) => p.text), ...input.extra.map((e) => e.text)];
  const fitLabels = [
    ...fitting.map(heldCategories),
    ...input.extra.map((e) => CATEGORIES.filter((c) => (e.categories as readonly string[]).includes(c))),
  ];
  const fitInputs = fitTexts.map((t) => inputOf(t, input.rules));
  const cueLists = options.cueWeight > 0 ? cueVocabulary(fitInputs, options.minCuePosts) : [];
  const known = new Set(cueLists);
  const vectors = fitInputs.map((i) => vectorize(onlyLists(i, known), options.hashBits, options.cueWeight));
  const fitted = fitOneVsRest(vectors, labelColumns(fitLabels), 1 << options.hashBits, options.logistic);
  log(`fitted ${CATEGORIES.length} categories (L-BFGS iterations: ${fitted.map((f) => f.iterations).join(', ')})`);
  const families = familyVocabulary(fitting, options.familyCategories, options.minFamilyPosts);
  const fittedFamilies = fitFamilies(families, fitting, fitLabels, vectors, 1 << options.hashBits, options.logistic);
  if (families.length > 0)
    log(`fitted ${families.length} cue families (L-BFGS iterations: ${fittedFamilies.map((f) => f.iterations).join(', ')})`);
  const columns = [...fitted, ...fittedFamilies];

  const { scales, weights } = quantize(columns.map((f) => f.weights));
  const draft: Omit<ScreeningModel, 'version'> = {
    features: {
      hashBits: options.hashBits,
      wordNgrams: WORD_NGRAMS,
      charNgrams: CHAR_NGRAMS,
      normFloor: NORM_FLOOR,
      cues: { weight: options.cueWeight, lists: cueLists },
    },
    categories: CATEGORIES,
    families,
    bias: Float64Array.from(columns, (f) => f.bias),
    scales,
    weights,
    thresholds: new Float64Array(CATEGORIES.length).fill(1),
    minTokens: options.minTokens,
    cueLists: known,
  };

  // Thresholds, on validation, with the quantized weights: the scores the shipped file gives.
  const validationRules = validation.map((p) => screenText(p.text, undefined, input.rules));
  const validationScores = validation.map((p) => scoreInput({ ...draft, version: '' }, inputOf(p.text, input.rules)));
  const search = chooseThresholds(
    validation.map((p, i) => ({
      scores: validationScores[i],
      positive: CATEGORIES.map((c) => heldCategories(p).includes(c)),
      benign: !isHeldOutcome(p.outcome),
      rulesPublish: !isHeldOutcome(validationRules[i].outcome),
    })),
    CATEGORIES.map(policyFor),
    options.falseHoldBudget,
  );
  const choices = search.choices;
  draft.thresholds = Float64Array.from(choices, (c) => c.threshold);
  const model: ScreeningModel = { ...draft, version: modelVersion(draft) };
  log(`thresholds on validation: the model adds ${search.addedFalseHolds} false holds (budget ${search.budget})`);
  CATEGORIES.forEach((c, k) =>
    log(
      `  ${c.padEnd(20)} threshold ${choices[k].threshold.toFixed(2)}  adds ${choices[k].addedCatches} catches, holds ${choices[k].falseHolds} benign posts`,
    ),
  );

  const validationFigures = measure(validation, model, input.rules).figures;
  const evaluationFigures = input.evaluation.length > 0 ? measure(input.evaluation, model, input.rules).figures : null;
  const trainingHolds = Object.fromEntries(CATEGORIES.map((c) => [c, fitLabels.filter((l) => l.includes(c)).length])) as Record<
    ScreeningCategory,
    number
  >;
  const file = toModelFile(model, {
    trainedAt: options.trainedAt,
    examples: {
      training: fitting.length,
      validation: validation.length,
      evaluation: input.evaluation.length,
      extra: input.extra.length,
      trainingHolds,
    },
    figures: { validation: validationFigures, evaluation: evaluationFigures },
    training: {
      method: 'one-vs-rest L2 logistic regression, L-BFGS',
      l2: options.logistic.l2,
      maxIterations: options.logistic.maxIterations,
      maxPositiveWeight: options.logistic.maxPositiveWeight,
      falseHoldBudget: options.falseHoldBudget,
      cueWeight: options.cueWeight,
      minFamilyPosts: options.minFamilyPosts,
      fittingVoices: new Set(fitting.map((p) => p.voice)).size,
      validationVoices: new Set(validation.map((p) => p.voice)).size,
    },
  });
  return { model, file };
}
