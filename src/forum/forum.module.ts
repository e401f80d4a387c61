import { Module } from '@nestjs/common';
import { AccountPostsResolver } from './account-posts.resolver';
import { ForumCoreModule } from './forum-core.module';
import { ForumLoadersFactory } from './forum.loaders';
import { PostFields } from './post-fields';
import { PostingRateLimitService } from './posting-rate-limit.service';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';
import { ReactionsService } from './reactions.service';
import { RepliesResolver } from './replies.resolver';
import { RepliesService } from './replies.service';
import { SearchService } from './search.service';
import { SpacesResolver } from './spaces.resolver';
import { SpacesService } from './spaces.service';
import { ThreadsResolver } from './threads.resolver';
import { ThreadsService } from './threads.service';

/**
 * Spaces, threads, replies, reactions, feed and search. The screening queue and crisis
 * resources come from the global ScreeningModule; the post state machine from ForumCoreModule.
 */
@Module({
  imports: [ForumCoreModule],
  providers: [
    ForumLoadersFactory,
    PostFields,
    PostingRateLimitService,
    SpacesService,
    ThreadsService,
    RepliesService,
    PostsService,
    ReactionsService,
    SearchService,
    SpacesResolver,
    ThreadsResolver,
    RepliesResolver,
    PostsResolver,
    AccountPostsResolver,
  ],
  exports: [ForumCoreModule, ForumLoadersFactory, PostFields, SpacesService, ThreadsService, RepliesService, PostsService, ReactionsService, SearchService],
})
export class ForumModule {}
