import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { PostEntity } from '../forum/post.entity';
import { PostKind } from '../forum/post-status';
import { ThreadEntity } from '../forum/thread.entity';
import { AuditLogService } from '../audit/audit-log.service';
import { moderationErrors } from './moderation.errors';
import { isUuid } from '../common/validation/uuid';

/** Locking a thread stops new replies (the forum's reply refuses with THREAD_LOCKED); reading is unaffected. */
@Injectable()
export class ThreadLockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  async setLocked(viewer: Viewer, threadId: string, locked: boolean): Promise<PostEntity> {
    if (!isUuid(threadId)) throw moderationErrors.threadNotFound();
    return this.dataSource.transaction(async (manager) => {
      const thread = await manager.findOne(ThreadEntity, { where: { id: threadId }, lock: { mode: 'pessimistic_write' } });
      const post = await manager.findOneBy(PostEntity, { id: threadId, kind: PostKind.THREAD });
      if (!thread || !post) throw moderationErrors.threadNotFound();
      if (thread.locked !== locked) {
        await manager.update(ThreadEntity, { id: threadId }, { locked });
        await this.audit.record(manager, { action: locked ? 'LOCK' : 'UNLOCK', postId: threadId, moderatorId: viewer.accountId });
      }
      return post;
    });
  }
}
