import { ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AccountEntity } from '../../accounts/account.entity';
import { AccountType } from '../../accounts/account.type';
import { MemberType } from '../../accounts/member.type';
import { SignedIn } from '../../common/auth/auth.guard';
import { CurrentViewer, Loaders } from '../../common/auth/current-viewer.decorator';
import type { Viewer } from '../../common/auth/viewer';
import { CommonError } from '../../common/errors/common.errors';
import type { Loaders as RequestLoaders } from '../../common/graphql/loaders';
import type { Page } from '../../common/pagination/cursor';
import { Arg } from '../../common/validation/arg.decorator';
import type { PostEntity } from '../post.entity';
import { PostInterface } from '../post.type';
import type { SpaceEntity } from '../space.entity';
import { SpaceType } from '../space.type';
import { PostConnection, ThreadType } from '../thread.type';
import { ConnectionsService } from './connections.service';

/*
 * Every field here is about the viewer, so none carries a cache hint of its own. Only
 * signed-out requests are ever cached, and to them each mark is false and each list forbidden,
 * the same for every signed-out reader.
 */

function ownerOnly(account: AccountType, viewer: Viewer | null): Viewer {
  if (viewer === null || viewer.accountId !== account.id) throw new CommonError('FORBIDDEN', 'Only the account owner can see this.');
  return viewer;
}

/** Follow, bookmark, mute and block: the mutations, and the viewer's lists on Account. */
@Resolver(() => AccountType)
export class ConnectionsResolver {
  constructor(private readonly connections: ConnectionsService) {}

  @SignedIn()
  @Mutation(() => ThreadType, { description: 'Follow a thread: you are notified of each reply published in it.' })
  followThread(@Arg('threadId', { type: () => ID }) threadId: string, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.connections.followThread(viewer, threadId);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Stop following a thread; false when you were not following it.' })
  unfollowThread(@Arg('threadId', { type: () => ID }) threadId: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.connections.unfollowThread(viewer, threadId);
  }

  @SignedIn()
  @Mutation(() => PostInterface, { description: 'Keep a thread or a reply to read later.' })
  bookmarkPost(@Arg('postId', { type: () => ID }) postId: string, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.connections.bookmarkPost(viewer, postId);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Remove a bookmark; false when there was none.' })
  unbookmarkPost(@Arg('postId', { type: () => ID }) postId: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.connections.unbookmarkPost(viewer, postId);
  }

  @SignedIn()
  @Mutation(() => ThreadType, { description: 'Mute a thread: it leaves your feed and brings no notifications. Its page still opens.' })
  muteThread(@Arg('threadId', { type: () => ID }) threadId: string, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.connections.muteThread(viewer, threadId);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Unmute a thread; false when it was not muted.' })
  unmuteThread(@Arg('threadId', { type: () => ID }) threadId: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.connections.unmuteThread(viewer, threadId);
  }

  @SignedIn()
  @Mutation(() => SpaceType, {
    description: "Mute a space: its threads leave your feed and bring no notifications. The space's page still opens.",
  })
  muteSpace(@Arg('spaceId', { type: () => ID }) spaceId: string, @CurrentViewer() viewer: Viewer): Promise<SpaceEntity> {
    return this.connections.muteSpace(viewer, spaceId);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Unmute a space; false when it was not muted.' })
  unmuteSpace(@Arg('spaceId', { type: () => ID }) spaceId: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.connections.unmuteSpace(viewer, spaceId);
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description:
      'Block a member: neither of you sees the other’s threads or replies, and neither is notified about the other. They are not told.',
  })
  blockMember(@Arg('memberId', { type: () => ID }) memberId: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.connections.blockMember(viewer, memberId);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Lift a block; false when there was none.' })
  unblockMember(@Arg('memberId', { type: () => ID }) memberId: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.connections.unblockMember(viewer, memberId);
  }

  @ResolveField(() => PostConnection, { description: 'Your bookmarks that you can still see, newest first.' })
  bookmarks(
    @Parent() account: AccountType,
    @CurrentViewer() viewer: Viewer | null,
    @Arg('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<PostEntity>> {
    return this.connections.bookmarks(ownerOnly(account, viewer), first, after);
  }

  @ResolveField(() => [MemberType], { description: 'The members you blocked, newest first.' })
  async blockedMembers(
    @Parent() account: AccountType,
    @CurrentViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<AccountEntity[]> {
    const ids = await this.connections.blockedMemberIds(ownerOnly(account, viewer));
    const members = await loaders.accounts.accountById.loadMany(ids);
    return members.filter((member): member is AccountEntity => member !== null && !(member instanceof Error));
  }
}

@Resolver(() => ThreadType)
export class ThreadConnectionFields {
  @ResolveField(() => Boolean, { description: 'Whether you follow this thread (false signed out).' })
  following(@Parent() thread: PostEntity, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return loaders.connections.followingThread.load(thread.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether you muted this thread (false signed out). See also Space.muted.' })
  muted(@Parent() thread: PostEntity, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return loaders.connections.mutedThread.load(thread.id);
  }
}

@Resolver(() => SpaceType)
export class SpaceConnectionFields {
  @ResolveField(() => Boolean, { description: 'Whether you muted this space (false signed out).' })
  muted(@Parent() space: SpaceEntity, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return loaders.connections.mutedSpace.load(space.id);
  }
}

@Resolver(() => PostInterface)
export class PostConnectionFields {
  @ResolveField(() => Boolean, { description: 'Whether you bookmarked this post (false signed out).' })
  bookmarked(@Parent() post: PostEntity, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return loaders.connections.bookmarkedPost.load(post.id);
  }
}
