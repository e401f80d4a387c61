import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import { AccountType } from '../accounts/account.type';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import { isModerator, Viewer } from '../common/auth/viewer';
import { CommonError } from '../common/errors/common.errors';
import type { Page } from '../common/pagination/cursor';
import type { PostEntity } from './post.entity';
import { PostsService } from './posts.service';
import { PostConnection } from './thread.type';

/** `Account.posts`: the member's own posts of every status, newest first. */
@Resolver(() => AccountType)
export class AccountPostsResolver {
  constructor(private readonly postsService: PostsService) {}

  @ResolveField(() => PostConnection)
  posts(
    @Parent() account: AccountType,
    @CurrentViewer() viewer: Viewer | null,
    @Arg('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<PostEntity>> {
    // Account is the owner's view; never list someone else's unpublished posts.
    if (viewer === null || (viewer.accountId !== account.id && !isModerator(viewer))) {
      throw new CommonError('FORBIDDEN', 'Only the account owner can list these posts.');
    }
    return this.postsService.byAuthor(account.id, first, after);
  }
}
