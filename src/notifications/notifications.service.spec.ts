import type { EntityManager } from 'typeorm';
import { NotificationKind } from './notification-kind';
import type { NewNotification, NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

function setUp() {
  const written: Array<{ manager: EntityManager; notification: NewNotification }> = [];
  const repository = {
    insert: async (manager: EntityManager, notification: NewNotification) => void written.push({ manager, notification }),
  } as unknown as NotificationsRepository;
  return { service: new NotificationsService(repository), written };
}

describe('NotificationsService', () => {
  it("writes the notification in the caller's transaction, so it exists exactly when the change does", async () => {
    const { service, written } = setUp();
    const transaction = {} as EntityManager;
    await service.notify(transaction, 'account-1', NotificationKind.POST_HELD, 'Your post is waiting for a moderator.', 'post-1');
    expect(written).toEqual([
      {
        manager: transaction,
        notification: {
          accountId: 'account-1',
          kind: NotificationKind.POST_HELD,
          message: 'Your post is waiting for a moderator.',
          postId: 'post-1',
        },
      },
    ]);
  });

  it('writes a notification about no post when none is given', async () => {
    const { service, written } = setUp();
    await service.notify({} as EntityManager, 'account-1', NotificationKind.MODERATOR_WARNING, 'A moderator sent you a warning.');
    expect(written[0].notification.postId).toBeNull();
  });

  it('tells nobody when the author was anonymized (no account)', async () => {
    const { service, written } = setUp();
    await service.notify({} as EntityManager, null, NotificationKind.POST_REMOVED, 'Your post was removed.', 'post-1');
    expect(written).toEqual([]);
  });
});
