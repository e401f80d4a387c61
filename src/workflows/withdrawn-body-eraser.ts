import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ADVISORY_LOCK } from '../database/advisory-locks';
import { ExclusivePeriodicTask } from '../database/exclusive-periodic-task';
import { PostsRepository } from '../forum/repositories/posts.repository';
import { DecisionExamplesRepository } from '../moderation/repositories/decision-examples.repository';
import { ModerationCasesRepository } from '../moderation/repositories/moderation-cases.repository';

export const ERASER_ENABLED = Symbol('ERASER_ENABLED');

/** What a withdrawn thread's title becomes; a reply has no title. */
export const ERASED_TITLE = 'Withdrawn by its author';

/**
 * Crosses forum and moderation, so a workflow. Erases the words of posts their authors withdrew, once the retention window has passed:
 * title, body, the screening feedback (its suggestions quote the text), the excerpts on
 * the post's moderation cases and the post's decision example (a label on words that are gone). A post an open case still holds keeps its words until the
 * case is resolved. The row stays (replies hang off it) with body_erased_at saying when.
 */
@Injectable()
export class WithdrawnBodyEraser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WithdrawnBodyEraser.name);
  private readonly task: ExclusivePeriodicTask<number>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    @Inject(ERASER_ENABLED) private readonly enabled: boolean,
    private readonly posts: PostsRepository,
    private readonly cases: ModerationCasesRepository,
    private readonly examples: DecisionExamplesRepository,
  ) {
    this.task = new ExclusivePeriodicTask(dataSource, ADVISORY_LOCK.WITHDRAWN_ERASER, (manager) => this.erase(manager));
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.task.start(this.config.timePrivacy.eraseIntervalSeconds, this.logger, 'erasing withdrawn posts');
  }

  /** Returns how many posts were erased (0 when another instance was erasing). */
  async eraseOnce(): Promise<number> {
    return (await this.task.runOnce()) ?? 0;
  }

  private async erase(manager: EntityManager): Promise<number> {
    const ids = await this.posts.eraseWithdrawn(manager, this.config.timePrivacy.withdrawnBodyRetentionDays, ERASED_TITLE);
    if (ids.length === 0) return 0;
    await this.cases.eraseExcerptsOfPosts(manager, ids);
    await this.examples.deleteForPosts(manager, ids);
    this.logger.log(`erased the words of ${ids.length} withdrawn post(s)`);
    return ids.length;
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
