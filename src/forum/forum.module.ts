import { Module } from '@nestjs/common';
import { ScreeningModule } from '../screening/screening.module';
import { AccountPostsResolver } from './account-posts.resolver';
import { ConnectionsModule } from './connections/connections.module';
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
import { ContentPreferencesRepository } from './content-preferences/content-preferences.repository';
import { ContentPreferencesResolver } from './content-preferences/content-preferences.resolver';
import { ContentPreferencesService } from './content-preferences/content-preferences.service';

/** What the forum's own resolvers use and other modules (GraphQL context, workflows) may too. */
const SHARED = [
  ForumLoadersFactory,
  PostFields,
  SpacesService,
  ThreadsService,
  RepliesService,
  PostsService,
  ReactionsService,
  SearchService,
];

/**
 * Spaces, threads, replies, reactions, feed and search. Posts are queued for screening
 * after their commit (ScreeningModule); the post state machine is ForumCoreModule's.
 */
@Module({
  imports: [ForumCoreModule, ScreeningModule, ConnectionsModule],
  providers: [
    ...SHARED,
    PostingRateLimitService,
    SpacesResolver,
    ThreadsResolver,
    RepliesResolver,
    PostsResolver,
    AccountPostsResolver,
    ContentPreferencesRepository,
    ContentPreferencesService,
    ContentPreferencesResolver,
  ],
  exports: [ForumCoreModule, ConnectionsModule, ...SHARED, ContentPreferencesRepository],
})
export class ForumModule {}
