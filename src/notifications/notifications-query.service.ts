import { Inject, Injectable } from '@nestjs/common';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { CommonError } from '../common/errors/common.errors';
import { isUuid } from '../common/validation/uuid';
import { pageSize, toPage } from '../common/pagination/cursor';
import { decodeTimeCursor, timeCursor } from '../common/pagination/keyset';
import type { NotificationConnectionType, NotificationType } from './notification.type';
import { NotificationsRepository, StoredNotification } from './notifications.repository';

/** Most ids one markNotificationsRead may name. */
const MARK_READ_MAX = 500;

/** A member's inbox: newest first, keyset-paged, with the unread count. */
@Injectable()
export class NotificationsQueryService {
  constructor(
    private readonly notifications: NotificationsRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async page(
    accountId: string,
    args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null },
    hiddenAuthorIds: readonly string[] | null = null,
  ): Promise<NotificationConnectionType> {
    const size = pageSize(args.first, 20, this.config.limits.pageSizeMax);
    const after = decodeTimeCursor(args.after);
    // One row more than the page, to tell whether another page follows.
    const rows = await this.notifications.inboxSlice(accountId, {
      limit: size + 1,
      unreadOnly: args.unreadOnly === true,
      after,
      hiddenAuthorIds,
    });
    const unread = await this.notifications.countUnread(accountId, hiddenAuthorIds);
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
      if (ids.length > MARK_READ_MAX) throw new CommonError('PAGE_SIZE', `Mark at most ${MARK_READ_MAX} notifications at once.`);
      if (ids.some((id) => !isUuid(id))) throw new CommonError('INVALID_ID', 'One of those notifications does not exist.');
    }
    return this.notifications.markRead(accountId, ids ?? null);
  }
}

function toNotification(row: StoredNotification): NotificationType {
  return { id: row.id, kind: row.kind, message: row.message, postId: row.postId, createdAt: row.createdAt, read: row.readAt !== null };
}
