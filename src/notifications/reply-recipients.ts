import { EntityManager } from 'typeorm';
import { PostEntity } from '../forum/post.entity';
import { NotificationKind } from './notification-kind';
import type { NotificationsService } from './notifications.service';

/**
 * Who hears of a newly published reply: the thread's author and the author of the reply
 * answered, once each, never the reply's own author. Shared by screening (a reply published
 * on screening) and moderation (a held reply approved).
 */
export async function replyRecipients(
  manager: EntityManager,
  reply: Pick<PostEntity, 'threadId' | 'inReplyToId' | 'authorId'>,
): Promise<string[]> {
  const ids = [reply.threadId, reply.inReplyToId].filter((id): id is string => id !== null);
  const parents = await manager.find(PostEntity, { where: ids.map((id) => ({ id })), select: { id: true, authorId: true } });
  return [...new Set(parents.map((parent) => parent.authorId).filter((id): id is string => id !== null && id !== reply.authorId))];
}

/** NEW_REPLY to each recipient, in the caller's transaction. */
export async function notifyReplyRecipients(
  manager: EntityManager,
  notifications: NotificationsService,
  reply: Pick<PostEntity, 'id' | 'threadId' | 'inReplyToId' | 'authorId'>,
): Promise<void> {
  for (const accountId of await replyRecipients(manager, reply)) {
    await notifications.notify(manager, accountId, NotificationKind.NEW_REPLY, 'Someone replied to you.', reply.id);
  }
}
