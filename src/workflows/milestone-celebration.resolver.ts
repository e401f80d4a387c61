import { Field, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';
import { ActiveMember } from '../common/auth/auth.guard';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import { Arg } from '../common/validation/arg.decorator';
import type { PostEntity } from '../forum/post.entity';
import { StartThreadInput } from '../forum/start-thread.input';
import { ThreadType } from '../forum/thread.type';
import { MilestoneCelebrationWorkflow } from './milestone-celebration.workflow';

@InputType('ShareMilestoneInput', { description: 'A celebration thread for a reached milestone; the words are the member’s own.' })
export class ShareMilestoneInput extends StartThreadInput {
  @Field(() => Int, { description: 'The days of a milestone in Account.progress.milestonesReached.' })
  @IsInt()
  @Min(1)
  days!: number;
}

/** shareMilestone: one workflow call. */
@Resolver()
export class MilestoneCelebrationResolver {
  constructor(private readonly celebration: MilestoneCelebrationWorkflow) {}

  @Mutation(() => ThreadType, {
    description: 'Starts a celebration thread for a milestone the member has reached: PENDING and screened like any post.',
  })
  @ActiveMember()
  shareMilestone(@CurrentViewer() viewer: Viewer, @Arg('input') input: ShareMilestoneInput): Promise<PostEntity> {
    return this.celebration.share(viewer, input);
  }
}
