import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationKind } from './notification-kind';
import { NotificationsRepository } from './notifications.repository';

/**
 * What members are told. Always called with the transaction that makes the state change,
 * so a member is never told of something that did not happen (or not told of something that did).
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async notify(
    manager: EntityManager,
    accountId: string | null,
    kind: NotificationKind,
    message: string,
    postId: string | null = null,
  ): Promise<void> {
    if (accountId === null) return; // an anonymized author has no inbox
    await this.notifications.insert(manager, { accountId, kind, message, postId });
  }
}
