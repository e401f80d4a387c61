/**
 * One screening function for every caller that screens real posts (the worker threads, hence
 * the screening workers and screenDraft, and the `screen` and `eval` commands): the rules
 * (bundled plus SCREENING_RULES_DIR) followed by the model SCREENING_MODEL names, so all of
 * them decide alike. Reads its files once, when called.
 */
import { screenText } from './engine';
import { loadRules } from './engine/load-rules';
import type { ScreeningContext, ScreeningDecision } from './engine/types';
import { loadModel, ModelSetting } from './model/load-model';
import { modelOpinion } from './model/opinion';

export type Screener = (text: string, context?: ScreeningContext) => ScreeningDecision;

export function loadScreener(rulesDir: string | null, model: ModelSetting): Screener {
  const rules = loadRules(rulesDir ?? undefined);
  const loaded = loadModel(model);
  const opinion = loaded ? modelOpinion(loaded) : undefined;
  return (text, context) => screenText(text, context, rules, opinion);
}
