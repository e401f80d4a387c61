import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ScreeningQueueService } from '../screening/screening-queue.service';
import { WORKERS_ENABLED } from './screening.processor';
import { ADVISORY_LOCK } from '../database/advisory-locks';
import { ExclusivePeriodicTask } from '../database/exclusive-periodic-task';

/**
 * Finds posts left PENDING longer than the grace period (a lost job, a failed enqueue, a
 * killed worker) and enqueues them again. The idempotent job id makes duplicates harmless.
 */
@Injectable()
export class ScreeningSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScreeningSweeper.name);
  private readonly task: ExclusivePeriodicTask<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: ScreeningQueueService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    @Inject(WORKERS_ENABLED) private readonly enabled: boolean,
  ) {
    this.task = new ExclusivePeriodicTask(dataSource, ADVISORY_LOCK.SCREENING_SWEEP, (manager) => this.sweep(manager));
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.task.start(this.config.screening.sweepIntervalSeconds, this.logger, 'sweep');
  }

  /** Returns how many posts were enqueued again (0 when another instance was sweeping). */
  async sweepOnce(): Promise<number> {
    return (await this.task.runOnce()) ?? 0;
  }

  private async sweep(manager: EntityManager): Promise<number> {
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
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
