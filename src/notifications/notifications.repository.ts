import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { afterTimeCondition, timeKeySql } from '../common/pagination/keyset';
import {
  dateColumn,
  enumColumn,
  integerColumn,
  nullableDateColumn,
  nullableStringColumn,
  rowsOf,
  stringColumn,
} from '../database/sql-result';
import { NotificationEntity } from './notification.entity';
import { NotificationKind } from './notification-kind';

export interface NewNotification {
  accountId: string;
  kind: NotificationKind;
  message: string;
  postId: string | null;
}

/** One inbox row, with its exact keyset sort key (microseconds, as timeKeySql writes it). */
export interface StoredNotification {
  id: string;
  kind: NotificationKind;
  message: string;
  postId: string | null;
  createdAt: Date;
  readAt: Date | null;
  sortKey: string;
}

export interface InboxSlice {
  /** At most this many rows, newest first. */
  limit: number;
  unreadOnly: boolean;
  /** Only rows after this (createdAt key, id) in the newest-first order. */
  after: { time: string; id: string } | null;
  /** Leave out notices about posts by these members (blocks either way); null for none. */
  hiddenAuthorIds?: readonly string[] | null;
}

/**
 * Keeps notices whose post is not by a member a block hides: a notice written before the block
 * (later ones are never written) leaves the inbox with the block and comes back with an unblock.
 */
function notHiddenCondition(param: string): string {
  return `NOT EXISTS (SELECT 1 FROM post hp WHERE hp.id = notification.post_id AND hp.author_id = ANY(${param}::uuid[]))`;
}

/** The notification table. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In the caller's transaction: the notification exists exactly when the change it tells of does. */
  async insert(manager: EntityManager, notification: NewNotification): Promise<void> {
    await manager.insert(NotificationEntity, notification);
  }

  async inboxSlice(accountId: string, slice: InboxSlice): Promise<StoredNotification[]> {
    const params: unknown[] = [accountId, slice.limit];
    let where = 'account_id = $1';
    if (slice.unreadOnly) where += ' AND read_at IS NULL';
    if (slice.after) {
      params.push(slice.after.time, slice.after.id);
      where += ` AND ${afterTimeCondition('created_at', 'id', 'DESC', '$3', '$4')}`;
    }
    if (slice.hiddenAuthorIds && slice.hiddenAuthorIds.length > 0) {
      params.push(slice.hiddenAuthorIds);
      where += ` AND ${notHiddenCondition(`$${params.length}`)}`;
    }
    const result: unknown = await this.dataSource.query(
      `SELECT id, kind, message, post_id, created_at, read_at, ${timeKeySql('created_at')} AS sort_key
         FROM notification WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    return rowsOf(result).map((row) => ({
      id: stringColumn(row, 'id'),
      kind: enumColumn(row, 'kind', NotificationKind),
      message: stringColumn(row, 'message'),
      postId: nullableStringColumn(row, 'post_id'),
      createdAt: dateColumn(row, 'created_at'),
      readAt: nullableDateColumn(row, 'read_at'),
      sortKey: stringColumn(row, 'sort_key'),
    }));
  }

  /** Every notification the account received, oldest first (the member's data export). */
  allForAccount(manager: EntityManager, accountId: string): Promise<NotificationEntity[]> {
    return manager.find(NotificationEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async countUnread(accountId: string, hiddenAuthorIds: readonly string[] | null = null): Promise<number> {
    if (!hiddenAuthorIds || hiddenAuthorIds.length === 0) {
      return this.dataSource.manager.countBy(NotificationEntity, { accountId, readAt: IsNull() });
    }
    const [row] = rowsOf(
      await this.dataSource.query(
        `SELECT count(*)::int AS count FROM notification WHERE account_id = $1 AND read_at IS NULL AND ${notHiddenCondition('$2')}`,
        [accountId, hiddenAuthorIds],
      ),
    );
    return row ? integerColumn(row, 'count') : 0;
  }

  /** Marks the account's unread notifications read (only those in `ids`, when given); how many changed. */
  async markRead(accountId: string, ids: readonly string[] | null): Promise<number> {
    const update = this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('account_id = :accountId AND read_at IS NULL', { accountId });
    if (ids) update.andWhere('id = ANY(:ids::uuid[])', { ids: [...ids] });
    const result = await update.execute();
    return result.affected ?? 0;
  }
}
