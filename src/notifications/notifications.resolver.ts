import { GraphQLISODateTime, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import { AccountType } from '../accounts/account.type';
import { CurrentViewer, Loaders as RequestLoaders } from '../common/auth/current-viewer.decorator';
import { SignedIn } from '../common/auth/auth.guard';
import type { Viewer } from '../common/auth/viewer';
import type { Loaders } from '../common/graphql/loaders';
import { PostEntity } from '../forum/post.entity';
import { canViewPost, hiddenAuthorsOf } from '../forum/post-visibility';
import { PostInterface } from '../forum/post.type';
import { toMinute } from '../forum/post-times';
import { NotificationConnectionType, NotificationType } from './notification.type';
import { NotificationsQueryService } from './notifications-query.service';

@Resolver(() => AccountType)
export class AccountNotificationsResolver {
  constructor(private readonly inbox: NotificationsQueryService) {}

  @ResolveField(() => NotificationConnectionType)
  notifications(
    @Parent() account: AccountType,
    @Arg('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', { type: () => String, nullable: true }) after: string | null,
    @Arg('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<NotificationConnectionType> {
    // The owner's blocks hide notices about the members they stand between (issue 10).
    const hidden = viewer?.accountId === account.id ? hiddenAuthorsOf(viewer) : null;
    return this.inbox.page(account.id, { first, after, unreadOnly }, hidden);
  }
}

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsQueryService) {}

  @ResolveField(() => PostInterface, { nullable: true })
  async post(
    @Parent() notification: NotificationType,
    @RequestLoaders() loaders: Loaders,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<PostEntity | null> {
    if (!notification.postId) return null;
    const post = await loaders.forum.postById.load(notification.postId);
    return post && canViewPost(post, viewer) ? post : null;
  }

  /** A reply notification is written as the reply is published: its exact time would be the reply's. */
  @ResolveField(() => GraphQLISODateTime)
  createdAt(@Parent() notification: NotificationType): Date {
    return toMinute(notification.createdAt);
  }

  @SignedIn()
  @Mutation(() => Int, { description: 'Marks the given notifications read, or all of them when ids is omitted; returns how many changed.' })
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    @Arg('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
  ): Promise<number> {
    return this.notifications.markRead(viewer.accountId, ids);
  }
}
