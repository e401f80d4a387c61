import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { Page, pageSize } from '../common/pagination/cursor';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ScreeningQueueService } from '../screening/screening-queue.service';
import { forumErrors } from './forum.errors';
import { decodeTimeCursor } from '../common/pagination/keyset';
import { EDITABLE, WITHDRAWABLE } from './post-lifecycle';
import { isUuid } from '../common/validation/uuid';
import { normalizeContentWarnings, validateBody, validateTitle } from './post-input';
import { PostStateService } from './post-state.service';
import { PostingRateLimitService } from './posting-rate-limit.service';
import { PostEntity } from './post.entity';
import { PostChanges, PostsRepository } from './repositories/posts.repository';
import { ContentWarning, PostKind, PostStatus } from './post-status';
import { canViewPost } from './post-visibility';

export interface EditPostCommand {
  id: string;
  title?: string | null;
  body?: string | null;
  contentWarnings?: readonly ContentWarning[] | null;
}

export const ACCOUNT_POSTS_PAGE_DEFAULT = 20;

@Injectable()
export class PostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly postState: PostStateService,
    private readonly screeningQueue: ScreeningQueueService,
    private readonly rateLimit: PostingRateLimitService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly posts: PostsRepository,
  ) {}

  /** Any post the viewer may see, or null. */
  async findVisible(id: string, viewer: Viewer | null): Promise<PostEntity | null> {
    if (!isUuid(id)) return null;
    const post = await this.posts.findById(id);
    return post && canViewPost(post, viewer) ? post : null;
  }

  /**
   * Locks the author's own post for a change. Posts the viewer cannot see do not exist for
   * them (NOT_FOUND); posts they can see but did not write are FORBIDDEN.
   */
  private async lockOwnPost(manager: EntityManager, id: string, viewer: Viewer): Promise<PostEntity> {
    if (!isUuid(id)) throw forumErrors.postNotFound();
    const post = await this.posts.findForUpdate(manager, id);
    if (!post || !canViewPost(post, viewer)) throw forumErrors.postNotFound();
    if (post.authorId !== viewer.accountId) throw forumErrors.notAuthor();
    return post;
  }

  /**
   * The author's edit: new text, revision + 1, editedAt, back to PENDING (through the state
   * machine, audited as EDIT), screened again after the commit.
   */
  async edit(viewer: Viewer, input: EditPostCommand): Promise<PostEntity> {
    const { titleMax, bodyMax } = this.config.limits;
    const hasTitle = input.title !== undefined && input.title !== null;
    const hasBody = input.body !== undefined && input.body !== null;
    const hasWarnings = input.contentWarnings !== undefined && input.contentWarnings !== null;
    if (!hasTitle && !hasBody && !hasWarnings) throw forumErrors.invalid('Nothing to change: give a new title, body or content warnings.');
    const title = hasTitle ? validateTitle(input.title, titleMax) : undefined;
    const body = hasBody ? validateBody(input.body, bodyMax) : undefined;
    const contentWarnings = hasWarnings ? normalizeContentWarnings(input.contentWarnings) : undefined;

    const post = await this.dataSource.transaction(async (manager) => {
      const post = await this.lockOwnPost(manager, input.id, viewer);
      // Its words would change under the check-in row that shows them (src/checkins).
      if (post.kind === PostKind.CHECK_IN) throw forumErrors.checkInKept();
      if (title !== undefined && post.kind !== PostKind.THREAD)
        throw forumErrors.invalid('Only a thread has a title; a reply cannot be given one.', 'title');
      if (!EDITABLE.includes(post.status)) throw forumErrors.notEditable();
      // Each edit is screened again: unlimited edits would flood the queue and the case history.
      await this.rateLimit.checkEdit(manager, viewer.accountId);
      const changes: PostChanges = { revision: post.revision + 1, editedAt: new Date() };
      if (title !== undefined) changes.title = title;
      if (body !== undefined) changes.body = body;
      if (contentWarnings !== undefined) changes.contentWarnings = contentWarnings;
      await this.posts.update(manager, post.id, changes);
      Object.assign(post, changes);
      await this.postState.transition(manager, post, PostStatus.PENDING, { action: 'EDIT' });
      return post;
    });
    await this.screeningQueue.enqueuePost(post.id, post.revision);
    return post;
  }

  /**
   * The author takes their post down, inside the caller's transaction (the withdrawal
   * workflow closes its moderation case in the same one): REMOVED, audited as WITHDRAW.
   */
  async withdraw(manager: EntityManager, viewer: Viewer, id: string): Promise<PostEntity> {
    const own = await this.lockOwnPost(manager, id, viewer);
    if (own.kind === PostKind.CHECK_IN) throw forumErrors.checkInKept();
    if (!WITHDRAWABLE.includes(own.status)) throw forumErrors.notWithdrawable();
    const withdrawn = await this.postState.transition(manager, own, PostStatus.REMOVED, { action: 'WITHDRAW' });
    // Starts the retention window after which WithdrawnBodyEraser erases its words.
    await this.posts.markWithdrawn(manager, withdrawn.id);
    return withdrawn;
  }

  /** A member's own posts of every status, newest first (the account owner's view). */
  async byAuthor(accountId: string, first?: number | null, after?: string | null): Promise<Page<PostEntity>> {
    const size = pageSize(first, ACCOUNT_POSTS_PAGE_DEFAULT, this.config.limits.pageSizeMax);
    const cursor = decodeTimeCursor(after);
    return this.posts.pageByAuthor(accountId, cursor, size);
  }
}
