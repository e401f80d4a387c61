import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isModerator, Viewer } from '../common/auth/viewer';
import { Page, pageSize } from '../common/pagination/cursor';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ScreeningQueueService } from '../screening/screening-queue.service';
import { forumErrors } from './forum.errors';
import { decodeTimeCursor } from '../common/pagination/keyset';
import { isUuid } from '../common/validation/uuid';
import { normalizeContentWarnings, validateBody } from './post-input';
import { PostEntity } from './post.entity';
import { ContentWarning, PostKind, PostStatus } from './post-status';
import { canViewPost, hiddenAuthorsOf } from './post-visibility';
import { PostingRateLimitService } from './posting-rate-limit.service';
import { PostsRepository, ReplyFilter } from './repositories/posts.repository';
import { ThreadsRepository } from './repositories/threads.repository';

export interface ReplyCommand {
  threadId: string;
  body: string;
  inReplyToId?: string | null;
  contentWarnings?: readonly ContentWarning[] | null;
}

export const REPLIES_PAGE_DEFAULT = 50;

@Injectable()
export class RepliesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rateLimit: PostingRateLimitService,
    private readonly screeningQueue: ScreeningQueueService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
  ) {}

  /**
   * Replies of a thread, oldest first: the ones everyone may see, plus the viewer's own
   * unpublished ones (and everything, for moderators): the canViewPost rule as SQL.
   */
  async list(threadId: string, viewer: Viewer | null, first?: number | null, after?: string | null): Promise<Page<PostEntity>> {
    const size = pageSize(first, REPLIES_PAGE_DEFAULT, this.config.limits.pageSizeMax);
    const cursor = decodeTimeCursor(after);
    const filter: ReplyFilter = isModerator(viewer)
      ? { show: 'all' }
      : viewer
        ? { show: 'publicOrOwn', authorId: viewer.accountId }
        : { show: 'public' };
    return this.posts.pageReplies(threadId, filter, cursor, size, hiddenAuthorsOf(viewer), viewer?.accountId ?? null);
  }

  /**
   * A reply to a thread the viewer can see, that is published and not locked; optionally
   * answering another reply of the same thread. PENDING until screened.
   */
  async reply(viewer: Viewer, input: ReplyCommand): Promise<PostEntity> {
    const body = validateBody(input.body, this.config.limits.bodyMax);
    const contentWarnings = normalizeContentWarnings(input.contentWarnings);
    if (!isUuid(input.threadId)) throw forumErrors.threadNotFound();
    const inReplyToId = input.inReplyToId ?? null;
    if (inReplyToId !== null && !isUuid(inReplyToId)) throw forumErrors.postNotFound();

    const post = await this.dataSource.transaction(async (manager) => {
      const opening = await this.posts.findThreadOpening(input.threadId, manager);
      if (!opening || !canViewPost(opening, viewer)) throw forumErrors.threadNotFound();
      if (opening.status !== PostStatus.PUBLISHED || opening.hiddenByReports) throw forumErrors.threadNotOpen();
      // A shared lock: a moderator locking the thread waits for this reply, or this reply sees the lock.
      const thread = await this.threads.findForShare(manager, opening.id);
      if (!thread) throw forumErrors.threadNotFound();
      if (thread.locked) throw forumErrors.threadLocked();

      if (inReplyToId !== null) {
        const parent = await this.posts.findById(inReplyToId, manager);
        if (!parent || !canViewPost(parent, viewer)) throw forumErrors.postNotFound();
        if (parent.kind !== PostKind.REPLY || parent.threadId !== thread.id) {
          throw forumErrors.invalid(
            'You can only answer a reply in the same thread. To answer the opening post, leave inReplyToId out.',
            'inReplyToId',
          );
        }
      }
      await this.rateLimit.check(manager, viewer.accountId);
      return this.posts.insert(manager, {
        kind: PostKind.REPLY,
        threadId: thread.id,
        authorId: viewer.accountId,
        inReplyToId,
        title: null,
        body,
        status: PostStatus.PENDING,
        contentWarnings,
      });
    });
    await this.screeningQueue.enqueuePost(post.id, post.revision);
    return post;
  }
}
