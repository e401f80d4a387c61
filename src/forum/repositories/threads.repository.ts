import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page } from '../../common/pagination/cursor';
import { afterTimeCondition, timeKeySql } from '../../common/pagination/keyset';
import { PostEntity } from '../post.entity';
import type { Pathway } from '../../accounts/pathway';
import { notHiddenAuthorCondition, notHiddenByPreferenceCondition, publicPostCondition } from '../post-visibility';
import { ThreadEntity } from '../thread.entity';
import { EntityRows } from './entity-rows';
import { countsFor, timeKeyedPage, Row } from './row-values';
import { SqlParams } from './sql-params';
import type { TimeCursor } from './posts.repository';

/**
 * What one signed-in reader keeps out of their feed (issue 10): authors a block hides, topics
 * their content preferences HIDE, and (only in the all-spaces feed) the threads and spaces they
 * muted. Null for a signed-out reader.
 */
export interface FeedReader {
  accountId: string;
  hiddenAuthorIds: readonly string[] | null;
}

export interface ThreadPage {
  page: Page<PostEntity>;
  /** The threads of the page's posts, for priming the request's loaders. */
  threads: ThreadEntity[];
}

/** The thread table: what a thread has beyond its opening post (which shares its id). */
@Injectable()
export class ThreadsRepository {
  private readonly posts: EntityRows<PostEntity>;
  private readonly threads: EntityRows<ThreadEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.posts = new EntityRows(dataSource, PostEntity);
    this.threads = new EntityRows(dataSource, ThreadEntity);
  }

  findByIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ThreadEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.findBy(ThreadEntity, { id: In([...ids]) });
  }

  /**
   * The thread under a shared row lock until the caller's transaction ends: a moderator locking
   * it waits for the caller, or the caller sees the lock.
   */
  findForShare(manager: EntityManager, id: string): Promise<ThreadEntity | null> {
    return manager.findOne(ThreadEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  async insert(
    manager: EntityManager,
    thread: Pick<ThreadEntity, 'id' | 'spaceId'> & Partial<Pick<ThreadEntity, 'pathways'>>,
  ): Promise<void> {
    await manager.insert(ThreadEntity, thread);
  }

  async setLastActivity(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(ThreadEntity, { id }, { lastActivityAt: at });
  }

  /**
   * Published, not hidden threads (opening post and thread in one row), most recent activity
   * first, optionally in one space: keyset over (last_activity_at, id), one statement per page.
   */
  async feedPage(
    spaceId: string | null,
    cursor: TimeCursor,
    size: number,
    reader: FeedReader | null = null,
    pathway: Pathway | null = null,
  ): Promise<ThreadPage> {
    const params = new SqlParams();
    const conditions = [publicPostCondition('p')];
    if (spaceId !== null) conditions.push(`t.space_id = ${params.add(spaceId, 'uuid')}`);
    if (pathway) conditions.push(`t.pathways @> ARRAY[${params.add(pathway, 'text')}]`);
    if (reader) conditions.push(...this.readerConditions(params, reader, spaceId === null));
    if (cursor) conditions.push(afterTimeCondition('t.last_activity_at', 't.id', 'DESC', params.add(cursor.time), params.add(cursor.id)));
    const limit = params.add(size + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${this.posts.select('p')}, ${this.threads.select('t', 't_')}, ${timeKeySql('t.last_activity_at')} AS "sortKey"
         FROM thread t JOIN post p ON p.id = t.id
        WHERE ${conditions.join(' AND ')}
        ORDER BY t.last_activity_at DESC, t.id DESC
        LIMIT ${limit}`,
      params.values,
    )) as Row[];
    const page = timeKeyedPage(rows, size, (row) => row);
    return {
      page: { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: this.posts.hydrate(edge.node) })) },
      threads: page.edges.map((edge) => this.threads.hydrate(edge.node, 't_')),
    };
  }

  /**
   * The reader's conditions, still one statement: blocked authors always; muted threads and
   * spaces only in the all-spaces feed (a space page the member opens shows the whole space).
   */
  private readerConditions(params: SqlParams, reader: FeedReader, allSpaces: boolean): string[] {
    const account = params.add(reader.accountId, 'uuid');
    const conditions = [notHiddenByPreferenceCondition('p', account)];
    if (reader.hiddenAuthorIds) conditions.push(notHiddenAuthorCondition('p', params.add(reader.hiddenAuthorIds, 'uuid[]')));
    if (allSpaces) {
      conditions.push(
        `NOT EXISTS (SELECT 1 FROM thread_mute tm WHERE tm.account_id = ${account} AND tm.thread_id = t.id)`,
        `NOT EXISTS (SELECT 1 FROM space_mute sm WHERE sm.account_id = ${account} AND sm.space_id = t.space_id)`,
      );
    }
    return conditions;
  }

  /**
   * Published, not hidden threads per space id, in the order of `spaceIds` (0 for none): the
   * counts the triggers keep in space_thread_count (SpaceThreadCountEntity), one row a space.
   */
  async publicThreadCounts(spaceIds: readonly string[]): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `SELECT space_id AS key, public_threads AS count FROM space_thread_count WHERE space_id = ANY($1::uuid[])`,
      [spaceIds],
    )) as Row[];
    return countsFor(spaceIds, rows);
  }
}
