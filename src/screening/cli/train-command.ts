/**
 * `train` (npm run train:screening): reads the corpus, trains the screening model, chooses its
 * thresholds, measures it on the evaluation voices, prints the figures and writes the weights
 * file. With --include-decisions, a deployment's moderator decisions join the fitting set, and
 * the new model is written only if it is no worse than the current one on the frozen
 * evaluation split (compare-models.ts). Exit codes: 0 written, 1 refused, 2 bad input.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { screenText, ScreeningRules } from '../engine';
import { SCREENING_CATEGORIES } from '../engine/vocabulary';
import { loadModelFile } from '../model/load-model';
import { modelOpinion } from '../model/opinion';
import { ModelFile, ModelFormatError, serializeModelFile, SplitFigures, SystemFigures } from '../model/weights-file';
import { compareModels } from '../training/compare-models';
import { CorpusError, fixtureFiles, readCorpus, VoicedPost } from '../training/corpus';
import type { ExampleSource, LabeledExample } from '../training/example-source';
import { systemFigures } from '../training/figures';
import { DEFAULT_TRAINING, trainModel } from '../training/train-model';

export interface TrainArgs {
  corpusDir: string;
  /** Labeled fixture files join training unless --no-fixtures. */
  fixtures: boolean;
  out: string;
  includeDecisions: boolean;
  hashBits: number;
  falseHoldBudget: number;
}

export interface TrainCommandEnvironment {
  rules: ScreeningRules;
  /** Where test/fixtures/screening-*.jsonl live. */
  fixturesDir: string;
  /** The moderator decisions, when this build can read them; --include-decisions needs it. */
  decisions: ExampleSource | null;
  now: () => Date;
}

export const TRAIN_USAGE = `train [--out file] [--corpus dir] [--no-fixtures] [--hash-bits n] [--false-hold-budget share] [--include-decisions]`;

export function parseTrainArgs(args: readonly string[], defaults: Pick<TrainArgs, 'corpusDir' | 'out'>): TrainArgs | string {
  const parsed: TrainArgs = {
    ...defaults,
    fixtures: true,
    includeDecisions: false,
    hashBits: DEFAULT_TRAINING.hashBits,
    falseHoldBudget: DEFAULT_TRAINING.falseHoldBudget,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | null => (i + 1 < args.length ? args[++i] : null);
    if (arg === '--include-decisions') parsed.includeDecisions = true;
    else if (arg === '--no-fixtures') parsed.fixtures = false;
    else if (arg === '--out' || arg === '--corpus') {
      const v = value();
      if (v === null) return `${arg} needs a value`;
      if (arg === '--out') parsed.out = v;
      else parsed.corpusDir = v;
    } else if (arg === '--hash-bits') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 8 || v > 22) return '--hash-bits must be a whole number from 8 to 22';
      parsed.hashBits = v;
    } else if (arg === '--false-hold-budget') {
      const v = Number(value());
      if (!Number.isFinite(v) || v < 0 || v > 0.2)
        return '--false-hold-budget must be a share from 0 to 0.2 (0.02 is 2% of benign validation posts)';
      parsed.falseHoldBudget = v;
    } else return `unknown argument "${arg}"; usage: ${TRAIN_USAGE}`;
  }
  return parsed;
}

const pct = (v: number | null): string => (v === null ? '   n/a' : `${(v * 100).toFixed(1).padStart(5)}%`);

function systemLine(name: string, f: SystemFigures): string {
  return `  ${name.padEnd(22)} hold recall ${pct(f.holdRecall)}  false holds ${pct(f.falseHoldRate)}  urgent recall ${pct(f.urgentRecall)}`;
}

/** The figures an operator reads before trusting a model. */
export function formatFigures(file: ModelFile): string {
  const lines: string[] = [`model ${file.version}, trained ${file.trainedAt}`];
  const e = file.examples;
  lines.push(`examples: ${e.training} fitting (+${e.extra} extra), ${e.validation} validation, ${e.evaluation} evaluation`);
  const splits: Array<[string, SplitFigures | null]> = [
    ['validation', file.figures.validation],
    ['evaluation', file.figures.evaluation],
  ];
  for (const [name, s] of splits) {
    if (s === null) {
      lines.push(`${name}: no posts`);
      continue;
    }
    lines.push(`${name}: ${s.posts} posts from ${s.voices} voices (${s.rules.benign} benign, ${s.rules.holds} holds)`);
    lines.push(systemLine('rules', s.rules));
    lines.push(systemLine('rules + model', s.withModel));
  }
  lines.push('');
  lines.push('category             threshold  recall: val rules  +model   eval rules  +model   model alone (eval) recall/precision');
  for (const c of SCREENING_CATEGORIES) {
    const v = file.figures.validation;
    const ev = file.figures.evaluation;
    const alone = ev ? `${pct(ev.model[c].recall)} /${pct(ev.model[c].precision)}  (${ev.model[c].positives} held)` : '';
    lines.push(
      `${c.padEnd(20)} ${file.thresholds[c].toFixed(2).padStart(9)}  ${pct(v.rules.categoryRecall[c]).padStart(17)} ${pct(v.withModel.categoryRecall[c])}  ${pct(ev?.rules.categoryRecall[c] ?? null).padStart(10)} ${pct(ev?.withModel.categoryRecall[c] ?? null)}   ${alone}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Rules followed by the model in `path`, on the evaluation posts: what the current model does today. */
function currentFigures(path: string, posts: readonly VoicedPost[], rules: ScreeningRules): SystemFigures {
  const opinion = modelOpinion(loadModelFile(path));
  return systemFigures(
    posts,
    posts.map((p) => screenText(p.text, undefined, rules, opinion)),
  );
}

export async function runTrainCommand(args: TrainArgs, env: TrainCommandEnvironment, output: NodeJS.WritableStream): Promise<number> {
  let corpus;
  try {
    corpus = readCorpus({ corpusDir: args.corpusDir, fixtureFiles: args.fixtures ? fixtureFiles(env.fixturesDir) : [] });
  } catch (e) {
    if (!(e instanceof CorpusError)) throw e;
    output.write(`cannot train: ${e.message}\n`);
    return 2;
  }
  let extra: LabeledExample[] = [];
  if (args.includeDecisions) {
    if (env.decisions === null) {
      output.write('cannot train: --include-decisions needs the moderator decisions, which this build cannot read\n');
      return 2;
    }
    if (corpus.evaluation.length === 0) {
      output.write('cannot train: --include-decisions needs evaluation voices (corpus/split.json) to compare against the current model\n');
      return 2;
    }
    extra = await env.decisions.load();
    output.write(`${extra.length} examples from ${env.decisions.name}\n`);
  }
  const { file } = trainModel(
    { training: corpus.training, evaluation: corpus.evaluation, extra, rules: env.rules },
    { ...DEFAULT_TRAINING, hashBits: args.hashBits, falseHoldBudget: args.falseHoldBudget, trainedAt: env.now().toISOString() },
    (line) => output.write(`${line}\n`),
  );
  output.write(formatFigures(file));
  if (args.includeDecisions && existsSync(args.out) && file.figures.evaluation !== null) {
    let current: SystemFigures;
    try {
      current = currentFigures(args.out, corpus.evaluation, env.rules);
    } catch (e) {
      if (!(e instanceof ModelFormatError)) throw e;
      output.write(`not written: the current model cannot be compared with (${e.message})\n`);
      return 2;
    }
    const verdict = compareModels(current, file.figures.evaluation.withModel);
    if (!verdict.accept) {
      output.write(`not written: the new model is worse than ${args.out} on the evaluation voices:\n`);
      for (const problem of verdict.problems) output.write(`  ${problem}\n`);
      return 1;
    }
  }
  const text = serializeModelFile(file);
  writeFileSync(args.out, text);
  output.write(`wrote ${args.out} (${(text.length / 1e6).toFixed(2)} MB), version ${file.version}\n`);
  return 0;
}
