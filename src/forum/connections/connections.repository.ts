import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '../../common/pagination/cursor';
import { afterTimeCondition, timeKeySql } from '../../common/pagination/keyset';
import { PostEntity } from '../post.entity';
import { notHiddenAuthorCondition, publicPostCondition } from '../post-visibility';
import { EntityRows } from '../repositories/entity-rows';
import { numberOf, timeKeyedPage, Row, textOf } from '../repositories/row-values';
import { SqlParams } from '../repositories/sql-params';
import type { TimeCursor } from '../repositories/posts.repository';
import { MemberBlockEntity } from './member-block.entity';
import { PostBookmarkEntity } from './post-bookmark.entity';
import { SpaceMuteEntity } from './space-mute.entity';
import { ThreadFollowEntity } from './thread-follow.entity';
import { ThreadMuteEntity } from './thread-mute.entity';

/** The tables a member's connections live in: each row is (account, target). */
export type ConnectionTable = 'thread_follow' | 'post_bookmark' | 'thread_mute' | 'space_mute' | 'member_block';

const TARGET_COLUMN: Record<ConnectionTable, string> = {
  thread_follow: 'thread_id',
  post_bookmark: 'post_id',
  thread_mute: 'thread_id',
  space_mute: 'space_id',
  member_block: 'blocked_id',
};

const OWNER_COLUMN: Record<ConnectionTable, string> = {
  thread_follow: 'account_id',
  post_bookmark: 'account_id',
  thread_mute: 'account_id',
  space_mute: 'account_id',
  member_block: 'blocker_id',
};

/** What a member keeps of the forum, all in one place for the member's data export. */
export interface MemberConnections {
  follows: ThreadFollowEntity[];
  bookmarks: PostBookmarkEntity[];
  threadMutes: ThreadMuteEntity[];
  spaceMutes: SpaceMuteEntity[];
  blocks: MemberBlockEntity[];
}

/**
 * Follows, bookmarks, mutes and blocks (issue 10): small per-member tables with one
 * repository, since each is the same (account, target) pair with its own meaning.
 */
@Injectable()
export class ConnectionsRepository {
  private readonly posts: EntityRows<PostEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.posts = new EntityRows(dataSource, PostEntity);
  }

  /** Adds the pair unless it is there already (idempotent). */
  async add(table: ConnectionTable, ownerId: string, targetId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${table} (${OWNER_COLUMN[table]}, ${TARGET_COLUMN[table]}) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [ownerId, targetId],
    );
  }

  /** Removes the pair; true when it was there. */
  async remove(table: ConnectionTable, ownerId: string, targetId: string): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `DELETE FROM ${table} WHERE ${OWNER_COLUMN[table]} = $1 AND ${TARGET_COLUMN[table]} = $2`,
      [ownerId, targetId],
    )) as [unknown, number];
    return affected > 0;
  }

  async count(table: ConnectionTable, ownerId: string): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT count(*)::int AS count FROM ${table} WHERE ${OWNER_COLUMN[table]} = $1`, [
      ownerId,
    ])) as Row[];
    return rows.length > 0 ? numberOf(rows[0], 'count') : 0;
  }

  /** Which of `targetIds` the owner has in `table`, in one statement (the per-viewer loaders). */
  async whichOf(table: ConnectionTable, ownerId: string, targetIds: readonly string[]): Promise<Set<string>> {
    const rows = (await this.dataSource.query(
      `SELECT ${TARGET_COLUMN[table]}::text AS id FROM ${table} WHERE ${OWNER_COLUMN[table]} = $1 AND ${TARGET_COLUMN[table]} = ANY($2::uuid[])`,
      [ownerId, targetIds],
    )) as Row[];
    return new Set(rows.map((row) => textOf(row, 'id')));
  }

  /** Whether an account with this id exists (a block names a member by their public id). */
  async memberExists(id: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM account WHERE id = $1`, [id])) as Row[];
    return rows.length > 0;
  }

  /** The members this member blocked, newest first (only the blocker ever sees this list). */
  async blockedBy(blockerId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT blocked_id::text AS id FROM member_block WHERE blocker_id = $1 ORDER BY created_at DESC, blocked_id`,
      [blockerId],
    )) as Row[];
    return rows.map((row) => textOf(row, 'id'));
  }

  /**
   * A page of the member's bookmarks, newest bookmark first, keyset over (bookmark time, post
   * id). Only posts the member may still see: published and not hidden (or their own), in a
   * thread they may see, by nobody a block hides; a bookmark of a post since removed simply
   * drops out (and comes back if a moderator restores the post).
   */
  async bookmarkPage(
    accountId: string,
    hiddenAuthorIds: readonly string[] | null,
    cursor: TimeCursor,
    size: number,
  ): Promise<Page<PostEntity>> {
    const params = new SqlParams();
    const account = params.add(accountId, 'uuid');
    const conditions = [
      `b.account_id = ${account}`,
      `(${publicPostCondition('p')} OR p.author_id = ${account})`,
      `(${publicPostCondition('t')} OR t.author_id = ${account})`,
    ];
    if (hiddenAuthorIds) {
      const hidden = params.add(hiddenAuthorIds, 'uuid[]');
      conditions.push(notHiddenAuthorCondition('p', hidden), notHiddenAuthorCondition('t', hidden));
    }
    if (cursor) conditions.push(afterTimeCondition('b.created_at', 'b.post_id', 'DESC', params.add(cursor.time), params.add(cursor.id)));
    const limit = params.add(size + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${this.posts.select('p')}, ${timeKeySql('b.created_at')} AS "sortKey"
         FROM post_bookmark b
         JOIN post p ON p.id = b.post_id
         JOIN post t ON t.id = p.thread_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY b.created_at DESC, b.post_id DESC
        LIMIT ${limit}`,
      params.values,
    )) as Row[];
    return timeKeyedPage(rows, size, (row) => this.posts.hydrate(row));
  }

  /** Who follows the thread, in the caller's transaction (a reply being published). */
  async followersOf(manager: EntityManager, threadId: string): Promise<string[]> {
    const rows = (await manager.query(`SELECT account_id::text AS id FROM thread_follow WHERE thread_id = $1`, [threadId])) as Row[];
    return rows.map((row) => textOf(row, 'id'));
  }

  /**
   * Which of `accountIds` must not hear of a reply by `authorId` in `threadId`: those a block
   * stands between (either way) and the reply's author or the thread's (whose thread they can no
   * longer open), and those who muted the thread or its space. One statement.
   */
  async quietAmong(manager: EntityManager, accountIds: readonly string[], authorId: string | null, threadId: string): Promise<Set<string>> {
    if (accountIds.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT a.id::text AS id FROM unnest($1::uuid[]) AS a(id)
        WHERE EXISTS (SELECT 1 FROM member_block b
                       WHERE (b.blocker_id = a.id AND b.blocked_id = $2) OR (b.blocker_id = $2 AND b.blocked_id = a.id))
           OR EXISTS (SELECT 1 FROM post tp JOIN member_block b
                           ON (b.blocker_id = a.id AND b.blocked_id = tp.author_id) OR (b.blocker_id = tp.author_id AND b.blocked_id = a.id)
                       WHERE tp.id = $3)
           OR EXISTS (SELECT 1 FROM thread_mute tm WHERE tm.account_id = a.id AND tm.thread_id = $3)
           OR EXISTS (SELECT 1 FROM thread t JOIN space_mute sm ON sm.space_id = t.space_id
                       WHERE t.id = $3 AND sm.account_id = a.id)`,
      [accountIds, authorId, threadId],
    )) as Row[];
    return new Set(rows.map((row) => textOf(row, 'id')));
  }

  /** Everything the member keeps, oldest first (the member's data export). */
  async allOf(manager: EntityManager, accountId: string): Promise<MemberConnections> {
    const order = { createdAt: 'ASC' } as const;
    return {
      follows: await manager.find(ThreadFollowEntity, { where: { accountId }, order }),
      bookmarks: await manager.find(PostBookmarkEntity, { where: { accountId }, order }),
      threadMutes: await manager.find(ThreadMuteEntity, { where: { accountId }, order }),
      spaceMutes: await manager.find(SpaceMuteEntity, { where: { accountId }, order }),
      blocks: await manager.find(MemberBlockEntity, { where: { blockerId: accountId }, order }),
    };
  }
}
