/**
 * The body of a screening worker thread (run by piscina). It imports the pure engine and model
 * and nothing of the app, compiles the rules and reads the model once when the thread starts
 * (the bundled defaults plus SCREENING_RULES_DIR, and SCREENING_MODEL, as the app read them on
 * the main thread), then screens task after task.
 */
import { threadId, workerData } from 'node:worker_threads';
import { loadScreener } from '../screener';
import type { ScreeningTask, ScreeningTaskResult, ScreeningThreadData } from './screening-task';

const data = workerData as ScreeningThreadData | undefined;
const screen = loadScreener(data?.rulesDir ?? null, data?.model ?? { kind: 'bundled' });

export default function screenInThread(task: ScreeningTask): ScreeningTaskResult {
  return {
    bodyDecision: screen(task.body, task.context),
    titleDecision: task.title ? screen(task.title, task.context) : null,
    threadId,
  };
}
