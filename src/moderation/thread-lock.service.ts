import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import type { PostEntity } from '../forum/post.entity';
import { AuditLogService } from '../audit/audit-log.service';
import { moderationErrors } from './moderation.errors';
import { isUuid } from '../common/validation/uuid';
import { ModeratedPostsRepository } from '../forum/repositories/moderated-posts.repository';

/** Locking a thread stops new replies (the forum's reply refuses with THREAD_LOCKED); reading is unaffected. */
@Injectable()
export class ThreadLockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly posts: ModeratedPostsRepository,
    private readonly audit: AuditLogService,
  ) {}

  async setLocked(viewer: Viewer, threadId: string, locked: boolean): Promise<PostEntity> {
    if (!isUuid(threadId)) throw moderationErrors.threadNotFound();
    return this.dataSource.transaction(async (manager) => {
      const thread = await this.posts.lockThread(manager, threadId);
      const post = await this.posts.findOpeningPost(manager, threadId);
      if (!thread || !post) throw moderationErrors.threadNotFound();
      if (thread.locked !== locked) {
        await this.posts.setThreadLocked(manager, threadId, locked);
        await this.audit.record(manager, { action: locked ? 'LOCK' : 'UNLOCK', postId: threadId, moderatorId: viewer.accountId });
      }
      return post;
    });
  }
}
