import { Module } from '@nestjs/common';
import { NotificationsQueryService } from './notifications-query.service';
import { NotificationsRepository } from './notifications.repository';
import { AccountNotificationsResolver, NotificationsResolver } from './notifications.resolver';

/** The members' inbox over GraphQL; writing notifications is NotificationsModule's job. */
@Module({
  providers: [NotificationsRepository, NotificationsQueryService, AccountNotificationsResolver, NotificationsResolver],
})
export class NotificationsApiModule {}
