import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page } from '../../common/pagination/cursor';
import { afterTimeCondition, Direction, timeKeySql } from '../../common/pagination/keyset';
import type { ScreeningRecord } from '../../screening/screening-record';
import { PostEntity } from '../post.entity';
import { PostKind, PostStatus } from '../post-status';
import { notHiddenAuthorCondition, notHiddenByPreferenceCondition, publicPostCondition } from '../post-visibility';
import { EntityRows } from './entity-rows';
import { countsFor, numberOf, timeKeyedPage, Row, textOf } from './row-values';
import { SqlParams } from './sql-params';

/** What a writer sets on a new post; the table's defaults fill the rest. */
export type NewPost = Pick<PostEntity, 'kind' | 'threadId' | 'authorId' | 'title' | 'body' | 'status' | 'contentWarnings'> &
  Partial<Pick<PostEntity, 'id' | 'inReplyToId'>>;

/** The fields an edit or a state change writes. */
export type PostChanges = Partial<
  Pick<
    PostEntity,
    'title' | 'body' | 'contentWarnings' | 'revision' | 'editedAt' | 'status' | 'updatedAt' | 'publishedAt' | 'hiddenByReports'
  >
>;

/** Which of a thread's replies a list shows: the visibility rule's answer for one viewer. */
export type ReplyFilter = { show: 'all' } | { show: 'public' } | { show: 'publicOrOwn'; authorId: string };

export type TimeCursor = { time: string; id: string } | null;

/** Withdrawn posts whose words are erased in one pass, so a pass stays a short transaction. */
const ERASE_BATCH = 500;

/** The post table: every post of every kind, its pages, counts and writes. */
@Injectable()
export class PostsRepository {
  private readonly rows: EntityRows<PostEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new EntityRows(dataSource, PostEntity);
  }

  /** Reads join the caller's transaction when given its manager. */
  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<PostEntity | null> {
    return manager.findOneBy(PostEntity, { id });
  }

  /** The opening post of the thread with this id, null when the id is a reply's or nobody's. */
  findThreadOpening(id: string, manager: EntityManager = this.dataSource.manager): Promise<PostEntity | null> {
    return manager.findOneBy(PostEntity, { id, kind: PostKind.THREAD });
  }

  findByIds(ids: readonly string[]): Promise<PostEntity[]> {
    return this.dataSource.manager.findBy(PostEntity, { id: In([...ids]) });
  }

  /** The post, row-locked (FOR UPDATE) until the caller's transaction ends. */
  findForUpdate(manager: EntityManager, id: string): Promise<PostEntity | null> {
    return manager.findOne(PostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a post and reads it back whole (its id, defaults and times as the database set them). */
  async insert(manager: EntityManager, post: NewPost): Promise<PostEntity> {
    const inserted = await manager.insert(PostEntity, post);
    const id = (inserted.identifiers[0] as { id: string }).id;
    return manager.findOneByOrFail(PostEntity, { id });
  }

  async update(manager: EntityManager, id: string, changes: PostChanges): Promise<void> {
    await manager.update(PostEntity, { id }, changes);
  }

  /** What screening said about the post's current revision, kept on the post for its author. */
  async recordScreening(manager: EntityManager, id: string, record: ScreeningRecord): Promise<void> {
    await manager.update(PostEntity, { id }, { screening: record });
  }

  /** Other posts with the same author and the same words within the hour: a spam signal for screening. */
  async countRecentDuplicates(post: Pick<PostEntity, 'id' | 'authorId' | 'body'>): Promise<number> {
    if (post.authorId === null) return 0;
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM post WHERE author_id = $1 AND body = $2 AND id <> $3 AND created_at > now() - interval '1 hour'`,
      [post.authorId, post.body, post.id],
    )) as Row[];
    return rows.length > 0 ? numberOf(rows[0], 'count') : 0;
  }

  /**
   * A deleted account's posts: all of them, or (keepPublished) the unpublished ones only, as
   * ANONYMIZE keeps published posts without an author (post.author_id is ON DELETE SET NULL).
   */
  async deleteByAuthor(manager: EntityManager, authorId: string, options: { keepPublished: boolean }): Promise<void> {
    if (options.keepPublished) {
      // A check-in's private post never was public, whatever its status: it goes with the account.
      await manager.query(
        `DELETE FROM post WHERE author_id = $1 AND (status <> '${PostStatus.PUBLISHED}' OR kind = '${PostKind.CHECK_IN}')`,
        [authorId],
      );
    } else {
      await manager.query(`DELETE FROM post WHERE author_id = $1`, [authorId]);
    }
  }

  /** Stamps the withdrawal with the database's clock: the eraser's retention window counts from it. */
  async markWithdrawn(manager: EntityManager, id: string): Promise<void> {
    await manager.update(PostEntity, { id }, { withdrawnAt: () => 'now()' });
  }

  /** Every post the author wrote, in every state, oldest first (the member's data export). */
  allByAuthor(manager: EntityManager, authorId: string): Promise<PostEntity[]> {
    return manager.find(PostEntity, { where: { authorId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** An author's posts of every status, newest first. */
  pageByAuthor(authorId: string, cursor: TimeCursor, size: number): Promise<Page<PostEntity>> {
    const params = new SqlParams();
    return this.pageByCreatedAt(
      params,
      [`p.author_id = ${params.add(authorId, 'uuid')}`, `p.kind <> '${PostKind.CHECK_IN}'`],
      'DESC',
      cursor,
      size,
    );
  }

  /**
   * A thread's replies, oldest first, as far as `filter` lets the viewer see them, without the
   * replies of `hiddenAuthorIds` (blocks either way; moderators' lists honour their blocks too)
   * or those on a topic the signed-in `viewerId` chose to HIDE.
   */
  pageReplies(
    threadId: string,
    filter: ReplyFilter,
    cursor: TimeCursor,
    size: number,
    hiddenAuthorIds: readonly string[] | null = null,
    viewerId: string | null = null,
  ): Promise<Page<PostEntity>> {
    const params = new SqlParams();
    const conditions = [`p.thread_id = ${params.add(threadId, 'uuid')}`, `p.kind = '${PostKind.REPLY}'`];
    if (hiddenAuthorIds) conditions.push(notHiddenAuthorCondition('p', params.add(hiddenAuthorIds, 'uuid[]')));
    if (viewerId !== null) conditions.push(notHiddenByPreferenceCondition('p', params.add(viewerId, 'uuid')));
    if (filter.show === 'public') conditions.push(`(${publicPostCondition('p')})`);
    if (filter.show === 'publicOrOwn')
      conditions.push(`(${publicPostCondition('p')} OR p.author_id = ${params.add(filter.authorId, 'uuid')})`);
    return this.pageByCreatedAt(params, conditions, 'ASC', cursor, size);
  }

  /** Keyset over (created_at, id): one statement per page. */
  private async pageByCreatedAt(
    params: SqlParams,
    conditions: string[],
    direction: Direction,
    cursor: TimeCursor,
    size: number,
  ): Promise<Page<PostEntity>> {
    if (cursor) conditions.push(afterTimeCondition('p.created_at', 'p.id', direction, params.add(cursor.time), params.add(cursor.id)));
    const limit = params.add(size + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${this.rows.select('p')}, ${timeKeySql('p.created_at')} AS "sortKey"
         FROM post p
        WHERE ${conditions.join(' AND ')}
        ORDER BY p.created_at ${direction}, p.id ${direction}
        LIMIT ${limit}`,
      params.values,
    )) as Row[];
    return timeKeyedPage(rows, size, (row) => this.rows.hydrate(row));
  }

  /** Published, not hidden replies per thread id, in the order of `threadIds` (0 for none). */
  async publicReplyCounts(threadIds: readonly string[]): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `SELECT p.thread_id AS key, count(*)::int AS count FROM post p
        WHERE p.thread_id = ANY($1::uuid[]) AND p.kind = '${PostKind.REPLY}' AND ${publicPostCondition('p')}
        GROUP BY p.thread_id`,
      [threadIds],
    )) as Row[];
    return countsFor(threadIds, rows);
  }

  /** Posts PENDING longer than `graceSeconds` (a lost job, a failed enqueue), oldest first: what the screening sweeper enqueues again. */
  async findLeftPending(manager: EntityManager, graceSeconds: number, limit: number): Promise<Array<{ id: string; revision: number }>> {
    const rows = (await manager.query(
      `SELECT id, revision FROM post WHERE status = '${PostStatus.PENDING}' AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT $2`,
      [graceSeconds, limit],
    )) as Row[];
    return rows.map((row) => ({ id: textOf(row, 'id'), revision: numberOf(row, 'revision') }));
  }

  /**
   * Erases the words (title, body, screening feedback, which quotes them) of up to a batch of
   * posts withdrawn at least `retentionDays` ago that no open case holds; returns their ids.
   * Rows another pass has locked are skipped, not waited for.
   */
  async eraseWithdrawn(manager: EntityManager, retentionDays: number, erasedTitle: string): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE post p SET body = '', title = CASE WHEN p.kind = '${PostKind.THREAD}' THEN $2 END, screening = NULL, body_erased_at = now()
        WHERE p.id IN (
                SELECT w.id FROM post w
                 WHERE w.withdrawn_at IS NOT NULL AND w.body_erased_at IS NULL AND w.status = '${PostStatus.REMOVED}'
                   AND w.withdrawn_at <= now() - make_interval(days => $1)
                   AND NOT EXISTS (SELECT 1 FROM moderation_case c WHERE c.post_id = w.id AND c.status <> 'RESOLVED')
                 ORDER BY w.withdrawn_at LIMIT ${ERASE_BATCH}
                 FOR UPDATE SKIP LOCKED)
        RETURNING p.id`,
      [retentionDays, erasedTitle],
    )) as [Row[], number];
    return rows.map((row) => textOf(row, 'id'));
  }
}
