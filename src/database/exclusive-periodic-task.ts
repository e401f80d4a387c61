import type { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A chore that runs every few seconds in each process that runs workers, but in one instance
 * at a time: each pass is a transaction that first tries a transaction-scoped advisory lock
 * (an instance that finds it taken skips the pass, no leader election needed), and a pass
 * asked for while one is under way in this process joins it instead of starting another.
 */
export class ExclusivePeriodicTask<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T | null> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly lock: number,
    private readonly pass: (manager: EntityManager) => Promise<T>,
  ) {}

  /** One pass now; null when another instance held the lock. */
  runOnce(): Promise<T | null> {
    this.running ??= this.dataSource
      .transaction(async (manager) => {
        const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [this.lock])) as Array<{
          locked: boolean;
        }>;
        return locked ? this.pass(manager) : null;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  /** A failed pass is logged and the next one tries again. Its message is safe to log: the passes send no member text to the database, so a driver message cannot quote one. */
  start(everySeconds: number, logger: Logger, what: string): void {
    this.stop();
    this.timer = setInterval(
      () => void this.runOnce().catch((error: Error) => logger.warn(`${what} failed: ${error.message}`)),
      everySeconds * 1000,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
