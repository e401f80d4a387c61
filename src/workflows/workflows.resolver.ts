import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { ActiveMember, ModeratorOnly } from '../common/auth/auth.guard';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import type { PostEntity } from '../forum/post.entity';
import { PostInterface } from '../forum/post.type';
import type { ModerationCaseEntity } from '../moderation/moderation-case.entity';
import { ModerationCaseType, ResolveCaseInput } from '../moderation/moderation.types';
import { CaseResolutionWorkflow } from './case-resolution.workflow';
import { PostWithdrawalWorkflow } from './post-withdrawal.workflow';

/** The mutations whose transactions cross domains; each calls one workflow. */
@Resolver()
export class WorkflowsResolver {
  constructor(
    private readonly withdrawal: PostWithdrawalWorkflow,
    private readonly caseResolution: CaseResolutionWorkflow,
  ) {}

  @Mutation(() => PostInterface)
  @ActiveMember()
  withdrawPost(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.withdrawal.withdraw(viewer, id);
  }

  @Mutation(() => ModerationCaseType)
  @ModeratorOnly()
  resolveCase(@Args('input') input: ResolveCaseInput, @CurrentViewer() viewer: Viewer): Promise<ModerationCaseEntity> {
    return this.caseResolution.resolve(viewer, input);
  }
}
