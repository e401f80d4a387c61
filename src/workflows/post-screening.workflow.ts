import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PostEntity } from '../forum/post.entity';
import { PostsRepository } from '../forum/repositories/posts.repository';
import { PostStateService } from '../forum/post-state.service';
import { PostKind, PostStatus } from '../forum/post-status';
import { Metrics } from '../metrics/metrics';
import { CaseIntakeService } from '../moderation/case-intake.service';
import { ModerationEventsService } from '../moderation/moderation-events.service';
import { NotificationKind } from '../notifications/notification-kind';
import { NotificationsService } from '../notifications/notifications.service';
import { notifyReplyRecipients } from '../notifications/reply-recipients';
import { ConnectionsRepository } from '../forum/connections/connections.repository';
import { heldMessage } from '../resources/dosing-pointer';
import { DecisionPlan, planDecision } from './decision-plan';
import { screeningVerdict } from '../screening/screening-verdict';
import { ScreeningPool } from '../screening/pool/screening-pool';

export type ScreeningResult = 'applied' | 'stale' | 'missing';

const AUTHOR_MESSAGE: Record<Extract<PostStatus, 'PUBLISHED' | 'HELD' | 'REJECTED'>, string> = {
  [PostStatus.PUBLISHED]: 'Your post is live.',
  [PostStatus.HELD]: 'Your post is held for a moderator. You can read why on the post, and edit it if you like.',
  [PostStatus.REJECTED]: 'Your post was not published: it looks like spam.',
};

/**
 * Crosses forum, moderation and notifications: screens one revision of a post and applies the decision: state, case, screening record and
 * notifications in one transaction, and only if the post is still the revision screened.
 */
@Injectable()
export class PostScreeningWorkflow {
  private readonly logger = new Logger(PostScreeningWorkflow.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly posts: PostsRepository,
    private readonly postState: PostStateService,
    private readonly caseIntake: CaseIntakeService,
    private readonly notifications: NotificationsService,
    private readonly connections: ConnectionsRepository,
    private readonly moderationEvents: ModerationEventsService,
    private readonly pool: ScreeningPool,
    private readonly metrics: Metrics,
  ) {}

  async screenPost(postId: string, revision: number): Promise<ScreeningResult> {
    const snapshot = await this.posts.findById(postId);
    if (!snapshot) return 'missing';
    if (snapshot.status !== PostStatus.PENDING || snapshot.revision !== revision) return 'stale';

    // The engine runs outside the transaction (it is pure and needs no lock) and in a
    // worker thread, so a long post never stalls the API sharing this process.
    const recentDuplicateCount = await this.posts.countRecentDuplicates(snapshot);
    const { bodyDecision, titleDecision } = await this.pool.screen({
      body: snapshot.body,
      title: snapshot.title,
      context: { recentDuplicateCount },
    });
    const plan = planDecision(
      screeningVerdict({ body: snapshot.body, title: snapshot.title, revision, bodyDecision, titleDecision, screenedAt: new Date() }),
    );

    const applied = await this.dataSource.transaction(async (manager) => {
      const post = await this.posts.findForUpdate(manager, postId);
      // An edit (or a withdrawal) since we read the post wins: this result is stale.
      if (!post || post.status !== PostStatus.PENDING || post.revision !== revision) return undefined;
      return this.apply(manager, post, plan);
    });
    if (applied === undefined) return 'stale';
    // Counted after the commit, so a rolled-back attempt (retried by the queue) counts once.
    this.metrics.screened(plan.record.outcome, plan.record.categories);
    if (applied.opened && plan.priority) this.metrics.caseOpened(plan.priority, 'screening');
    const caseId = applied.caseId;
    if (caseId !== null) await this.moderationEvents.caseChanged(caseId);
    this.logger.log(`post ${postId} revision ${revision} screened: ${plan.record.outcome}`);
    return 'applied';
  }

  /** The case the decision touched, if any, and whether it is a new one. */
  private async apply(manager: EntityManager, post: PostEntity, plan: DecisionPlan): Promise<{ caseId: string | null; opened: boolean }> {
    let caseId: string | null = null;
    let opened = false;
    if (plan.caseReasons.length > 0 && plan.priority) {
      const { caseEntity, created } = await this.caseIntake.openOrJoin(manager, post.id, plan.priority, plan.caseReasons);
      caseId = caseEntity.id;
      opened = created;
    } else if (post.revision > 1) {
      // An edit that no longer holds: findings about the old words go, and so may the case.
      caseId = await this.caseIntake.settleAfterCleanScreening(manager, post.id, post.revision);
    }
    await this.posts.recordScreening(manager, post.id, plan.record);
    await this.postState.transition(manager, post, plan.status, { action: plan.audit, caseId, note: plan.auditNote });

    const status = plan.status as keyof typeof AUTHOR_MESSAGE;
    const kind =
      status === PostStatus.PUBLISHED
        ? NotificationKind.POST_PUBLISHED
        : status === PostStatus.HELD
          ? NotificationKind.POST_HELD
          : NotificationKind.POST_REJECTED;
    // A dosing hold also points the author to the medication resources (resources/dosing-pointer.ts).
    const message = status === PostStatus.HELD ? heldMessage(AUTHOR_MESSAGE[status], plan.record.categories) : AUTHOR_MESSAGE[status];
    // A check-in's private words: the member reads the outcome on their check-in (and crisis resources at once there), not as a "post is live" notice.
    if (post.kind !== PostKind.CHECK_IN) await this.notifications.notify(manager, post.authorId, kind, message, post.id);

    if (plan.status === PostStatus.PUBLISHED && post.kind === PostKind.REPLY && post.editedAt === null) {
      await notifyReplyRecipients(manager, this.notifications, post, this.connections);
    }
    return { caseId, opened };
  }
}
