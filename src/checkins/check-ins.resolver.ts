import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountType } from '../accounts/account.type';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import { CommonError } from '../common/errors/common.errors';
import type { GqlContext } from '../common/graphql/gql-context';
import type { Page } from '../common/pagination/cursor';
import { Arg } from '../common/validation/arg.decorator';
import type { PostEntity } from '../forum/post.entity';
import { PostInterface } from '../forum/post.type';
import type { CheckInEntity } from './check-in.entity';
import { CheckInConnection, CheckInType } from './check-in.type';
import { CheckInsService, moodWords } from './check-ins.service';

/** `Account.checkIns`: the member's own history, newest first. */
@Resolver(() => AccountType)
export class AccountCheckInsResolver {
  constructor(private readonly service: CheckInsService) {}

  @ResolveField(() => CheckInConnection, { description: 'Your daily check-ins, newest first. Only you can read them.' })
  checkIns(
    @Parent() account: AccountType,
    @CurrentViewer() viewer: Viewer | null,
    @Arg('first', { type: () => Int, nullable: true }) first: number | null,
    @Arg('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<CheckInEntity>> {
    // Private to the member: not even moderators list them (a case shows a moderator the one check-in it is about).
    if (viewer === null || viewer.accountId !== account.id) throw new CommonError('FORBIDDEN', 'Only you can read your check-ins.');
    return this.service.history(account.id, first, after);
  }
}

/** A check-in's fields that come from elsewhere: its words' screening and the reply it was shared as. */
@Resolver(() => CheckInType)
export class CheckInFieldsResolver {
  @ResolveField(() => String, { description: 'The mood in words.' })
  moodWords(@Parent() checkIn: CheckInEntity): string {
    return moodWords(checkIn.mood);
  }

  @ResolveField(() => PostInterface, {
    nullable: true,
    description:
      "The private record of this check-in's words as screening saw them: its status and screening (with crisis resources when the words read as a crisis). Visible to the member and moderators only.",
  })
  screenedPost(@Parent() checkIn: CheckInEntity, @Context() context: GqlContext): Promise<PostEntity | null> {
    return context.loaders.forum.postById.load(checkIn.postId);
  }

  @ResolveField(() => PostInterface, { nullable: true, description: "The reply in the day's check-in thread, when shared." })
  sharedReply(@Parent() checkIn: CheckInEntity, @Context() context: GqlContext): Promise<PostEntity | null> {
    return checkIn.sharedPostId === null ? Promise.resolve(null) : context.loaders.forum.postById.load(checkIn.sharedPostId);
  }
}
