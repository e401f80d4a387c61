import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { pageSize } from '../common/pagination/cursor';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ScreeningQueueService } from '../screening/screening-queue.service';
import { normalizePathways, type Pathway } from '../accounts/pathway';
import { forumErrors } from './forum.errors';
import { decodeTimeCursor } from '../common/pagination/keyset';
import { isUuid } from '../common/validation/uuid';
import { normalizeContentWarnings, validateBody, validateTitle } from './post-input';
import { PostEntity } from './post.entity';
import { ContentWarning, PostKind, PostStatus } from './post-status';
import { canViewPost, hiddenAuthorsOf } from './post-visibility';
import { PostingRateLimitService } from './posting-rate-limit.service';
import { PostsRepository } from './repositories/posts.repository';
import { SpacesRepository } from './repositories/spaces.repository';
import { ThreadPage, ThreadsRepository } from './repositories/threads.repository';

export type { ThreadPage } from './repositories/threads.repository';

export interface StartThreadCommand {
  spaceId: string;
  title: string;
  body: string;
  contentWarnings?: readonly ContentWarning[] | null;
  pathways?: readonly Pathway[] | null;
}

export const FEED_PAGE_DEFAULT = 20;

@Injectable()
export class ThreadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rateLimit: PostingRateLimitService,
    private readonly screeningQueue: ScreeningQueueService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
    private readonly spaces: SpacesRepository,
  ) {}

  /**
   * Published, not hidden threads, most recent activity first, optionally in one space:
   * keyset over (lastActivityAt, id) descending, one statement per page.
   */
  async feed(options: {
    first?: number | null;
    after?: string | null;
    spaceSlug?: string | null;
    spaceId?: string | null;
    /** The signed-in reader, whose blocks, mutes and HIDE content preferences shape their feed. */
    viewer?: Viewer | null;
    /** Only threads carrying this pathway. */
    pathway?: Pathway | null;
  }): Promise<ThreadPage> {
    const size = pageSize(options.first, FEED_PAGE_DEFAULT, this.config.limits.pageSizeMax);
    const cursor = decodeTimeCursor(options.after);
    let spaceId = options.spaceId ?? null;
    if (options.spaceSlug !== null && options.spaceSlug !== undefined) {
      const space = await this.spaces.findBySlug(options.spaceSlug);
      if (!space) throw forumErrors.spaceNotFound();
      spaceId = space.id;
    }
    const viewer = options.viewer ?? null;
    const reader = viewer ? { accountId: viewer.accountId, hiddenAuthorIds: hiddenAuthorsOf(viewer) } : null;
    return this.threads.feedPage(spaceId, cursor, size, reader, options.pathway ?? null);
  }

  /** A thread the viewer may see, or null (unknown, malformed id, or not visible to them). */
  async findVisible(id: string, viewer: Viewer | null): Promise<PostEntity | null> {
    if (!isUuid(id)) return null;
    const post = await this.posts.findThreadOpening(id);
    return post && canViewPost(post, viewer) ? post : null;
  }

  /**
   * Writes the opening post (PENDING) and the thread in one transaction, then enqueues
   * screening after the commit. The post's thread_id foreign key is deferred, so the post
   * can name the thread row that follows it.
   */
  async startThread(viewer: Viewer, input: StartThreadCommand): Promise<PostEntity> {
    const { titleMax, bodyMax } = this.config.limits;
    const title = validateTitle(input.title, titleMax);
    const body = validateBody(input.body, bodyMax);
    const contentWarnings = normalizeContentWarnings(input.contentWarnings);
    if (!isUuid(input.spaceId)) throw forumErrors.spaceNotFound();

    const post = await this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.findById(input.spaceId, manager);
      if (!space) throw forumErrors.spaceNotFound();
      await this.rateLimit.check(manager, viewer.accountId);
      const id = randomUUID();
      const opening = await this.posts.insert(manager, {
        id,
        kind: PostKind.THREAD,
        threadId: id,
        authorId: viewer.accountId,
        title,
        body,
        status: PostStatus.PENDING,
        contentWarnings,
      });
      await this.threads.insert(manager, { id, spaceId: space.id, pathways: normalizePathways(input.pathways) });
      return opening;
    });
    await this.screeningQueue.enqueuePost(post.id, post.revision);
    return post;
  }
}
