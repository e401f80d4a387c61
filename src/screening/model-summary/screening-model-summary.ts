import { readFile, stat } from 'node:fs/promises';
import { SCREENING_CATEGORIES, type ScreeningCategory } from '../engine/vocabulary';
import { MODEL_FORMAT } from '../model/model';

export interface CategoryRecall {
  category: ScreeningCategory;
  /** null when the evaluation split labels no post with the category. */
  recall: number | null;
}

/** How the model did on the frozen evaluation split. A figure the file lacks is null. */
export interface ScreeningModelFigures {
  holdRecall: number | null;
  falseHoldRate: number | null;
  urgentRecall: number | null;
  /** Every policy category, in policy order. */
  categoryRecall: CategoryRecall[];
}

/** What admins see of the model: its identity and figures, never its weights. */
export interface ScreeningModelSummary {
  version: string;
  trainedAt: Date;
  /** Examples it was trained on, decision examples included. */
  examples: number;
  /** Of those, moderators' decisions (`--include-decisions`). */
  decisionExamples: number;
  figures: ScreeningModelFigures;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const ratio = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const count = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);

function categoryRecall(figures: Json): CategoryRecall[] {
  const byCategory = isObject(figures.categoryRecall) ? figures.categoryRecall : {};
  return SCREENING_CATEGORIES.map((category) => ({ category, recall: ratio(byCategory[category]) }));
}

/**
 * Pure: the summary of a parsed weights file (weights-file.ts's ModelFile); throws, saying why,
 * when it is not one. The figures are those of the rules and the model together on the
 * evaluation voices (`figures.evaluation.withModel`); a figure the file lacks is null.
 */
export function parseModelSummary(json: unknown): ScreeningModelSummary {
  if (!isObject(json) || json.format !== MODEL_FORMAT) throw new Error(`not a ${MODEL_FORMAT} file`);
  const version = typeof json.version === 'string' ? json.version : null;
  if (version === null) throw new Error('the file has no version');
  const trainedAt = typeof json.trainedAt === 'string' ? new Date(json.trainedAt) : null;
  if (trainedAt === null || Number.isNaN(trainedAt.getTime())) throw new Error('the file has no trainedAt date');
  const examples = isObject(json.examples) ? json.examples : {};
  const evaluation = isObject(json.figures) && isObject(json.figures.evaluation) ? json.figures.evaluation : {};
  const figures = isObject(evaluation.withModel) ? evaluation.withModel : {};
  return {
    version,
    trainedAt,
    examples: count(examples.training),
    decisionExamples: count(examples.extra),
    figures: {
      holdRecall: ratio(figures.holdRecall),
      falseHoldRate: ratio(figures.falseHoldRate),
      urgentRecall: ratio(figures.urgentRecall),
      categoryRecall: categoryRecall(figures),
    },
  };
}

/**
 * Reads the weights file's summary: null when there is no file (no model trained yet). The
 * file can be large, so the parsed summary is kept until the file's modification time changes.
 */
export class ScreeningModelFile {
  private cached: { mtimeMs: number; summary: ScreeningModelSummary } | null = null;

  constructor(readonly path: string) {}

  async summary(): Promise<ScreeningModelSummary | null> {
    try {
      const { mtimeMs } = await stat(this.path);
      if (this.cached?.mtimeMs === mtimeMs) return this.cached.summary;
      const summary = parseModelSummary(JSON.parse(await readFile(this.path, 'utf8')));
      this.cached = { mtimeMs, summary };
      return summary;
    } catch (error) {
      // Absent, or removed between the two reads: no model.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
