import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AccountEntity } from '../accounts/account.entity';
import { MemberType } from '../accounts/member.type';
import { CurrentViewer, Loaders } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import type { Loaders as RequestLoaders } from '../common/graphql/loaders';
import { CrisisResourcesService } from '../screening/crisis-resources.service';
import { ScreeningFeedbackType, toScreeningFeedback } from '../screening/graphql/screening-feedback.type';
import type { PostEntity } from './post.entity';
import { PostInterface } from './post.type';
import { canSeeScreening, canViewPost } from './post-visibility';
import { ReactionCountType } from './reaction-count.type';
import { ReactionCount, reactionCounts } from './reaction-counts';
import { PostStatus } from './post-status';
import { postTimeFor } from './post-times';

/** Placeholders made by redactUnlessVisible: their counts and activity stay hidden too. */
const REDACTED = new WeakSet<PostEntity>();

export function isRedacted(post: PostEntity): boolean {
  return REDACTED.has(post);
}

/**
 * The Post interface's fields that need the viewer or a relation, resolved once on the
 * interface: @nestjs/graphql gives these resolvers to every implementing type (Thread and
 * Reply), wherever the post comes from (feed, search, notifications, moderation cases).
 */
@Resolver(() => PostInterface)
export class PostFields {
  constructor(private readonly crisisResources: CrisisResourcesService) {}

  /** The author's account (the Member type's parent object), null when anonymized or gone. */
  @ResolveField(() => MemberType, { nullable: true })
  async author(@Parent() post: PostEntity, @Loaders() loaders: RequestLoaders): Promise<AccountEntity | null> {
    if (post.authorId === null) return null;
    return loaders.accounts.accountById.load(post.authorId);
  }

  @ResolveField(() => [ReactionCountType])
  async reactions(@Parent() post: PostEntity, @Loaders() loaders: RequestLoaders): Promise<ReactionCount[]> {
    if (isRedacted(post)) return reactionCounts([]);
    return loaders.forum.reactionsByPost.load(post.id);
  }

  /**
   * Author and moderators only, and only once the current revision was screened: an older
   * revision's verdict says nothing about the text now under review.
   */
  @ResolveField(() => ScreeningFeedbackType, { nullable: true })
  screening(@Parent() post: PostEntity, @CurrentViewer() viewer: Viewer | null): ScreeningFeedbackType | null {
    if (!canSeeScreening(post, viewer) || post.screening === null || post.screening === undefined) return null;
    if (post.screening.revision !== post.revision) return null;
    return toScreeningFeedback(post.screening, this.crisisResources.list());
  }

  // Exact to the author and moderators, to the minute for everyone else (post-times.ts).
  @ResolveField(() => Date)
  createdAt(@Parent() post: PostEntity, @CurrentViewer() viewer: Viewer | null): Date {
    return postTimeFor(post.createdAt, post, viewer) as Date;
  }

  @ResolveField(() => Date, { nullable: true })
  publishedAt(@Parent() post: PostEntity, @CurrentViewer() viewer: Viewer | null): Date | null {
    return postTimeFor(post.publishedAt, post, viewer);
  }

  @ResolveField(() => Date, { nullable: true })
  editedAt(@Parent() post: PostEntity, @CurrentViewer() viewer: Viewer | null): Date | null {
    return postTimeFor(post.editedAt, post, viewer);
  }

  @ResolveField(() => Boolean)
  viewerIsAuthor(@Parent() post: PostEntity, @CurrentViewer() viewer: Viewer | null): boolean {
    return viewer !== null && post.authorId !== null && post.authorId === viewer.accountId;
  }

  /**
   * A related post (a reply's thread) as this viewer may see it: as it is when visible,
   * otherwise a placeholder with the same id and status but no words and no author, so a
   * member's own reply in a since-removed thread never reveals that thread's text.
   */
  redactUnlessVisible(post: PostEntity, viewer: Viewer | null): PostEntity {
    if (canViewPost(post, viewer)) return post;
    const placeholder = Object.assign(Object.create(Object.getPrototypeOf(post) as object) as PostEntity, post, {
      title: 'This thread is no longer available',
      body: '',
      authorId: null,
      contentWarnings: [],
      screening: null,
      // Whether it was held, reported or removed is moderation state: not for other members.
      status: PostStatus.REMOVED,
      hiddenByReports: false,
      publishedAt: null,
      editedAt: null,
    });
    REDACTED.add(placeholder);
    return placeholder;
  }
}
