import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../../common/auth/viewer';
import { ConnectionsRepository, ConnectionTable } from './connections.repository';

/**
 * The viewer's own marks on what a page shows (Thread.following, Thread.muted, Post.bookmarked,
 * Space.muted): one statement per mark per page, whatever its size; none signed out, where
 * every answer is false (so a signed-out answer stays the same for everyone, and cacheable).
 */
export interface ConnectionLoaders {
  followingThread: DataLoader<string, boolean>;
  mutedThread: DataLoader<string, boolean>;
  mutedSpace: DataLoader<string, boolean>;
  bookmarkedPost: DataLoader<string, boolean>;
}

@Injectable()
export class ConnectionLoadersFactory {
  constructor(private readonly connections: ConnectionsRepository) {}

  create(viewer: Viewer | null): ConnectionLoaders {
    const marks = (table: ConnectionTable): DataLoader<string, boolean> =>
      new DataLoader(async (ids) => {
        if (viewer === null) return ids.map(() => false);
        const present = await this.connections.whichOf(table, viewer.accountId, ids);
        return ids.map((id) => present.has(id));
      });
    return {
      followingThread: marks('thread_follow'),
      mutedThread: marks('thread_mute'),
      mutedSpace: marks('space_mute'),
      bookmarkedPost: marks('post_bookmark'),
    };
  }
}

declare module '../../common/graphql/loaders' {
  interface Loaders {
    connections: ConnectionLoaders;
  }
}
