/**
 * Pure metrics for a labeled screening set: per-category precision/recall, false-hold rate on
 * benign posts, urgent recall, outcome accuracy, and the list of mismatches.
 */
import type { Outcome, Priority, ScreeningCategory, ScreeningDecision } from '../engine/types';
import { SCREENING_CATEGORIES } from '../engine/vocabulary';

export interface LabeledPost {
  id: string;
  text: string;
  outcome: Outcome;
  categories: ScreeningCategory[];
  priority?: Priority | null;
  terms?: string[];
  /** Cue families a held post shows ("SELF_HARM/preparation"): recall is reported per family. */
  cues?: string[];
}

export interface CategoryScore {
  category: ScreeningCategory;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when the engine never predicted the category (nothing to be precise about). */
  precision: number | null;
  /** null when the set never labels the category. */
  recall: number | null;
}

export interface Mismatch {
  id: string;
  text: string;
  expected: { outcome: Outcome; categories: ScreeningCategory[]; priority: Priority | null };
  actual: { outcome: Outcome; categories: ScreeningCategory[]; priority: Priority | null };
  missingTerms: string[];
}

export interface Evaluation {
  total: number;
  outcomeAccuracy: number;
  categories: CategoryScore[];
  benign: number;
  falseHolds: number;
  /** Benign (labeled PUBLISH or PUBLISH_WITH_SUGGESTIONS) posts the engine held or rejected. */
  falseHoldRate: number | null;
  labeledHolds: number;
  caughtHolds: number;
  /** Labeled HOLD/REJECT posts the engine also held or rejected. */
  holdRecall: number | null;
  urgent: number;
  urgentCaught: number;
  /** Labeled URGENT posts the engine held as URGENT. */
  urgentRecall: number | null;
  mismatches: Mismatch[];
}

/** Scored in POLICY order, the same order decisions list their categories in. */
const ALL_CATEGORIES = SCREENING_CATEGORIES;

const isHeld = (o: Outcome): boolean => o === 'HOLD' || o === 'REJECT';
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Expected priority: the label's, or null for posts that are not held. */
function expectedPriority(p: LabeledPost): Priority | null {
  return p.priority ?? null;
}

export function evaluate(posts: readonly LabeledPost[], decisions: readonly ScreeningDecision[]): Evaluation {
  if (posts.length !== decisions.length) throw new Error('one decision per post');
  const counts = Object.fromEntries(ALL_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<
    ScreeningCategory,
    { tp: number; fp: number; fn: number }
  >;
  let correct = 0;
  let benign = 0;
  let falseHolds = 0;
  let labeledHolds = 0;
  let caughtHolds = 0;
  let urgent = 0;
  let urgentCaught = 0;
  const mismatches: Mismatch[] = [];
  posts.forEach((p, i) => {
    const d = decisions[i];
    if (d.outcome === p.outcome) correct++;
    const want = new Set(p.categories);
    const got = new Set(d.categories);
    for (const c of ALL_CATEGORIES) {
      const k = counts[c];
      if (want.has(c) && got.has(c)) k.tp++;
      else if (got.has(c)) k.fp++;
      else if (want.has(c)) k.fn++;
    }
    if (!isHeld(p.outcome)) {
      benign++;
      if (isHeld(d.outcome)) falseHolds++;
    } else {
      labeledHolds++;
      if (isHeld(d.outcome)) caughtHolds++;
    }
    if (p.priority === 'URGENT') {
      urgent++;
      if (d.priority === 'URGENT') urgentCaught++;
    }
    const missingTerms = (p.terms ?? []).filter((t) => !d.suggestions.some((s) => s.term === t));
    const sameCategories = want.size === got.size && [...want].every((c) => got.has(c));
    const priorityOk = p.priority !== undefined ? p.priority === d.priority : isHeld(p.outcome) || d.priority === null;
    if (d.outcome !== p.outcome || !sameCategories || !priorityOk || missingTerms.length > 0) {
      mismatches.push({
        id: p.id,
        text: p.text,
        expected: { outcome: p.outcome, categories: p.categories, priority: expectedPriority(p) },
        actual: { outcome: d.outcome, categories: d.categories, priority: d.priority },
        missingTerms,
      });
    }
  });
  return {
    total: posts.length,
    outcomeAccuracy: posts.length === 0 ? 0 : correct / posts.length,
    categories: ALL_CATEGORIES.map((category) => {
      const k = counts[category];
      return {
        category,
        truePositives: k.tp,
        falsePositives: k.fp,
        falseNegatives: k.fn,
        precision: ratio(k.tp, k.tp + k.fp),
        recall: ratio(k.tp, k.tp + k.fn),
      };
    }),
    benign,
    falseHolds,
    falseHoldRate: ratio(falseHolds, benign),
    labeledHolds,
    caughtHolds,
    holdRecall: ratio(caughtHolds, labeledHolds),
    urgent,
    urgentCaught,
    urgentRecall: ratio(urgentCaught, urgent),
    mismatches,
  };
}

const pct = (v: number | null): string => (v === null ? '   n/a' : `${(v * 100).toFixed(1).padStart(5)}%`);

/** A plain-text report for operators. */
export function formatEvaluation(e: Evaluation, title = 'screening evaluation'): string {
  const lines: string[] = [];
  lines.push(`${title}: ${e.total} posts`);
  lines.push(`outcome accuracy   ${pct(e.outcomeAccuracy)}`);
  lines.push(`false-hold rate    ${pct(e.falseHoldRate)}  (${e.falseHolds} of ${e.benign} benign posts held or rejected)`);
  lines.push(`hold recall        ${pct(e.holdRecall)}  (${e.caughtHolds} of ${e.labeledHolds} labeled holds caught)`);
  lines.push(`urgent recall      ${pct(e.urgentRecall)}  (${e.urgentCaught} of ${e.urgent} URGENT posts held as URGENT)`);
  lines.push('');
  lines.push('category              precision  recall   tp  fp  fn');
  for (const c of e.categories) {
    lines.push(
      `${c.category.padEnd(20)}  ${pct(c.precision)}   ${pct(c.recall)} ${String(c.truePositives).padStart(4)}${String(c.falsePositives).padStart(4)}${String(c.falseNegatives).padStart(4)}`,
    );
  }
  lines.push('');
  lines.push(`mismatches: ${e.mismatches.length}`);
  for (const m of e.mismatches) {
    const exp = `${m.expected.outcome}[${m.expected.categories.join(',')}]${m.expected.priority ?? ''}`;
    const act = `${m.actual.outcome}[${m.actual.categories.join(',')}]${m.actual.priority ?? ''}`;
    const terms = m.missingTerms.length > 0 ? ` missing terms: ${m.missingTerms.join(', ')}` : '';
    lines.push(`  ${m.id}: expected ${exp}, got ${act}${terms}`);
    lines.push(`    ${m.text}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Parse a labeled JSONL file's content; blank lines are skipped, bad lines throw with their number. */
export function parseLabeled(content: string): LabeledPost[] {
  const out: LabeledPost[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`line ${i + 1}: ${(e as Error).message}`, { cause: e });
    }
    const p = v as Partial<LabeledPost>;
    if (
      typeof p !== 'object' ||
      p === null ||
      typeof p.text !== 'string' ||
      typeof p.outcome !== 'string' ||
      !Array.isArray(p.categories)
    ) {
      throw new Error(`line ${i + 1}: needs text, outcome and categories`);
    }
    out.push({ ...p, id: typeof p.id === 'string' ? p.id : `line ${i + 1}` } as LabeledPost);
  });
  return out;
}
