import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../common/auth/viewer';
import type { PostEntity } from './post.entity';
import { ReactionCount, reactionCounts } from './reaction-counts';
import { PostsRepository } from './repositories/posts.repository';
import { ReactionsRepository } from './repositories/reactions.repository';
import { SpacesRepository } from './repositories/spaces.repository';
import { ThreadsRepository } from './repositories/threads.repository';
import type { SpaceEntity } from './space.entity';
import type { ThreadEntity } from './thread.entity';

/**
 * The forum's per-request DataLoaders: one SQL statement per relation per page, whatever
 * the page size. Created per request (and so per viewer): `reactionsByPost` answers
 * viewerReacted for the viewer the loaders were made for.
 */
export interface ForumLoaders {
  spaceById: DataLoader<string, SpaceEntity | null>;
  threadById: DataLoader<string, ThreadEntity | null>;
  postById: DataLoader<string, PostEntity | null>;
  /** Published, not hidden replies per thread id. */
  replyCountByThread: DataLoader<string, number>;
  /** All three kinds per post id, with counts and whether this viewer reacted. */
  reactionsByPost: DataLoader<string, ReactionCount[]>;
  /** Published, not hidden threads per space id. */
  threadCountBySpace: DataLoader<string, number>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

@Injectable()
export class ForumLoadersFactory {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly reactions: ReactionsRepository,
  ) {}

  create(viewer: Viewer | null): ForumLoaders {
    return {
      spaceById: new DataLoader(async (ids) => byId(ids, await this.spaces.findByIds(ids))),
      threadById: new DataLoader(async (ids) => byId(ids, await this.threads.findByIds(ids))),
      postById: new DataLoader(async (ids) => byId(ids, await this.posts.findByIds(ids))),
      replyCountByThread: new DataLoader((ids) => this.posts.publicReplyCounts(ids)),
      threadCountBySpace: new DataLoader((ids) => this.threads.publicThreadCounts(ids)),
      reactionsByPost: new DataLoader(async (ids) => {
        const tallies = await this.reactions.talliesByPost(ids, viewer?.accountId ?? null);
        return ids.map((id) => reactionCounts(tallies.filter((tally) => tally.postId === id)));
      }),
    };
  }
}

declare module '../common/graphql/loaders' {
  interface Loaders {
    forum: ForumLoaders;
  }
}
