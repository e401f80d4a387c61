import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { Page, pageSize, toPage } from '../common/pagination/cursor';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ScreeningQueueService } from '../screening/screening-queue.service';
import { forumErrors } from './forum.errors';
import { afterTimeCondition, decodeTimeCursor, timeCursor, timeKeySql } from '../common/pagination/keyset';
import { postColumns, threadColumns, toPost, toThread } from './post-rows';
import { isUuid } from '../common/validation/uuid';
import { normalizeContentWarnings, validateBody, validateTitle } from './post-input';
import { PostEntity } from './post.entity';
import { ContentWarning, PostKind, PostStatus } from './post-status';
import { canViewPost, publicPostCondition } from './post-visibility';
import { PostingRateLimitService } from './posting-rate-limit.service';
import { SpaceEntity } from './space.entity';
import { ThreadEntity } from './thread.entity';

export interface ThreadPage {
  page: Page<PostEntity>;
  /** The threads of the page's posts, for priming the request's loaders. */
  threads: ThreadEntity[];
}

export interface StartThreadCommand {
  spaceId: string;
  title: string;
  body: string;
  contentWarnings?: readonly ContentWarning[] | null;
}

export const FEED_PAGE_DEFAULT = 20;

@Injectable()
export class ThreadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rateLimit: PostingRateLimitService,
    private readonly screeningQueue: ScreeningQueueService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /**
   * Published, not hidden threads, most recent activity first, optionally in one space:
   * keyset over (lastActivityAt, id) descending, one statement per page.
   */
  async feed(options: { first?: number | null; after?: string | null; spaceSlug?: string | null; spaceId?: string | null }): Promise<ThreadPage> {
    const size = pageSize(options.first, FEED_PAGE_DEFAULT, this.config.limits.pageSizeMax);
    const cursor = decodeTimeCursor(options.after);
    const params: unknown[] = [];
    const conditions = [publicPostCondition('p')];

    let spaceId = options.spaceId ?? null;
    if (options.spaceSlug !== null && options.spaceSlug !== undefined) {
      const space = await this.dataSource.getRepository(SpaceEntity).findOneBy({ slug: options.spaceSlug });
      if (!space) throw forumErrors.spaceNotFound();
      spaceId = space.id;
    }
    if (spaceId !== null) {
      params.push(spaceId);
      conditions.push(`t.space_id = $${params.length}::uuid`);
    }
    if (cursor) {
      params.push(cursor.time, cursor.id);
      conditions.push(afterTimeCondition('t.last_activity_at', 't.id', 'DESC', `$${params.length - 1}`, `$${params.length}`));
    }
    params.push(size + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${postColumns('p')}, ${threadColumns('t')}, ${timeKeySql('t.last_activity_at')} AS "sortKey"
         FROM thread t JOIN post p ON p.id = t.id
        WHERE ${conditions.join(' AND ')}
        ORDER BY t.last_activity_at DESC, t.id DESC
        LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, size, (row) => timeCursor(row.sortKey as string, row.id as string));
    return {
      page: { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toPost(edge.node) })) },
      threads: page.edges.map((edge) => toThread(edge.node.id as string, edge.node)),
    };
  }

  /** A thread the viewer may see, or null (unknown, malformed id, or not visible to them). */
  async findVisible(id: string, viewer: Viewer | null): Promise<PostEntity | null> {
    if (!isUuid(id)) return null;
    const post = await this.dataSource.getRepository(PostEntity).findOneBy({ id, kind: PostKind.THREAD });
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
      const space = await manager.findOneBy(SpaceEntity, { id: input.spaceId });
      if (!space) throw forumErrors.spaceNotFound();
      await this.rateLimit.check(manager, viewer.accountId);
      const id = randomUUID();
      await manager.insert(PostEntity, {
        id,
        kind: PostKind.THREAD,
        threadId: id,
        authorId: viewer.accountId,
        title,
        body,
        status: PostStatus.PENDING,
        contentWarnings,
      });
      await manager.insert(ThreadEntity, { id, spaceId: space.id });
      return manager.findOneByOrFail(PostEntity, { id });
    });
    await this.screeningQueue.enqueuePost(post.id, post.revision);
    return post;
  }
}
