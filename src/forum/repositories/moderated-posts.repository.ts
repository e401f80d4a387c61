import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PostEntity } from '../post.entity';
import { PostKind } from '../post-status';
import { ThreadEntity } from '../thread.entity';

/**
 * What moderation may read and change of the forum's tables (post, thread): the hiding that
 * reports cause and thread locks. The forum owns its tables, so moderation reaches them only
 * through this repository. All run in the caller's transaction.
 */
@Injectable()
export class ModeratedPostsRepository {
  /** The post under a row lock: reports on one post go one at a time, so a threshold is crossed once. */
  lockPost(manager: EntityManager, postId: string): Promise<PostEntity | null> {
    return manager.findOne(PostEntity, { where: { id: postId }, lock: { mode: 'pessimistic_write' } });
  }

  async hideByReports(manager: EntityManager, postId: string): Promise<void> {
    await manager.update(PostEntity, { id: postId }, { hiddenByReports: true });
  }

  lockThread(manager: EntityManager, threadId: string): Promise<ThreadEntity | null> {
    return manager.findOne(ThreadEntity, { where: { id: threadId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The thread's opening post (it shares the thread's id). */
  findOpeningPost(manager: EntityManager, threadId: string): Promise<PostEntity | null> {
    return manager.findOneBy(PostEntity, { id: threadId, kind: PostKind.THREAD });
  }

  async setThreadLocked(manager: EntityManager, threadId: string, locked: boolean): Promise<void> {
    await manager.update(ThreadEntity, { id: threadId }, { locked });
  }
}
