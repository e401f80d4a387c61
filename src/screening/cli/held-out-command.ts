/**
 * `eval --corpus [evaluation|training]`: the held-out report (training/held-out.ts) on one side
 * of corpus/split.json, the rules alone beside the rules followed by the model. On the training
 * voices `--misses CATEGORY` also lists the held posts missed there, for whoever edits the
 * rules; the evaluation voices print figures only, so nobody tunes to them.
 */
import type { Screener } from '../screener';
import { CorpusError, readCorpus } from '../training/corpus';
import { formatHeldOutReport, heldOutReport } from '../training/held-out';
import { isHeldOutcome } from '../training/figures';

export interface HeldOutArgs {
  split: 'evaluation' | 'training';
  misses: string | null;
}

export function parseHeldOutArgs(args: readonly string[]): HeldOutArgs | string {
  const split = args[0];
  if (split !== 'evaluation' && split !== 'training') return '--corpus needs "evaluation" or "training"';
  if (args[1] === undefined) return { split, misses: null };
  if (args[1] !== '--misses' || args[2] === undefined) return `unknown argument ${args[1]}`;
  if (split === 'evaluation') return 'the evaluation voices print figures only: --misses reads the training voices';
  return { split, misses: args[2] };
}

export function runHeldOutCommand(
  args: HeldOutArgs,
  corpusDir: string,
  screeners: { rules: Screener; withModel: Screener },
  output: NodeJS.WritableStream,
): number {
  let posts;
  try {
    posts = readCorpus({ corpusDir, fixtureFiles: [] })[args.split];
  } catch (e) {
    if (!(e instanceof CorpusError)) throw e;
    output.write(`${e.message}\n`);
    return 2;
  }
  const rules = posts.map((p) => screeners.rules(p.text));
  const withModel = posts.map((p) => screeners.withModel(p.text));
  output.write(formatHeldOutReport(heldOutReport(posts, rules, withModel), `${args.split} voices`));
  if (args.misses !== null) {
    posts.forEach((p, i) => {
      const missed =
        isHeldOutcome(p.outcome) && (p.categories as string[]).includes(args.misses as string) && !isHeldOutcome(withModel[i].outcome);
      if (missed) output.write(`\n[${p.id}] ${(p.cues ?? []).join(', ')}\n  ${p.text.replace(/\s+/g, ' ')}\n`);
    });
  }
  return 0;
}
