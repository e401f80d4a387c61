import { loadConfig } from '../config/config';
import { NotificationKind } from './notification-kind';
import { NotificationsQueryService } from './notifications-query.service';
import type { InboxSlice, NotificationsRepository, StoredNotification } from './notifications.repository';

const ACCOUNT = 'account-1';

function stored(index: number, read: boolean): StoredNotification {
  const second = String(59 - index).padStart(2, '0');
  return {
    id: `00000000-0000-4000-8000-0000000000${String(index).padStart(2, '0')}`,
    kind: NotificationKind.NEW_REPLY,
    message: 'Someone replied to you.',
    postId: null,
    createdAt: new Date(`2026-11-30T08:00:${second}.000Z`),
    readAt: read ? new Date('2026-11-30T09:00:00Z') : null,
    sortKey: `2026-11-30T08:00:${second}.000000Z`,
  };
}

/** An inbox in memory, newest first, as the notification table answers it. */
function setUp(inbox: StoredNotification[]) {
  const slices: InboxSlice[] = [];
  const marked: Array<readonly string[] | null> = [];
  const repository = {
    inboxSlice: async (accountId: string, slice: InboxSlice) => {
      slices.push(slice);
      const after = slice.after;
      return inbox
        .filter((row) => !slice.unreadOnly || row.readAt === null)
        .filter((row) => !after || row.sortKey < after.time || (row.sortKey === after.time && row.id < after.id))
        .slice(0, slice.limit);
    },
    countUnread: async () => inbox.filter((row) => row.readAt === null).length,
    markRead: async (_accountId: string, ids: readonly string[] | null) => {
      marked.push(ids);
      return ids?.length ?? inbox.length;
    },
  } as unknown as NotificationsRepository;
  return { service: new NotificationsQueryService(repository, loadConfig({ PAGE_SIZE_MAX: '50' })), slices, marked };
}

describe('NotificationsQueryService', () => {
  it('pages the inbox newest first, and the next page starts where the last one ended', async () => {
    const inbox = [0, 1, 2, 3, 4].map((index) => stored(index, index > 2));
    const { service } = setUp(inbox);
    const first = await service.page(ACCOUNT, { first: 2 });
    expect(first.edges.map((edge) => edge.node.id)).toEqual([inbox[0].id, inbox[1].id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await service.page(ACCOUNT, { first: 10, after: first.pageInfo.endCursor });
    expect(rest.edges.map((edge) => edge.node.id)).toEqual([inbox[2].id, inbox[3].id, inbox[4].id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('says which notifications are read, and counts the unread ones across every page', async () => {
    const { service } = setUp([stored(0, false), stored(1, true), stored(2, false)]);
    const page = await service.page(ACCOUNT, { first: 1 });
    expect(page.edges[0].node).toMatchObject({ read: false, kind: NotificationKind.NEW_REPLY, message: 'Someone replied to you.' });
    expect(page.unreadCount).toBe(2);
  });

  it('lists only unread ones when asked', async () => {
    const { service } = setUp([stored(0, true), stored(1, false)]);
    const page = await service.page(ACCOUNT, { unreadOnly: true });
    expect(page.edges.map((edge) => edge.node.read)).toEqual([false]);
  });

  it('refuses a page size out of bounds and a cursor it did not make', async () => {
    const { service, slices } = setUp([]);
    await expect(service.page(ACCOUNT, { first: 51 })).rejects.toMatchObject({ details: { reason: 'PAGE_SIZE' } });
    await expect(service.page(ACCOUNT, { first: 0 })).rejects.toMatchObject({ details: { reason: 'PAGE_SIZE' } });
    await expect(service.page(ACCOUNT, { after: 'made-up' })).rejects.toMatchObject({ details: { reason: 'INVALID_CURSOR' } });
    expect(slices).toEqual([]);
  });

  it('marks the given notifications read, or all of them when none are named', async () => {
    const { service, marked } = setUp([stored(0, false), stored(1, false)]);
    await expect(service.markRead(ACCOUNT, [stored(0, false).id])).resolves.toBe(1);
    await expect(service.markRead(ACCOUNT, null)).resolves.toBe(2);
    expect(marked).toEqual([[stored(0, false).id], null]);
  });

  it('refuses more than 500 ids, or an id that is not one, without marking anything', async () => {
    const { service, marked } = setUp([]);
    const many = Array.from({ length: 501 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    await expect(service.markRead(ACCOUNT, many)).rejects.toMatchObject({ details: { reason: 'PAGE_SIZE' } });
    await expect(service.markRead(ACCOUNT, ['not-an-id'])).rejects.toMatchObject({ details: { reason: 'INVALID_ID' } });
    expect(marked).toEqual([]);
  });
});
