/**
 * The held-out report: how screening does on posts by writers neither the rules nor the model
 * were tuned on (corpus/split.json's evaluation voices). The rules alone and the rules followed
 * by the model, side by side: hold recall, false holds on benign posts, urgent recall, recall
 * per category and per cue family (a post's labeled `cues`), and how many posts labeled for a
 * person-first suggestion got one. Pure: decisions in, figures out.
 */
import type { ScreeningDecision } from '../engine/types';
import { SCREENING_CATEGORIES } from '../engine/vocabulary';
import type { SystemFigures } from '../model/weights-file';
import type { VoicedPost } from './corpus';
import { isHeldOutcome, systemFigures } from './figures';

export interface FamilyRecall {
  /** "SELF_HARM/preparation": the category and the cue family a writer labeled. */
  cue: string;
  posts: number;
  /** Share of those posts held naming the category, by the rules alone and with the model. */
  rules: number;
  withModel: number;
}

export interface HeldOutReport {
  posts: number;
  voices: number;
  rules: SystemFigures;
  withModel: SystemFigures;
  /** Posts labeled PUBLISH_WITH_SUGGESTIONS that were published with a suggestion (with the model). */
  suggested: { labeled: number; given: number; rate: number | null };
  families: FamilyRecall[];
}

const share = (a: number, b: number): number => (b === 0 ? 0 : a / b);

function familyRecall(
  posts: readonly VoicedPost[],
  rules: readonly ScreeningDecision[],
  withModel: readonly ScreeningDecision[],
): FamilyRecall[] {
  const byCue = new Map<string, { posts: number; rules: number; withModel: number }>();
  posts.forEach((p, i) => {
    if (!isHeldOutcome(p.outcome)) return;
    for (const cue of p.cues ?? []) {
      const category = cue.split('/')[0];
      const named = (d: ScreeningDecision): boolean => isHeldOutcome(d.outcome) && (d.categories as string[]).includes(category);
      const row = byCue.get(cue) ?? { posts: 0, rules: 0, withModel: 0 };
      row.posts++;
      if (named(rules[i])) row.rules++;
      if (named(withModel[i])) row.withModel++;
      byCue.set(cue, row);
    }
  });
  return [...byCue.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cue, r]) => ({ cue, posts: r.posts, rules: share(r.rules, r.posts), withModel: share(r.withModel, r.posts) }));
}

export function heldOutReport(
  posts: readonly VoicedPost[],
  rules: readonly ScreeningDecision[],
  withModel: readonly ScreeningDecision[],
): HeldOutReport {
  const nudges = posts.map((p, i) => [p, withModel[i]] as const).filter(([p]) => p.outcome === 'PUBLISH_WITH_SUGGESTIONS');
  const given = nudges.filter(([, d]) => !isHeldOutcome(d.outcome) && d.suggestions.length > 0).length;
  return {
    posts: posts.length,
    voices: new Set(posts.map((p) => p.voice)).size,
    rules: systemFigures(posts, rules),
    withModel: systemFigures(posts, withModel),
    suggested: { labeled: nudges.length, given, rate: nudges.length === 0 ? null : given / nudges.length },
    families: familyRecall(posts, rules, withModel),
  };
}

const pct = (v: number | null): string => (v === null ? '     -' : `${(v * 100).toFixed(1)}%`.padStart(6));

export function formatHeldOutReport(r: HeldOutReport, title: string): string {
  const lines = [
    `${title}: ${r.posts} posts from ${r.voices} voices (${r.rules.benign} benign, ${r.rules.holds} holds)`,
    `                         rules   +model`,
    `  hold recall           ${pct(r.rules.holdRecall)}  ${pct(r.withModel.holdRecall)}`,
    `  false holds           ${pct(r.rules.falseHoldRate)}  ${pct(r.withModel.falseHoldRate)}`,
    `  urgent recall         ${pct(r.rules.urgentRecall)}  ${pct(r.withModel.urgentRecall)}`,
    `  suggestions given     ${pct(r.suggested.rate)} (${r.suggested.given} of ${r.suggested.labeled} posts labeled for one)`,
    `recall per category:`,
    ...SCREENING_CATEGORIES.map((c) => `  ${c.padEnd(20)}  ${pct(r.rules.categoryRecall[c])}  ${pct(r.withModel.categoryRecall[c])}`),
    `recall per cue family (posts):`,
    ...r.families.map((f) => `  ${`${f.cue} (${f.posts})`.padEnd(46)}  ${pct(f.rules)}  ${pct(f.withModel)}`),
  ];
  return `${lines.join('\n')}\n`;
}
