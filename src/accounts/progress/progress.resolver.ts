import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../../common/auth/auth.guard';
import { CurrentViewer } from '../../common/auth/current-viewer.decorator';
import type { Viewer } from '../../common/auth/viewer';
import { Arg } from '../../common/validation/arg.decorator';
import { AccountType } from '../account.type';
import { ProgressService } from './progress.service';
import { ProgressType } from './progress.type';

/** Account.progress and the came-back mutations. Thin: the rules are in ProgressService. */
@Resolver(() => AccountType)
export class ProgressResolver {
  constructor(private readonly progress: ProgressService) {}

  @ResolveField('progress', () => ProgressType, {
    nullable: true,
    description: 'Recovery progress, for the owner only; null until a recovery or medication start is recorded.',
  })
  async progressField(@Parent() parent: AccountType): Promise<ProgressType | null> {
    const progress = await this.progress.progressOf(parent.account);
    return progress && { ...progress, comebacks: progress.comebackDates.length };
  }

  @SignedIn()
  @Mutation(() => AccountType, {
    description: 'Records a day the member came back to recovery (YYYY-MM-DD): a new current stretch; the total never resets.',
  })
  async recordComeback(@CurrentViewer() viewer: Viewer, @Arg('date', { type: () => String }) date: string): Promise<AccountType> {
    return AccountType.of(await this.progress.recordComeback(viewer, date));
  }

  @SignedIn()
  @Mutation(() => AccountType, { description: 'Removes a came-back day the member recorded.' })
  async removeComeback(@CurrentViewer() viewer: Viewer, @Arg('date', { type: () => String }) date: string): Promise<AccountType> {
    return AccountType.of(await this.progress.removeComeback(viewer, date));
  }
}
