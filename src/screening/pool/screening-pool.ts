import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import type { ScreeningTask, ScreeningTaskResult, ScreeningThreadData } from './screening-task';
import { screeningThreadFile } from './screening-thread-file';
import type { ModelSetting } from '../model/load-model';

export interface ScreeningPoolOptions {
  threads: number;
  /** Tasks allowed to wait for a thread before `tryScreen` refuses more. */
  queueMax: number;
  rulesDir: string | null;
  model: ModelSetting;
}

/**
 * Worker threads that run the screening engine, so that a long post (or a member checking
 * drafts in a loop) never stalls the event loop that answers every other request. Screening
 * jobs from the queue always wait their turn (their number is bounded by the worker
 * concurrency); drafts are refused when the queue is full, so it cannot grow without bound.
 */
export class ScreeningPool implements OnApplicationShutdown {
  private readonly logger = new Logger('ScreeningPool');
  private readonly piscina: Piscina<ScreeningTask, ScreeningTaskResult>;
  private closing: Promise<void> | null = null;
  /** Tasks running or waiting: counted here, at submission, so admission has no race with the threads. */
  private inFlight = 0;

  constructor(private readonly options: ScreeningPoolOptions) {
    const workerData: ScreeningThreadData = { rulesDir: options.rulesDir, model: options.model };
    this.piscina = new Piscina<ScreeningTask, ScreeningTaskResult>({
      filename: screeningThreadFile(),
      minThreads: options.threads,
      maxThreads: options.threads,
      workerData,
    });
    // A thread that dies between tasks is replaced by piscina; without a listener the
    // 'error' event would take the whole process down with it.
    this.piscina.on('error', (error: Error) => this.logger.error(`screening thread failed: ${error.name}: ${error.message}`));
  }

  /** Waits until a thread has compiled the rules, read the model and screened once: bad rule or model files fail the start, not the first post. */
  async ready(): Promise<void> {
    await this.screen({ body: 'ready' });
  }

  /** Screens in a thread, waiting for one however long the queue. */
  screen(task: ScreeningTask): Promise<ScreeningTaskResult> {
    this.inFlight += 1;
    return this.piscina.run(task).finally(() => {
      this.inFlight -= 1;
    });
  }

  /** Screens in a thread, or answers null at once when every thread is busy and `queueMax` tasks already wait. */
  tryScreen(task: ScreeningTask): Promise<ScreeningTaskResult> | null {
    if (this.inFlight >= this.options.threads + this.options.queueMax) return null;
    return this.screen(task);
  }

  /** Tasks finished since the pool started (the warm-up included). */
  get completed(): number {
    return this.piscina.completed;
  }

  /** Tasks waiting for a thread. */
  get waiting(): number {
    return this.piscina.queueSize;
  }

  get threads(): number {
    return this.piscina.threads.length;
  }

  /** Lets the tasks in hand finish, then ends the threads. */
  close(): Promise<void> {
    this.closing ??= this.piscina.close();
    return this.closing;
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
