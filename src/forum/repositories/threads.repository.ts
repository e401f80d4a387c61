import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page } from '../../common/pagination/cursor';
import { afterTimeCondition, timeCursor, timeKeySql } from '../../common/pagination/keyset';
import { PostEntity } from '../post.entity';
import type { Pathway } from '../../accounts/pathway';
import { notHiddenByPreferenceCondition, publicPostCondition } from '../post-visibility';
import { ThreadEntity } from '../thread.entity';
import { EntityRows } from './entity-rows';
import { countsFor, pageOfRows, Row, textOf } from './row-values';
import { SqlParams } from './sql-params';
import type { TimeCursor } from './posts.repository';

/** Narrowing of a feed page: a pathway, and the viewer whose HIDE preferences apply (null when signed out). */
export interface FeedFilters {
  pathway?: Pathway | null;
  viewerId?: string | null;
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
  async feedPage(spaceId: string | null, cursor: TimeCursor, size: number, filters: FeedFilters = {}): Promise<ThreadPage> {
    const params = new SqlParams();
    const conditions = [publicPostCondition('p')];
    if (spaceId !== null) conditions.push(`t.space_id = ${params.add(spaceId, 'uuid')}`);
    if (filters.pathway) conditions.push(`t.pathways @> ARRAY[${params.add(filters.pathway, 'text')}]`);
    if (filters.viewerId) conditions.push(notHiddenByPreferenceCondition('p', params.add(filters.viewerId, 'uuid')));
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
    const page = pageOfRows(
      rows,
      size,
      (row) => timeCursor(textOf(row, 'sortKey'), textOf(row, 'id')),
      (row) => row,
    );
    return {
      page: { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: this.posts.hydrate(edge.node) })) },
      threads: page.edges.map((edge) => this.threads.hydrate(edge.node, 't_')),
    };
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
