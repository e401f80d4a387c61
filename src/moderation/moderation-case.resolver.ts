import { Inject } from '@nestjs/common';
import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import type { AccountEntity } from '../accounts/account.entity';
import { MemberType } from '../accounts/member.type';
import type { GqlContext } from '../common/graphql/gql-context';
import { pageSize } from '../common/pagination/cursor';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import type { PostEntity } from '../forum/post.entity';
import { PostInterface } from '../forum/post.type';
import type { CaseReasonEntity } from './case-reason.entity';
import { claimIsLive, effectiveStatus } from './claim-rules';
import type { ModerationActionEntity } from '../audit/moderation-action.entity';
import { CaseStatus } from './case-vocabulary';
import { ModerationCaseEntity } from './moderation-case.entity';
import { ModerationLoaderSources, moderationLoaders } from './moderation.loaders';
import { CaseReasonType, ModerationActionType, ModerationCaseType } from './moderation.types';
import { ModerationCasesRepository } from './repositories/moderation-cases.repository';
import { ReportsRepository } from './repositories/reports.repository';

export const AUTHOR_CASES_DEFAULT = 10;

/**
 * The fields of a case beyond its row, each through a per-request loader. Only moderators
 * reach a case (every root that returns one is guarded), so the post is shown whatever its
 * status, with its author's pseudonym: nothing more about a person exists to show.
 */
@Resolver(() => ModerationCaseType)
export class ModerationCaseResolver {
  private readonly loaderSources: ModerationLoaderSources;

  constructor(
    cases: ModerationCasesRepository,
    reports: ReportsRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {
    this.loaderSources = { cases, reports };
  }

  @ResolveField(() => PostInterface)
  async post(@Parent() entity: ModerationCaseEntity, @Context() context: GqlContext): Promise<PostEntity> {
    const post = await context.loaders.forum.postById.load(entity.postId);
    if (!post) throw new Error(`post ${entity.postId} of case ${entity.id} is missing`);
    return post;
  }

  @ResolveField(() => MemberType, { nullable: true, description: "The post's author (null where the account was deleted)." })
  async author(@Parent() entity: ModerationCaseEntity, @Context() context: GqlContext): Promise<AccountEntity | null> {
    const post = await context.loaders.forum.postById.load(entity.postId);
    return post?.authorId ? context.loaders.accounts.accountById.load(post.authorId) : null;
  }

  @ResolveField(() => CaseStatus, { description: 'A claim that ran out shows as OPEN: anyone may take the case.' })
  status(@Parent() entity: ModerationCaseEntity): CaseStatus {
    return effectiveStatus(entity, new Date());
  }

  @ResolveField(() => MemberType, { nullable: true })
  async claimedBy(@Parent() entity: ModerationCaseEntity, @Context() context: GqlContext): Promise<AccountEntity | null> {
    if (!claimIsLive(entity, new Date()) || entity.claimedById === null) return null;
    return context.loaders.accounts.accountById.load(entity.claimedById);
  }

  @ResolveField(() => Date, { nullable: true })
  claimExpiresAt(@Parent() entity: ModerationCaseEntity): Date | null {
    return claimIsLive(entity, new Date()) ? entity.claimExpiresAt : null;
  }

  @ResolveField(() => [CaseReasonType])
  reasons(@Parent() entity: ModerationCaseEntity, @Context() context: GqlContext): Promise<CaseReasonEntity[]> {
    return moderationLoaders(context, this.loaderSources).reasonsByCase.load(entity.id);
  }

  @ResolveField(() => Int)
  reportCount(@Parent() entity: ModerationCaseEntity, @Context() context: GqlContext): Promise<number> {
    return moderationLoaders(context, this.loaderSources).reportCountByCase.load(entity.id);
  }

  @ResolveField(() => [ModerationCaseType], {
    description: "The same author's other cases, newest first: what they have been held or reported for before.",
  })
  authorCases(
    @Parent() entity: ModerationCaseEntity,
    @Context() context: GqlContext,
    @Arg('first', { type: () => Int, nullable: true, defaultValue: AUTHOR_CASES_DEFAULT }) first: number | null,
  ): Promise<ModerationCaseEntity[]> {
    const limit = pageSize(first, AUTHOR_CASES_DEFAULT, this.config.limits.pageSizeMax);
    return moderationLoaders(context, this.loaderSources).otherCasesOfAuthor.load({ caseId: entity.id, limit });
  }

  @ResolveField(() => [ModerationActionType])
  history(@Parent() entity: ModerationCaseEntity, @Context() context: GqlContext): Promise<ModerationActionEntity[]> {
    return moderationLoaders(context, this.loaderSources).historyByCase.load(entity.id);
  }
}

@Resolver(() => ModerationActionType)
export class ModerationActionResolver {
  @ResolveField(() => MemberType, { nullable: true, description: 'Null for the system (screening, the CLI).' })
  moderator(@Parent() action: ModerationActionEntity, @Context() context: GqlContext): Promise<AccountEntity | null> | null {
    return action.moderatorId ? context.loaders.accounts.accountById.load(action.moderatorId) : null;
  }
}
