import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ADVISORY_LOCK } from '../database/advisory-locks';
import { ExclusivePeriodicTask } from '../database/exclusive-periodic-task';
import { ClientRateCountersRepository } from './repositories/client-rate-counters.repository';
import { ProofOfWorkRepository } from './repositories/proof-of-work.repository';
import { SignInThrottleRepository } from './repositories/sign-in-throttle.repository';
import { FORGET_FAILURES_AFTER_MS } from './sign-in-backoff';

export const ACCOUNT_SWEEPER_ENABLED = Symbol('ACCOUNT_SWEEPER_ENABLED');

export interface PurgeCounts {
  throttles: number;
  counters: number;
  spentChallenges: number;
}

/**
 * Forgets what the abuse guards no longer need: sign-in streaks a day old and no longer
 * blocking, per-client counts whose window has passed, spent proof-of-work challenges
 * that have expired (an expired challenge is refused anyway). Runs on a timer in the
 * processes that run workers, so stale rows go whatever the traffic.
 */
@Injectable()
export class AccountAbuseSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AccountAbuseSweeper.name);
  private readonly task: ExclusivePeriodicTask<PurgeCounts>;

  constructor(
    dataSource: DataSource,
    private readonly throttles: SignInThrottleRepository,
    private readonly counters: ClientRateCountersRepository,
    private readonly spentChallenges: ProofOfWorkRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    @Inject(ACCOUNT_SWEEPER_ENABLED) private readonly enabled: boolean,
  ) {
    this.task = new ExclusivePeriodicTask(dataSource, ADVISORY_LOCK.ACCOUNT_PURGE, (manager) => this.purge(manager, new Date()));
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.task.start(this.config.accountAbuse.purgeIntervalSeconds, this.logger, 'purge');
  }

  /** Null when another instance held the lock. */
  purgeOnce(): Promise<PurgeCounts | null> {
    return this.task.runOnce();
  }

  private async purge(manager: EntityManager, now: Date): Promise<PurgeCounts> {
    const forgetBefore = new Date(now.getTime() - FORGET_FAILURES_AFTER_MS);
    const windowEndedBefore = new Date(now.getTime() - this.config.accountAbuse.registrationWindowSeconds * 1000);
    const counts = {
      throttles: await this.throttles.purgeStale(manager, forgetBefore, now),
      counters: await this.counters.purgeStartedBefore(manager, windowEndedBefore),
      spentChallenges: await this.spentChallenges.purgeExpired(manager, now),
    };
    if (counts.throttles + counts.counters + counts.spentChallenges > 0) {
      this.logger.log(
        `purged ${counts.throttles} sign-in throttle(s), ${counts.counters} client counter(s), ${counts.spentChallenges} spent challenge(s)`,
      );
    }
    return counts;
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
