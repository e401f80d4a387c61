import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PostEntity } from '../../forum/post.entity';
import { PostKind } from '../../forum/post-status';
import { ThreadEntity } from '../../forum/thread.entity';

/**
 * Moderation's reads and writes of the forum domain's tables (post, thread): what reports
 * and thread locks change. Gathered here so that moving them behind the forum's own
 * repository later is a change to this file alone. All run in the caller's transaction.
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
