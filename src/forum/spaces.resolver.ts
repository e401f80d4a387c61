import { Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import { CurrentViewer, Loaders } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import { Pathway } from '../accounts/pathway';
import type { Loaders as RequestLoaders } from '../common/graphql/loaders';
import type { Page } from '../common/pagination/cursor';
import type { PostEntity } from './post.entity';
import type { SpaceEntity } from './space.entity';
import { SpaceType } from './space.type';
import { SpacesService } from './spaces.service';
import { ThreadConnection } from './thread.type';
import { primeThreadPage } from './threads.resolver';
import { ThreadsService } from './threads.service';

@Resolver(() => SpaceType)
export class SpacesResolver {
  constructor(
    private readonly spacesService: SpacesService,
    private readonly threadsService: ThreadsService,
  ) {}

  @Query(() => [SpaceType])
  async spaces(@Loaders() loaders: RequestLoaders): Promise<SpaceEntity[]> {
    const spaces = await this.spacesService.list();
    for (const space of spaces) loaders.forum.spaceById.prime(space.id, space);
    return spaces;
  }

  @Query(() => SpaceType, { nullable: true })
  space(@Arg('slug', { type: () => String }) slug: string): Promise<SpaceEntity | null> {
    return this.spacesService.bySlug(slug);
  }

  @ResolveField(() => Int)
  threadCount(@Parent() space: SpaceEntity, @Loaders() loaders: RequestLoaders): Promise<number> {
    return loaders.forum.threadCountBySpace.load(space.id);
  }

  @ResolveField(() => ThreadConnection)
  async threads(
    @Parent() space: SpaceEntity,
    @Loaders() loaders: RequestLoaders,
    @Arg('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', { type: () => String, nullable: true }) after: string | null,
    @Arg('pathway', { type: () => Pathway, nullable: true, description: 'Only threads tagged with this pathway.' }) pathway: Pathway | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<Page<PostEntity>> {
    return primeThreadPage(loaders, await this.threadsService.feed({ first, after, spaceId: space.id, pathway, viewer }));
  }
}
