/**
 * The screening engine: text in, decision out. Pure, synchronous, deterministic: no I/O, no
 * clock, no framework. normalize -> tokenize -> phrase matches -> detectors (each weighing
 * negation, tense, quotation and addressee) -> decide.
 */
import { DEFAULT_RULES_DATA } from './default-data';
import { analyze } from './doc';
import { decide } from './decide';
import { detectDosing } from './detectors/dosing';
import { detectHarassment } from './detectors/harassment';
import { detectOverdose } from './detectors/overdose';
import { detectPersonalInfo } from './detectors/personal-info';
import { detectSelfHarm } from './detectors/self-harm';
import { detectSourcing } from './detectors/sourcing';
import { detectSpam } from './detectors/spam';
import { detectStigma } from './detectors/stigma';
import { compileRules, ScreeningRules } from './rules';
import { escalate, SecondOpinion } from './second-opinion';
import type { Reason, ScreeningContext, ScreeningDecision } from './types';

export * from './types';
export * from './vocabulary';
export { compileRules, KNOWN_LISTS, RulesError } from './rules';
export type { PersonFirstData, RulesData, ScreeningRules } from './rules';
export { DEFAULT_RULES_DATA } from './default-data';
export { decide } from './decide';
export type { SecondOpinion } from './second-opinion';

let defaults: ScreeningRules | null = null;

/** The bundled rules, compiled on first use and shared. */
export function defaultRules(): ScreeningRules {
  return (defaults ??= compileRules(DEFAULT_RULES_DATA));
}

/** Same category, one span inside another: keep the wider one, so each finding is listed once. */
function dedupe(reasons: Reason[]): Reason[] {
  const sorted = [...reasons].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Reason[] = [];
  for (const r of sorted) {
    const covered = out.some((o) => o.category === r.category && o.severity === r.severity && o.start <= r.start && o.end >= r.end);
    if (!covered) out.push(r);
  }
  return out;
}

/** secondOpinion (the learned model) runs after the rules and may only escalate: see second-opinion.ts. */
export function screenText(
  text: string,
  context?: ScreeningContext,
  rules: ScreeningRules = defaultRules(),
  secondOpinion?: SecondOpinion,
): ScreeningDecision {
  const doc = analyze(text, rules);
  const stigma = detectStigma(doc);
  const reasons = [
    ...detectSelfHarm(doc),
    ...detectOverdose(doc),
    ...detectSourcing(doc),
    ...detectDosing(doc),
    ...detectPersonalInfo(doc),
    ...detectHarassment(doc),
    ...stigma.reasons,
    ...detectSpam(doc, context),
  ];
  const found = dedupe(reasons);
  const decision = decide(found, stigma.suggestions);
  return secondOpinion ? escalate({ doc, reasons: found, suggestions: stigma.suggestions, decision }, secondOpinion) : decision;
}
