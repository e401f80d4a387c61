import { Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import { DeleteAccountInput } from '../accounts/account.inputs';
import { SessionCookies } from '../accounts/session-cookies.service';
import { ActiveMember, ModeratorOnly, SignedIn } from '../common/auth/auth.guard';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import type { GqlContext } from '../common/graphql/gql-context';
import type { PostEntity } from '../forum/post.entity';
import { PostInterface } from '../forum/post.type';
import type { ModerationCaseEntity } from '../moderation/moderation-case.entity';
import { ModerationCaseType, ResolveCaseInput } from '../moderation/moderation.types';
import { AccountDeletionWorkflow } from './account-deletion.workflow';
import { CaseResolutionWorkflow } from './case-resolution.workflow';
import { PostWithdrawalWorkflow } from './post-withdrawal.workflow';

/** The mutations whose transactions cross domains; each calls one workflow. */
@Resolver()
export class WorkflowsResolver {
  constructor(
    private readonly withdrawal: PostWithdrawalWorkflow,
    private readonly caseResolution: CaseResolutionWorkflow,
    private readonly accountDeletion: AccountDeletionWorkflow,
    private readonly cookies: SessionCookies,
  ) {}

  @Mutation(() => PostInterface)
  @ActiveMember()
  withdrawPost(@Arg('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.withdrawal.withdraw(viewer, id);
  }

  @Mutation(() => ModerationCaseType)
  @ModeratorOnly()
  resolveCase(@Arg('input') input: ResolveCaseInput, @CurrentViewer() viewer: Viewer): Promise<ModerationCaseEntity> {
    return this.caseResolution.resolve(viewer, input);
  }

  @SignedIn()
  @Mutation(() => Boolean)
  async deleteAccount(
    @CurrentViewer() viewer: Viewer,
    @Arg('input') input: DeleteAccountInput,
    @Context() context: GqlContext,
  ): Promise<boolean> {
    const deleted = await this.accountDeletion.deleteAccount(viewer, input.passphrase, input.mode);
    // The sessions went with the account; the browser's cookies for them go too.
    if (deleted) this.cookies.clear(context.http);
    return deleted;
  }
}
