import { Context, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import '../accounts/account-enums';
import { AccountEntity } from '../accounts/account.entity';
import { Role } from '../common/auth/role';
import { MemberType } from '../accounts/member.type';
import { ActiveMember, ModeratorOnly } from '../common/auth/auth.guard';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import { CommonError } from '../common/errors/common.errors';
import type { GqlContext } from '../common/graphql/gql-context';
import type { Page } from '../common/pagination/cursor';
import type { PostEntity } from '../forum/post.entity';
import { ThreadType } from '../forum/thread.type';
import { CaseworkService } from './casework.service';
import { mapAsync } from '../common/async/map-async';
import { CasePriority, CaseStatus } from './case-vocabulary';
import { ModerationCaseEntity } from './moderation-case.entity';
import { ModerationEventsService } from './moderation-events.service';
import { ModerationQueueService, ModerationStats } from './moderation-queue.service';
import {
  LiftSanctionInput,
  ModerationCaseConnection,
  ModerationCaseType,
  ModerationStatsType,
  ReportInput,
  SanctionInput,
} from './moderation.types';
import { ReportsService } from './reports.service';
import { SanctionsService } from './sanctions.service';
import { ThreadLockService } from './thread-lock.service';

/**
 * The moderators' API. Thin: who is asking is checked by the guards (FORBIDDEN for members,
 * UNAUTHENTICATED when signed out), the services own the rules.
 */
@Resolver()
export class ModerationResolver {
  constructor(
    private readonly queueService: ModerationQueueService,
    private readonly casework: CaseworkService,
    private readonly reports: ReportsService,
    private readonly sanctions: SanctionsService,
    private readonly threadLocks: ThreadLockService,
    private readonly events: ModerationEventsService,
  ) {}

  @Query(() => ModerationCaseConnection, { description: 'Moderators only. Open and claimed cases by priority, then age.' })
  @ModeratorOnly()
  moderationQueue(
    @Arg('status', { type: () => CaseStatus, nullable: true }) status: CaseStatus | null,
    @Arg('priority', { type: () => CasePriority, nullable: true }) priority: CasePriority | null,
    @Arg('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<ModerationCaseEntity>> {
    return this.queueService.queue({ status, priority, first, after });
  }

  @Query(() => ModerationCaseType, { nullable: true })
  @ModeratorOnly()
  moderationCase(@Arg('id', { type: () => ID }) id: string): Promise<ModerationCaseEntity | null> {
    return this.queueService.findCase(id);
  }

  @Query(() => ModerationStatsType)
  @ModeratorOnly()
  moderationStats(
    @Arg('windowHours', { type: () => Int, nullable: true, description: 'Hours back the review times cover; default 168 (a week).' })
    windowHours: number | null,
  ): Promise<ModerationStats> {
    return this.queueService.stats(windowHours);
  }

  @Mutation(() => ModerationCaseType)
  @ModeratorOnly()
  claimCase(@Arg('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer): Promise<ModerationCaseEntity> {
    return this.casework.claim(viewer, id);
  }

  @Mutation(() => ModerationCaseType)
  @ModeratorOnly()
  releaseCase(@Arg('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer): Promise<ModerationCaseEntity> {
    return this.casework.release(viewer, id);
  }

  @Mutation(() => Boolean)
  @ModeratorOnly()
  sanctionMember(@Arg('input') input: SanctionInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.sanctions.sanction(viewer, input);
  }

  @Mutation(() => Boolean, { description: 'Admins only: ends a suspension or a ban early.' })
  @ModeratorOnly()
  liftSanction(@Arg('input') input: LiftSanctionInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.sanctions.lift(viewer, input.memberId, input.reason);
  }

  @Mutation(() => MemberType, { description: 'Admins only: grants or revokes a role.' })
  @ModeratorOnly()
  setRole(
    @Arg('memberId', { type: () => ID }) memberId: string,
    @Arg('role', { type: () => Role }) role: Role,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AccountEntity> {
    return this.sanctions.setRole(viewer, memberId, role);
  }

  @Mutation(() => ThreadType)
  @ModeratorOnly()
  setThreadLocked(
    @Arg('id', { type: () => ID }) id: string,
    @Arg('locked', { type: () => Boolean }) locked: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PostEntity> {
    return this.threadLocks.setLocked(viewer, id, locked);
  }

  @Mutation(() => Boolean)
  @ActiveMember()
  report(@Arg('input') input: ReportInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.reports.report(viewer, input);
  }

  @Subscription(() => ModerationCaseType, { description: 'Moderators only: every case as it opens or changes, across all API instances.' })
  @ModeratorOnly()
  async moderationCaseChanged(
    @Context() context: GqlContext,
    @Arg('priority', { type: () => CasePriority, nullable: true }) priority: CasePriority | null,
  ): Promise<AsyncIterableIterator<{ moderationCaseChanged: ModerationCaseEntity }>> {
    const sessionId = context.viewer?.sessionId as string;
    const caseIds = await this.events.changes();
    return mapAsync(caseIds, async (caseId) => {
      if (!(await this.queueService.sessionMayModerate(sessionId))) {
        throw new CommonError('FORBIDDEN', 'Your session no longer has access to the moderation queue.');
      }
      const entity = await this.queueService.findCase(caseId);
      if (!entity || (priority && entity.priority !== priority)) return null;
      return { moderationCaseChanged: entity };
    });
  }
}
