/**
 * The weights file (models/screening-model.json): its shape, and the pure conversions between
 * it and a ScreeningModel. Weights are int8 with one scale per column (the categories, then the
 * cue families), bucket-major, deflated, base64: 2^18 buckets x 18 columns is 4.5 MiB of bytes,
 * four in five of them zero, about 1.3 MiB as text. `version` is a short hash of
 * everything that decides a post (features, weights, thresholds), so it changes exactly when
 * screening can; `trainedAt` is metadata only and takes no part in it.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { SCREENING_CATEGORIES, ScreeningCategory } from '../engine/vocabulary';
import { MAX_CUE_WEIGHT, NORM_FLOOR } from './features';
import { CHAR_NGRAMS, columnCount, familyCategory, MODEL_FORMAT, ModelFeatures, ScreeningModel, WORD_NGRAMS } from './model';

/** One system (rules alone, or rules then model) measured on one split. */
export interface SystemFigures {
  posts: number;
  benign: number;
  holds: number;
  /** Labeled holds the system held. */
  holdRecall: number | null;
  /** Benign posts the system held or rejected. */
  falseHoldRate: number | null;
  /** Posts held for SELF_HARM or OVERDOSE_EMERGENCY that the system held as URGENT. */
  urgentRecall: number | null;
  /** Per category: labeled holds of the category the system held naming it. */
  categoryRecall: Record<ScreeningCategory, number | null>;
}

/** The model alone at its thresholds, per category, on one split. */
export interface ModelCategoryFigures {
  positives: number;
  recall: number | null;
  precision: number | null;
}

export interface SplitFigures {
  posts: number;
  voices: number;
  rules: SystemFigures;
  withModel: SystemFigures;
  model: Record<ScreeningCategory, ModelCategoryFigures>;
}

export interface ModelFigures {
  /** Tuning figures: thresholds were chosen here, so these flatter the model. */
  validation: SplitFigures;
  /** Voices kept out of all training and tuning (corpus/split.json): the honest figures. */
  evaluation: SplitFigures | null;
}

export interface ExampleCounts {
  training: number;
  validation: number;
  evaluation: number;
  /** Examples from an extra source (moderators' decisions), counted in training. */
  extra: number;
  /** Training examples held for each category. */
  trainingHolds: Record<ScreeningCategory, number>;
}

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: string;
  trainedAt: string;
  examples: ExampleCounts;
  thresholds: Record<ScreeningCategory, number>;
  figures: ModelFigures;
  features: ModelFeatures;
  /** How it was trained (regularization, iterations): for the record. */
  training: Record<string, number | string>;
  categories: ScreeningCategory[];
  /** Cue family columns after the categories' own, `CATEGORY/family`. */
  families: string[];
  minTokens: number;
  /** Per column. */
  bias: number[];
  scales: number[];
  /** base64 of the raw-deflated int8[buckets * columns], bucket-major. */
  weights: string;
}

export class ModelFormatError extends Error {}

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

export interface Quantized {
  scales: Float64Array;
  weights: Int8Array;
}

/** float weights per column (dense over buckets) -> int8, bucket-major, one scale per column. */
export function quantize(perCategory: readonly Float64Array[]): Quantized {
  const k = perCategory.length;
  const buckets = perCategory[0]?.length ?? 0;
  const scales = new Float64Array(k);
  const weights = new Int8Array(buckets * k);
  perCategory.forEach((w, c) => {
    let max = 0;
    for (let b = 0; b < buckets; b++) max = Math.max(max, Math.abs(w[b]));
    // Rounded so that the file's decimal scale is exactly the one used here.
    const scale = max === 0 ? 1 : round(max / 127, 9);
    scales[c] = scale;
    for (let b = 0; b < buckets; b++) weights[b * k + c] = Math.max(-127, Math.min(127, Math.round(w[b] / scale)));
  });
  return { scales, weights };
}

export function modelVersion(m: Omit<ScreeningModel, 'version' | 'cueLists'>): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      features: m.features,
      categories: m.categories,
      families: m.families,
      bias: [...m.bias],
      scales: [...m.scales],
      thresholds: [...m.thresholds],
      minTokens: m.minTokens,
    }),
  );
  hash.update(new Uint8Array(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength));
  return hash.digest('hex').slice(0, 8);
}

export type ModelMetadata = Pick<ModelFile, 'trainedAt' | 'examples' | 'figures' | 'training'>;

/** The file's JSON value, its small fields first so that `head` shows them. */
export function toModelFile(model: ScreeningModel, meta: ModelMetadata): ModelFile {
  const thresholds = Object.fromEntries(model.categories.map((c, i) => [c, model.thresholds[i]])) as Record<ScreeningCategory, number>;
  return {
    format: MODEL_FORMAT,
    version: model.version,
    trainedAt: meta.trainedAt,
    examples: meta.examples,
    thresholds,
    figures: meta.figures,
    features: model.features,
    training: meta.training,
    categories: model.categories,
    families: model.families,
    minTokens: model.minTokens,
    bias: [...model.bias],
    scales: [...model.scales],
    weights: deflateRawSync(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength), {
      level: 9,
    }).toString('base64'),
  };
}

/** Stable text: one field per line, the weights on the last one. */
export function serializeModelFile(file: ModelFile): string {
  const lines = Object.entries(file).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function fail(source: string, what: string): never {
  throw new ModelFormatError(`${source}: ${what}`);
}

const isNumberList = (v: unknown, length: number): v is number[] =>
  Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Checks a parsed weights file and builds the model; every problem is named with the source. */
export function fromModelFile(value: unknown, source: string): ScreeningModel {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(source, 'not a JSON object');
  const v = value as Partial<Record<keyof ModelFile, unknown>>;
  if (v.format !== MODEL_FORMAT) {
    fail(
      source,
      `format is ${JSON.stringify(v.format ?? null)}, expected "${MODEL_FORMAT}" (a screening model written by npm run train:screening)`,
    );
  }
  if (typeof v.version !== 'string' || v.version === '') fail(source, 'missing "version"');
  const features = v.features as Partial<ModelFeatures> | undefined;
  const bits = features?.hashBits;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 4 || bits > 24)
    fail(source, '"features.hashBits" must be a whole number from 4 to 24');
  if (
    JSON.stringify(features?.wordNgrams) !== JSON.stringify(WORD_NGRAMS) ||
    JSON.stringify(features?.charNgrams) !== JSON.stringify(CHAR_NGRAMS)
  ) {
    fail(source, `"features" must use word n-grams ${WORD_NGRAMS.join('-')} and char n-grams ${CHAR_NGRAMS.join('-')}`);
  }
  const cues = features?.cues as Partial<ModelFeatures['cues']> | undefined;
  const cueWeight = cues?.weight;
  if (typeof cueWeight !== 'number' || !Number.isInteger(cueWeight) || cueWeight < 0 || cueWeight > MAX_CUE_WEIGHT)
    fail(source, `"features.cues.weight" must be a whole number from 0 to ${MAX_CUE_WEIGHT}`);
  const cueLists = cues?.lists;
  if (!Array.isArray(cueLists) || !cueLists.every((l) => typeof l === 'string') || new Set(cueLists).size !== cueLists.length)
    fail(source, '"features.cues.lists" must list distinct rules list names');
  const categories = v.categories;
  if (
    !Array.isArray(categories) ||
    categories.length === 0 ||
    !categories.every((c) => (SCREENING_CATEGORIES as readonly unknown[]).includes(c))
  ) {
    fail(source, `"categories" must list screening categories (${SCREENING_CATEGORIES.join(', ')})`);
  }
  const families = v.families;
  if (
    !Array.isArray(families) ||
    new Set(families).size !== families.length ||
    !families.every((f) => typeof f === 'string' && /^[A-Z_]+\/[a-z0-9_]+$/.test(f) && categories.includes(familyCategory(f)))
  )
    fail(source, '"families" must list distinct cue families named CATEGORY/family, of the listed categories');
  const k = categories.length;
  const columns = columnCount({ categories, families });
  if (!isNumberList(v.bias, columns) || !isNumberList(v.scales, columns))
    fail(source, `"bias" and "scales" need ${columns} numbers each (${k} categories + ${families.length} families)`);
  const thresholds = v.thresholds as Record<string, unknown> | undefined;
  const t = categories.map((c: ScreeningCategory) => thresholds?.[c]);
  if (!isNumberList(t, k) || t.some((x) => x <= 0 || x > 1)) fail(source, '"thresholds" needs a number in (0, 1] for every category');
  if (typeof v.minTokens !== 'number' || !Number.isInteger(v.minTokens) || v.minTokens < 0)
    fail(source, '"minTokens" must be a whole number');
  if (typeof v.weights !== 'string') fail(source, '"weights" must be a base64 string');
  let bytes: Buffer;
  try {
    bytes = inflateRawSync(Buffer.from(v.weights, 'base64'));
  } catch {
    fail(source, '"weights" must be deflated int8 weights in base64');
  }
  const expected = (1 << bits) * columns;
  if (bytes.length !== expected)
    fail(source, `"weights" holds ${bytes.length} bytes, expected ${expected} (2^${bits} buckets x ${columns} columns)`);
  const weights = new Int8Array(expected);
  weights.set(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  const model: ScreeningModel = {
    version: v.version,
    features: {
      hashBits: bits,
      wordNgrams: WORD_NGRAMS,
      charNgrams: CHAR_NGRAMS,
      normFloor: NORM_FLOOR,
      cues: { weight: cueWeight, lists: cueLists as string[] },
    },
    categories: categories as ScreeningCategory[],
    families: families as string[],
    bias: Float64Array.from(v.bias),
    scales: Float64Array.from(v.scales),
    weights,
    thresholds: Float64Array.from(t),
    minTokens: v.minTokens,
    cueLists: new Set(cueLists as string[]),
  };
  // A hand-edited threshold or a damaged file would otherwise screen under a version it is not.
  if (modelVersion(model) !== model.version)
    fail(source, `content does not match its version ${model.version} (edited or damaged: train again)`);
  return model;
}

export { round as roundTo };
