import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { canTransition } from './post-lifecycle';
import { PostEntity } from './post.entity';
import { PostStatus } from './post-status';
import { PostChanges, PostsRepository } from './repositories/posts.repository';
import { ThreadsRepository } from './repositories/threads.repository';

export interface TransitionOptions {
  /** Audit action name, e.g. SCREENED_PUBLISH, APPROVE, REMOVE, WITHDRAW. */
  action: string;
  moderatorId?: string | null;
  caseId?: string | null;
  note?: string | null;
  internalNote?: string | null;
}

export class IllegalTransitionError extends Error {
  constructor(from: PostStatus, to: PostStatus) {
    super(`post cannot move from ${from} to ${to}`);
  }
}

/**
 * The one function through which a post changes state. It checks the lifecycle table,
 * stamps publication, bumps the thread's activity when something is published, and writes
 * the audit trail, all inside the caller's transaction.
 */
@Injectable()
export class PostStateService {
  constructor(
    private readonly audit: AuditLogService,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
  ) {}

  async transition(manager: EntityManager, post: PostEntity, to: PostStatus, options: TransitionOptions): Promise<PostEntity> {
    if (!canTransition(post.status, to)) throw new IllegalTransitionError(post.status, to);
    const now = new Date();
    const changes: PostChanges = { status: to, updatedAt: now };
    if (to === PostStatus.PUBLISHED && post.publishedAt === null) changes.publishedAt = now;
    await this.posts.update(manager, post.id, changes);
    Object.assign(post, changes);

    if (to === PostStatus.PUBLISHED) {
      await this.threads.setLastActivity(manager, post.threadId, now);
    }
    await this.audit.record(manager, {
      action: options.action,
      postId: post.id,
      caseId: options.caseId ?? null,
      moderatorId: options.moderatorId ?? null,
      note: options.note ?? null,
      internalNote: options.internalNote ?? null,
    });
    return post;
  }

  /** A post under its row lock, for a decision made elsewhere in the same transaction; null when it is gone. */
  lock(manager: EntityManager, postId: string): Promise<PostEntity | null> {
    return this.posts.findForUpdate(manager, postId);
  }

  /** Members' reports hide a post until a moderator decides; the decision shows it again. */
  async setHiddenByReports(manager: EntityManager, post: PostEntity, hidden: boolean): Promise<void> {
    await this.posts.update(manager, post.id, { hiddenByReports: hidden });
    post.hiddenByReports = hidden;
  }
}
