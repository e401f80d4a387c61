import { Module } from '@nestjs/common';
import { ConnectionsRepository } from '../connections/connections.repository';
import { ModeratedPostsRepository } from './moderated-posts.repository';
import { PostingWindowsRepository } from './posting-windows.repository';
import { PostsRepository } from './posts.repository';
import { ReactionsRepository } from './reactions.repository';
import { SearchRepository } from './search.repository';
import { SpacesRepository } from './spaces.repository';
import { ThreadsRepository } from './threads.repository';

const REPOSITORIES = [
  PostsRepository,
  ThreadsRepository,
  SpacesRepository,
  ReactionsRepository,
  SearchRepository,
  PostingWindowsRepository,
  ModeratedPostsRepository,
  ConnectionsRepository,
];

/** All of the forum's SQL: one repository per table the forum owns. */
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class ForumRepositoriesModule {}
