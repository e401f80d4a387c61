import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { CommonError } from '../common/errors/common.errors';
import { isUuid } from '../common/validation/uuid';
import { pageSize, toPage } from '../common/pagination/cursor';
import { afterTimeCondition, decodeTimeCursor, timeCursor, timeKeySql } from '../common/pagination/keyset';
import type { NotificationConnectionType, NotificationType } from './notification.type';
import { NotificationKind } from './notification-kind';
import { NotificationEntity } from './notification.entity';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  message: string;
  postId: string | null;
  createdAt: Date;
  readAt: Date | null;
  sortKey: string;
}


/** A member's inbox: newest first, keyset-paged, with the unread count. */
@Injectable()
export class NotificationsQueryService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async page(accountId: string, args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }): Promise<NotificationConnectionType> {
    const size = pageSize(args.first, 20, this.config.limits.pageSizeMax);
    const cursor = decodeTimeCursor(args.after);
    const params: unknown[] = [accountId, size + 1];
    let where = 'account_id = $1';
    if (args.unreadOnly) where += ' AND read_at IS NULL';
    if (cursor) {
      params.push(cursor.time, cursor.id);
      where += ` AND ${afterTimeCondition('created_at', 'id', 'DESC', '$3', '$4')}`;
    }
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT id, kind, message, post_id AS "postId", created_at AS "createdAt", read_at AS "readAt", ${timeKeySql('created_at')} AS "sortKey"
         FROM notification WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const [{ unread }] = await this.dataSource.query(`SELECT count(*)::int AS unread FROM notification WHERE account_id = $1 AND read_at IS NULL`, [accountId]);
    const page = toPage(rows, size, (row) => timeCursor(row.sortKey, row.id));
    return {
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toNotification(edge.node) })),
      pageInfo: page.pageInfo,
      unreadCount: unread,
    };
  }

  /** Marks the given notifications (or all, when ids is null) read; returns how many changed. */
  async markRead(accountId: string, ids: string[] | null | undefined): Promise<number> {
    if (ids) {
      if (ids.length > 500) throw new CommonError('PAGE_SIZE', 'Mark at most 500 notifications at once.');
      if (ids.some((id) => !isUuid(id))) throw new CommonError('INVALID_ID', 'One of those notifications does not exist.');
    }
    const update = this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('account_id = :accountId AND read_at IS NULL', { accountId });
    if (ids) update.andWhere('id = ANY(:ids::uuid[])', { ids });
    const result = await update.execute();
    return result.affected ?? 0;
  }
}

function toNotification(row: NotificationRow): NotificationType {
  return { id: row.id, kind: row.kind, message: row.message, postId: row.postId, createdAt: row.createdAt, read: row.readAt !== null };
}
