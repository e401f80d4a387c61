/**
 * The body of a screening worker thread (run by piscina). It imports the pure engine and
 * nothing of the app, compiles the rules once when the thread starts (the bundled defaults
 * plus SCREENING_RULES_DIR, as the app did on the main thread), then screens task after task.
 */
import { threadId, workerData } from 'node:worker_threads';
import { screenText } from '../engine';
import { loadRules } from '../engine/load-rules';
import type { ScreeningTask, ScreeningTaskResult, ScreeningThreadData } from './screening-task';

const rules = loadRules((workerData as ScreeningThreadData | undefined)?.rulesDir ?? undefined);

export default function screenInThread(task: ScreeningTask): ScreeningTaskResult {
  return {
    bodyDecision: screenText(task.body, task.context, rules),
    titleDecision: task.title ? screenText(task.title, task.context, rules) : null,
    threadId,
  };
}
