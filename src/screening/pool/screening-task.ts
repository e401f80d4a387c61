import type { ScreeningContext, ScreeningDecision } from '../engine/types';
import type { ModelSetting } from '../model/load-model';

/** What a screening thread is asked: one post's (or draft's) text. Plain data: it crosses threads by structured clone. */
export interface ScreeningTask {
  body: string;
  title?: string | null;
  context?: ScreeningContext;
}

/** The engine's decisions for the body and the title (null without one), and the thread that made them. */
export interface ScreeningTaskResult {
  bodyDecision: ScreeningDecision;
  titleDecision: ScreeningDecision | null;
  threadId: number;
}

/** Given to each thread at start: where the operator's extra rule files are and which model follows the rules, as the app reads them. */
export interface ScreeningThreadData {
  rulesDir: string | null;
  model: ModelSetting;
}
