import { Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import { ActiveMember } from '../common/auth/auth.guard';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import type { Page } from '../common/pagination/cursor';
import { EditPostInput } from './edit-post.input';
import type { PostEntity } from './post.entity';
import { PostInterface } from './post.type';
import { PostsService } from './posts.service';
import { ReactInput } from './react.input';
import { ReactionsService } from './reactions.service';
import { SearchService } from './search.service';
import { PostConnection } from './thread.type';
import { PublicContent } from '../common/graphql/cache-hints';

/** Operations on any post (thread or reply) by its one id, and search. */
@Resolver(() => PostInterface)
export class PostsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly reactions: ReactionsService,
    private readonly searchService: SearchService,
  ) {}

  @PublicContent()
  @Query(() => PostConnection, { description: 'Full-text search over published threads and replies.' })
  search(
    @Arg('query', { type: () => String }) query: string,
    @Arg('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<Page<PostEntity>> {
    return this.searchService.search(query, first, after, viewer?.accountId ?? null);
  }

  @Mutation(() => PostInterface)
  @ActiveMember()
  editPost(@Arg('input') input: EditPostInput, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.posts.edit(viewer, input);
  }

  @Mutation(() => PostInterface)
  @ActiveMember()
  react(@Arg('input') input: ReactInput, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.reactions.react(viewer, input.postId, input.kind);
  }

  @Mutation(() => PostInterface)
  @ActiveMember()
  unreact(@Arg('input') input: ReactInput, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.reactions.unreact(viewer, input.postId, input.kind);
  }
}
