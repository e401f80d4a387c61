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

/**
 * Who else may hear of a reply, and who must not (issue 10): the thread's followers, and the
 * members a block or a mute keeps quiet. Answered by the forum's connections; the workflows
 * that publish replies pass it in.
 */
export interface ReplyAudience {
  followersOf(manager: EntityManager, threadId: string): Promise<string[]>;
  quietAmong(manager: EntityManager, accountIds: readonly string[], authorId: string | null, threadId: string): Promise<Set<string>>;
}

/**
 * In the caller's transaction (the one that publishes the reply, so a reply still pending,
 * held or rejected tells nobody): NEW_REPLY to each recipient, then FOLLOWED_THREAD_REPLY to
 * each follower who is not already told (one notice per reply per member), never to the
 * reply's author, and to nobody a block or a mute keeps quiet.
 */
export async function notifyReplyRecipients(
  manager: EntityManager,
  notifications: NotificationsService,
  reply: Pick<PostEntity, 'id' | 'threadId' | 'inReplyToId' | 'authorId'>,
  audience: ReplyAudience,
): Promise<void> {
  const direct = await replyRecipients(manager, reply);
  const followers = (await audience.followersOf(manager, reply.threadId)).filter((id) => id !== reply.authorId && !direct.includes(id));
  const quiet = await audience.quietAmong(manager, [...direct, ...followers], reply.authorId, reply.threadId);
  for (const accountId of direct) {
    if (quiet.has(accountId)) continue;
    await notifications.notify(manager, accountId, NotificationKind.NEW_REPLY, 'Someone replied to you.', reply.id);
  }
  for (const accountId of followers) {
    if (quiet.has(accountId)) continue;
    await notifications.notify(
      manager,
      accountId,
      NotificationKind.FOLLOWED_THREAD_REPLY,
      'There is a new reply in a thread you follow.',
      reply.id,
    );
  }
}
