/**
 * A model trained with examples from outside the corpus (a deployment's moderator decisions)
 * replaces the current one only if it is no worse where it matters most, both measured now on
 * the same frozen evaluation split: urgent recall (SELF_HARM and OVERDOSE_EMERGENCY held as
 * URGENT) must not fall, and the false-hold rate on benign posts must not rise. Decisions
 * drift with whoever moderates; the evaluation voices do not. Pure.
 */
import type { SystemFigures } from '../model/weights-file';

export interface Comparison {
  accept: boolean;
  /** One line per way the candidate is worse; empty when accepted. */
  problems: string[];
}

const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

export function compareModels(current: SystemFigures, candidate: SystemFigures): Comparison {
  const problems: string[] = [];
  // No urgent post in the split measures nothing: treat a missing figure as 100% / 0%.
  const urgentNow = current.urgentRecall ?? 1;
  const urgentNew = candidate.urgentRecall ?? 1;
  if (urgentNew < urgentNow) problems.push(`urgent recall would fall from ${pct(urgentNow)} to ${pct(urgentNew)}`);
  const holdsNow = current.falseHoldRate ?? 0;
  const holdsNew = candidate.falseHoldRate ?? 0;
  if (holdsNew > holdsNow) problems.push(`false-hold rate would rise from ${pct(holdsNow)} to ${pct(holdsNew)}`);
  return { accept: problems.length === 0, problems };
}
