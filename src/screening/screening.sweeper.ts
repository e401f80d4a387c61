import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ScreeningQueueService } from './screening-queue.service';
import { WORKERS_ENABLED } from './screening.processor';
import { ADVISORY_LOCK } from '../database/advisory-locks';

/** One sweeper pass at a time across every instance: an advisory lock, not a leader election. */

/**
 * Finds posts left PENDING longer than the grace period (a lost job, a failed enqueue, a
 * killed worker) and enqueues them again. The idempotent job id makes duplicates harmless.
 */
@Injectable()
export class ScreeningSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScreeningSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: ScreeningQueueService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    @Inject(WORKERS_ENABLED) private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => void this.sweepOnce().catch((error: Error) => this.logger.warn(`sweep failed: ${error.message}`)), this.config.screening.sweepIntervalSeconds * 1000);
    this.timer.unref();
  }

  /** Returns how many posts were enqueued again. */
  async sweepOnce(): Promise<number> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [ADVISORY_LOCK.SCREENING_SWEEP]);
      if (!locked) return 0;
      const stale: Array<{ id: string; revision: number }> = await manager.query(
        `SELECT id, revision FROM post WHERE status = 'PENDING' AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT 500`,
        [this.config.screening.pendingGraceSeconds],
      );
      let enqueued = 0;
      for (const post of stale) {
        if (await this.queue.requeuePost(post.id, post.revision)) enqueued += 1;
      }
      if (enqueued > 0) this.logger.log(`re-enqueued ${enqueued} post(s) left pending`);
      return enqueued;
    });
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
