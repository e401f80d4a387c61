import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../src/common/auth/role';
import type { Viewer } from '../../src/common/auth/viewer';
import { Page, toPage } from '../../src/common/pagination/cursor';
import { timeCursor } from '../../src/common/pagination/keyset';
import { KindredConfig, loadConfig } from '../../src/config/config';
import { PostEntity } from '../../src/forum/post.entity';
import { PostKind, PostStatus } from '../../src/forum/post-status';
import { PostStateService } from '../../src/forum/post-state.service';
import { PostingRateLimitService } from '../../src/forum/posting-rate-limit.service';
import { PostsService } from '../../src/forum/posts.service';
import { ReactionKind } from '../../src/forum/reaction-kind';
import { ReactionsService } from '../../src/forum/reactions.service';
import { RepliesService } from '../../src/forum/replies.service';
import type { PostingWindowsRepository } from '../../src/forum/repositories/posting-windows.repository';
import type { NewPost, PostChanges, PostsRepository, ReplyFilter, TimeCursor } from '../../src/forum/repositories/posts.repository';
import type { ReactionsRepository, ReactionTally } from '../../src/forum/repositories/reactions.repository';
import type { SpacesRepository } from '../../src/forum/repositories/spaces.repository';
import type { ThreadPage, ThreadsRepository } from '../../src/forum/repositories/threads.repository';
import { SpaceEntity } from '../../src/forum/space.entity';
import { ThreadEntity } from '../../src/forum/thread.entity';
import { ThreadsService } from '../../src/forum/threads.service';
import type { AuditEntry, AuditLogService } from '../../src/audit/audit-log.service';
import type { CaseIntakeService } from '../../src/moderation/case-intake.service';
import type { ModerationEventsService } from '../../src/moderation/moderation-events.service';
import type { ScreeningQueueService } from '../../src/screening/screening-queue.service';

/**
 * The forum's tables in memory, for the forum services' unit specs: fake repositories over
 * them, and a fake DataSource whose transaction runs the work with its own manager and, when
 * the work throws, puts every table back as it was (a rolled back transaction). Writes and
 * locks outside the open transaction fail the spec, so a service that forgets its
 * transaction is caught. `events` records commits, rollbacks and what happened after them.
 */
export class FakeForumDatabase {
  readonly posts = new Map<string, PostEntity>();
  readonly threads = new Map<string, ThreadEntity>();
  readonly spaces = new Map<string, SpaceEntity>();
  readonly reactions: Array<{ postId: string; accountId: string; kind: ReactionKind }> = [];
  readonly audit: AuditEntry[] = [];
  readonly editTimes: Array<{ accountId: string; at: number }> = [];
  /** Post id → id of the open moderation case holding it. */
  readonly openCases = new Map<string, string>();
  readonly events: string[] = [];
  /** Row locks taken, e.g. `post <id> FOR UPDATE`. */
  readonly locks: string[] = [];
  private openManager: EntityManager | null = null;

  readonly dataSource = {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      if (this.openManager) throw new Error('nested transaction');
      const manager = { fakeTransaction: randomUUID() } as unknown as EntityManager;
      const saved = this.snapshot();
      this.openManager = manager;
      try {
        const result = await work(manager);
        this.events.push('commit');
        return result;
      } catch (error) {
        this.restore(saved);
        this.events.push('rollback');
        throw error;
      } finally {
        this.openManager = null;
      }
    },
  } as unknown as DataSource;

  /** Throws unless `manager` is the open transaction's. */
  inTransaction(manager: EntityManager): void {
    if (manager !== this.openManager) throw new Error('a write or lock outside the open transaction');
  }

  /** Reads may run in a transaction or on the pool; in a transaction, it must be the open one. */
  readIn(manager: EntityManager | undefined): void {
    if (manager !== undefined) this.inTransaction(manager);
  }

  addSpace(slug: string, position = 0): SpaceEntity {
    const space = Object.assign(new SpaceEntity(), { id: randomUUID(), slug, name: slug, description: '', position });
    this.spaces.set(space.id, space);
    return space;
  }

  addPost(values: Partial<PostEntity> & Pick<PostEntity, 'kind' | 'threadId' | 'authorId'>): PostEntity {
    const now = new Date();
    const post = Object.assign(new PostEntity(), {
      id: randomUUID(),
      inReplyToId: null,
      title: null,
      body: 'words',
      status: PostStatus.PUBLISHED,
      revision: 1,
      contentWarnings: [],
      hiddenByReports: false,
      screening: null,
      createdAt: now,
      updatedAt: now,
      publishedAt: values.status === undefined || values.status === PostStatus.PUBLISHED ? now : null,
      editedAt: null,
      withdrawnAt: null,
      bodyErasedAt: null,
      ...values,
    });
    this.posts.set(post.id, post);
    return post;
  }

  /** A thread (opening post and thread row), published unless `status` says otherwise. */
  addThread(
    space: SpaceEntity,
    authorId: string,
    values: Partial<PostEntity> & { locked?: boolean; lastActivityAt?: Date } = {},
  ): PostEntity {
    const id = randomUUID();
    const { locked, lastActivityAt, ...postValues } = values;
    const post = this.addPost({ title: 'A thread', ...postValues, id, kind: PostKind.THREAD, threadId: id, authorId });
    this.threads.set(
      id,
      Object.assign(new ThreadEntity(), {
        id,
        spaceId: space.id,
        locked: locked ?? false,
        lastActivityAt: lastActivityAt ?? post.createdAt,
      }),
    );
    return post;
  }

  addReply(thread: PostEntity, authorId: string, values: Partial<PostEntity> = {}): PostEntity {
    return this.addPost({ ...values, kind: PostKind.REPLY, threadId: thread.id, authorId });
  }

  post(id: string): PostEntity {
    const post = this.posts.get(id);
    if (!post) throw new Error(`no post ${id}`);
    return post;
  }

  private snapshot(): {
    posts: PostEntity[];
    threads: ThreadEntity[];
    reactions: FakeForumDatabase['reactions'];
    audit: AuditEntry[];
    editTimes: FakeForumDatabase['editTimes'];
  } {
    return {
      posts: [...this.posts.values()].map((post) => Object.assign(new PostEntity(), post, { contentWarnings: [...post.contentWarnings] })),
      threads: [...this.threads.values()].map((thread) => Object.assign(new ThreadEntity(), thread)),
      reactions: [...this.reactions],
      audit: [...this.audit],
      editTimes: [...this.editTimes],
    };
  }

  private restore(saved: ReturnType<FakeForumDatabase['snapshot']>): void {
    this.posts.clear();
    for (const post of saved.posts) this.posts.set(post.id, post);
    this.threads.clear();
    for (const thread of saved.threads) this.threads.set(thread.id, thread);
    this.reactions.splice(0, this.reactions.length, ...saved.reactions);
    this.audit.splice(0, this.audit.length, ...saved.audit);
    this.editTimes.splice(0, this.editTimes.length, ...saved.editTimes);
  }
}

function copy(post: PostEntity): PostEntity {
  return Object.assign(new PostEntity(), post);
}

function isPublic(post: PostEntity): boolean {
  return post.status === PostStatus.PUBLISHED && !post.hiddenByReports;
}

/** The fake's sort key: timeKeySql's format (microseconds) from a JS date. */
function timeKey(date: Date): string {
  return date.toISOString().replace('Z', '000Z');
}

/** In-memory keyset paging over (time, id), as the SQL pages do. */
function keysetPage<T extends { id: string }>(
  items: T[],
  timeOf: (item: T) => Date,
  direction: 'ASC' | 'DESC',
  cursor: TimeCursor,
  size: number,
): Page<T> {
  const sign = direction === 'ASC' ? 1 : -1;
  const compare = (a: { time: string; id: string }, b: { time: string; id: string }): number =>
    sign * (a.time === b.time ? a.id.localeCompare(b.id) : a.time.localeCompare(b.time));
  const keyed = items.map((item) => ({ item, key: { time: timeKey(timeOf(item)), id: item.id } })).sort((a, b) => compare(a.key, b.key));
  const after = cursor ? keyed.filter((entry) => compare(entry.key, cursor) > 0) : keyed;
  const page = toPage(after.slice(0, size + 1), size, (entry) => timeCursor(entry.key.time, entry.key.id));
  return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.item })) };
}

type PostsPart = Pick<
  PostsRepository,
  | 'findById'
  | 'findThreadOpening'
  | 'findByIds'
  | 'findForUpdate'
  | 'insert'
  | 'update'
  | 'markWithdrawn'
  | 'pageByAuthor'
  | 'pageReplies'
  | 'publicReplyCounts'
>;

export class FakePostsRepository implements PostsPart {
  constructor(private readonly db: FakeForumDatabase) {}

  async findById(id: string, manager?: EntityManager): Promise<PostEntity | null> {
    this.db.readIn(manager);
    const post = this.db.posts.get(id);
    return post ? copy(post) : null;
  }

  async findThreadOpening(id: string, manager?: EntityManager): Promise<PostEntity | null> {
    const post = await this.findById(id, manager);
    return post?.kind === PostKind.THREAD ? post : null;
  }

  async findByIds(ids: readonly string[]): Promise<PostEntity[]> {
    return ids.flatMap((id) => (this.db.posts.has(id) ? [copy(this.db.post(id))] : []));
  }

  async findForUpdate(manager: EntityManager, id: string): Promise<PostEntity | null> {
    this.db.inTransaction(manager);
    this.db.locks.push(`post ${id} FOR UPDATE`);
    return this.findById(id, manager);
  }

  async insert(manager: EntityManager, values: NewPost): Promise<PostEntity> {
    this.db.inTransaction(manager);
    return copy(this.db.addPost({ ...values, id: values.id ?? randomUUID(), revision: 1, publishedAt: null }));
  }

  async update(manager: EntityManager, id: string, changes: PostChanges): Promise<void> {
    this.db.inTransaction(manager);
    Object.assign(this.db.post(id), changes);
  }

  async markWithdrawn(manager: EntityManager, id: string): Promise<void> {
    this.db.inTransaction(manager);
    this.db.post(id).withdrawnAt = new Date();
  }

  async pageByAuthor(authorId: string, cursor: TimeCursor, size: number): Promise<Page<PostEntity>> {
    const mine = [...this.db.posts.values()].filter((post) => post.authorId === authorId).map(copy);
    return keysetPage(mine, (post) => post.createdAt, 'DESC', cursor, size);
  }

  async pageReplies(threadId: string, filter: ReplyFilter, cursor: TimeCursor, size: number): Promise<Page<PostEntity>> {
    const shown = [...this.db.posts.values()].filter(
      (post) =>
        post.threadId === threadId &&
        post.kind === PostKind.REPLY &&
        (filter.show === 'all' || isPublic(post) || (filter.show === 'publicOrOwn' && post.authorId === filter.authorId)),
    );
    return keysetPage(shown.map(copy), (post) => post.createdAt, 'ASC', cursor, size);
  }

  async publicReplyCounts(threadIds: readonly string[]): Promise<number[]> {
    const replies = [...this.db.posts.values()].filter((post) => post.kind === PostKind.REPLY && isPublic(post));
    return threadIds.map((id) => replies.filter((reply) => reply.threadId === id).length);
  }
}

export class FakeThreadsRepository implements Pick<
  ThreadsRepository,
  'findByIds' | 'findForShare' | 'insert' | 'setLastActivity' | 'feedPage'
> {
  constructor(private readonly db: FakeForumDatabase) {}

  async findByIds(ids: readonly string[]): Promise<ThreadEntity[]> {
    return ids.flatMap((id) => {
      const thread = this.db.threads.get(id);
      return thread ? [Object.assign(new ThreadEntity(), thread)] : [];
    });
  }

  async findForShare(manager: EntityManager, id: string): Promise<ThreadEntity | null> {
    this.db.inTransaction(manager);
    this.db.locks.push(`thread ${id} FOR SHARE`);
    const thread = this.db.threads.get(id);
    return thread ? Object.assign(new ThreadEntity(), thread) : null;
  }

  async insert(manager: EntityManager, thread: Pick<ThreadEntity, 'id' | 'spaceId'>): Promise<void> {
    this.db.inTransaction(manager);
    this.db.threads.set(thread.id, Object.assign(new ThreadEntity(), { ...thread, locked: false, lastActivityAt: new Date() }));
  }

  async setLastActivity(manager: EntityManager, id: string, at: Date): Promise<void> {
    this.db.inTransaction(manager);
    const thread = this.db.threads.get(id);
    if (thread) thread.lastActivityAt = at;
  }

  async feedPage(spaceId: string | null, cursor: TimeCursor, size: number): Promise<ThreadPage> {
    const threads = [...this.db.threads.values()].filter(
      (thread) => (spaceId === null || thread.spaceId === spaceId) && isPublic(this.db.post(thread.id)),
    );
    const page = keysetPage(threads, (thread) => thread.lastActivityAt, 'DESC', cursor, size);
    return {
      page: { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: copy(this.db.post(edge.node.id)) })) },
      threads: page.edges.map((edge) => Object.assign(new ThreadEntity(), edge.node)),
    };
  }
}

export class FakeSpacesRepository implements Pick<SpacesRepository, 'list' | 'findBySlug' | 'findById' | 'findByIds'> {
  constructor(private readonly db: FakeForumDatabase) {}

  async list(): Promise<SpaceEntity[]> {
    return [...this.db.spaces.values()].sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug));
  }

  async findBySlug(slug: string): Promise<SpaceEntity | null> {
    return [...this.db.spaces.values()].find((space) => space.slug === slug) ?? null;
  }

  async findById(id: string, manager?: EntityManager): Promise<SpaceEntity | null> {
    this.db.readIn(manager);
    return this.db.spaces.get(id) ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<SpaceEntity[]> {
    return ids.flatMap((id) => {
      const space = this.db.spaces.get(id);
      return space ? [space] : [];
    });
  }
}

export class FakeReactionsRepository implements Pick<ReactionsRepository, 'add' | 'remove' | 'talliesByPost'> {
  constructor(private readonly db: FakeForumDatabase) {}

  async add(postId: string, accountId: string, kind: ReactionKind): Promise<void> {
    const exists = this.db.reactions.some((r) => r.postId === postId && r.accountId === accountId && r.kind === kind);
    if (!exists) this.db.reactions.push({ postId, accountId, kind });
  }

  async remove(postId: string, accountId: string, kind: ReactionKind): Promise<void> {
    const index = this.db.reactions.findIndex((r) => r.postId === postId && r.accountId === accountId && r.kind === kind);
    if (index >= 0) this.db.reactions.splice(index, 1);
  }

  async talliesByPost(postIds: readonly string[], viewerId: string | null): Promise<ReactionTally[]> {
    return postIds.flatMap((postId) =>
      Object.values(ReactionKind).flatMap((kind) => {
        const given = this.db.reactions.filter((r) => r.postId === postId && r.kind === kind);
        return given.length ? [{ postId, kind, count: given.length, viewerReacted: given.some((r) => r.accountId === viewerId) }] : [];
      }),
    );
  }
}

/** The windows counted in memory: an account's posts (by createdAt) and its noted edits. */
export class FakePostingWindowsRepository implements Pick<PostingWindowsRepository, 'postWait' | 'takeEdit'> {
  constructor(private readonly db: FakeForumDatabase) {}

  private wait(times: number[], limit: number, windowSeconds: number): number | null {
    const since = Date.now() - windowSeconds * 1000;
    const inWindow = times.filter((time) => time > since);
    if (inWindow.length < limit) return null;
    return Math.max(1, Math.ceil((Math.min(...inWindow) + windowSeconds * 1000 - Date.now()) / 1000));
  }

  async postWait(manager: EntityManager, accountId: string, limit: number, windowSeconds: number): Promise<number | null> {
    this.db.inTransaction(manager);
    const times = [...this.db.posts.values()].filter((post) => post.authorId === accountId).map((post) => post.createdAt.getTime());
    return this.wait(times, limit, windowSeconds);
  }

  async takeEdit(manager: EntityManager, accountId: string, limit: number, windowSeconds: number): Promise<number | null> {
    this.db.inTransaction(manager);
    const wait = this.wait(
      this.db.editTimes.filter((edit) => edit.accountId === accountId).map((edit) => edit.at),
      limit,
      windowSeconds,
    );
    if (wait === null) this.db.editTimes.push({ accountId, at: Date.now() });
    return wait;
  }
}

/** The services the forum calls beyond its own: each records what it was asked, in `events` order. */
export function fakeCollaborators(db: FakeForumDatabase): {
  screeningQueue: ScreeningQueueService;
  audit: AuditLogService;
  caseIntake: CaseIntakeService;
  moderationEvents: ModerationEventsService;
} {
  return {
    screeningQueue: {
      enqueuePost: async (postId: string, revision: number) => {
        db.events.push(`screen ${postId} revision ${revision}`);
        return true;
      },
    } as unknown as ScreeningQueueService,
    audit: {
      record: async (manager: EntityManager, entry: AuditEntry) => {
        db.inTransaction(manager);
        db.audit.push(entry);
      },
      caseHasAction: async (manager: EntityManager, caseId: string, actions: readonly string[]) => {
        db.inTransaction(manager);
        return db.audit.some((entry) => entry.caseId === caseId && actions.includes(entry.action));
      },
    } as unknown as AuditLogService,
    caseIntake: {
      closeForWithdrawal: async (manager: EntityManager, postId: string) => {
        db.inTransaction(manager);
        const caseId = db.openCases.get(postId) ?? null;
        db.openCases.delete(postId);
        return caseId;
      },
    } as unknown as CaseIntakeService,
    moderationEvents: {
      caseChanged: async (caseId: string) => {
        db.events.push(`case ${caseId} changed`);
      },
    } as unknown as ModerationEventsService,
  };
}

export function testConfig(
  overrides: { limits?: Partial<KindredConfig['limits']>; edits?: Partial<KindredConfig['edits']> } = {},
): KindredConfig {
  const config = loadConfig({});
  return { ...config, limits: { ...config.limits, ...overrides.limits }, edits: { ...config.edits, ...overrides.edits } };
}

/** The forum's services over one fake database, wired as ForumModule wires them. */
export function fakeForum(config: KindredConfig = testConfig()) {
  const db = new FakeForumDatabase();
  const repositories = {
    posts: new FakePostsRepository(db) as unknown as PostsRepository,
    threads: new FakeThreadsRepository(db) as unknown as ThreadsRepository,
    spaces: new FakeSpacesRepository(db) as unknown as SpacesRepository,
    reactions: new FakeReactionsRepository(db) as unknown as ReactionsRepository,
    windows: new FakePostingWindowsRepository(db) as unknown as PostingWindowsRepository,
  };
  const collaborators = fakeCollaborators(db);
  const { screeningQueue, audit } = collaborators;
  const postState = new PostStateService(audit, repositories.posts, repositories.threads);
  const rateLimit = new PostingRateLimitService(config, repositories.windows);
  return {
    db,
    repositories,
    postState,
    rateLimit,
    collaborators,
    threads: new ThreadsService(
      db.dataSource,
      rateLimit,
      screeningQueue,
      config,
      repositories.posts,
      repositories.threads,
      repositories.spaces,
    ),
    replies: new RepliesService(db.dataSource, rateLimit, screeningQueue, config, repositories.posts, repositories.threads),
    posts: new PostsService(db.dataSource, postState, screeningQueue, rateLimit, config, repositories.posts),
    reactions: new ReactionsService(repositories.posts, repositories.reactions),
  };
}

export function member(accountId: string = randomUUID()): Viewer {
  return { accountId, sessionId: randomUUID(), role: Role.MEMBER, suspendedUntil: null };
}

export function moderator(accountId: string = randomUUID()): Viewer {
  return { accountId, sessionId: randomUUID(), role: Role.MODERATOR, suspendedUntil: null };
}
