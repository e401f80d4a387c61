import { isRedacted } from './post-fields';
import { ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import { ActiveMember } from '../common/auth/auth.guard';
import { CurrentViewer, Loaders } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import type { Loaders as RequestLoaders } from '../common/graphql/loaders';
import type { Page } from '../common/pagination/cursor';
import type { PostEntity } from './post.entity';
import { canViewPost } from './post-visibility';
import { activityTimeFor } from './post-times';
import { RepliesService } from './replies.service';
import { SpaceType } from './space.type';
import type { SpaceEntity } from './space.entity';
import { StartThreadInput } from './start-thread.input';
import type { ThreadEntity } from './thread.entity';
import { ReplyConnection, ThreadConnection, ThreadType } from './thread.type';
import { ThreadPage, ThreadsService } from './threads.service';
import { PublicContent } from '../common/graphql/cache-hints';
import { Pathway } from '../accounts/pathway';

/** Puts a page's threads and posts in the request's loaders: the page's fields then cost no more queries. */
export function primeThreadPage(loaders: RequestLoaders, result: ThreadPage): Page<PostEntity> {
  for (const thread of result.threads) loaders.forum.threadById.prime(thread.id, thread);
  for (const edge of result.page.edges) loaders.forum.postById.prime(edge.node.id, edge.node);
  return result.page;
}

@Resolver(() => ThreadType)
export class ThreadsResolver {
  constructor(
    private readonly threadsService: ThreadsService,
    private readonly repliesService: RepliesService,
  ) {}

  @PublicContent()
  @Query(() => ThreadConnection, { description: 'Published threads across all spaces, most recent activity first.' })
  async threads(
    @Loaders() loaders: RequestLoaders,
    @Arg('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', { type: () => String, nullable: true }) after: string | null,
    @Arg('spaceSlug', { type: () => String, nullable: true }) spaceSlug: string | null,
    @Arg('pathway', { type: () => Pathway, nullable: true, description: 'Only threads tagged with this pathway.' }) pathway: Pathway | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<Page<PostEntity>> {
    return primeThreadPage(loaders, await this.threadsService.feed({ first, after, spaceSlug, pathway, viewer }));
  }

  @Query(() => ThreadType, { nullable: true })
  thread(@Arg('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer | null): Promise<PostEntity | null> {
    return this.threadsService.findVisible(id, viewer);
  }

  @Mutation(() => ThreadType)
  @ActiveMember()
  startThread(@Arg('input') input: StartThreadInput, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.threadsService.startThread(viewer, input);
  }

  private async threadOf(post: PostEntity, loaders: RequestLoaders): Promise<ThreadEntity> {
    const thread = await loaders.forum.threadById.load(post.id);
    if (!thread) throw new Error(`thread row missing for post ${post.id}`);
    return thread;
  }

  @ResolveField(() => SpaceType)
  async space(@Parent() post: PostEntity, @Loaders() loaders: RequestLoaders): Promise<SpaceEntity> {
    const thread = await this.threadOf(post, loaders);
    const space = await loaders.forum.spaceById.load(thread.spaceId);
    if (!space) throw new Error(`space ${thread.spaceId} missing for thread ${post.id}`);
    return space;
  }

  @ResolveField(() => [Pathway], { description: 'The pathways the author chose for this thread; none unless chosen.' })
  async pathways(@Parent() post: PostEntity, @Loaders() loaders: RequestLoaders): Promise<Pathway[]> {
    if (isRedacted(post)) return [];
    return (await this.threadOf(post, loaders)).pathways;
  }

  @ResolveField(() => Boolean)
  async locked(@Parent() post: PostEntity, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return (await this.threadOf(post, loaders)).locked;
  }

  @ResolveField(() => Int, { description: 'Published replies.' })
  async replyCount(@Parent() post: PostEntity, @Loaders() loaders: RequestLoaders): Promise<number> {
    if (isRedacted(post)) return 0;
    return loaders.forum.replyCountByThread.load(post.id);
  }

  @ResolveField(() => Date)
  async lastActivityAt(
    @Parent() post: PostEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Date> {
    if (isRedacted(post)) return activityTimeFor(post.createdAt, viewer);
    return activityTimeFor((await this.threadOf(post, loaders)).lastActivityAt, viewer);
  }

  @ResolveField(() => ReplyConnection)
  async replies(
    @Parent() post: PostEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Arg('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<PostEntity>> {
    // A redacted thread (see PostFields.redactUnlessVisible) shows no replies.
    if (!canViewPost(post, viewer)) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    return this.repliesService.list(post.id, viewer, first, after);
  }
}
