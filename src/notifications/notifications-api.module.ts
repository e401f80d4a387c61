import { Module } from '@nestjs/common';
import { NotificationsQueryService } from './notifications-query.service';
import { AccountNotificationsResolver, NotificationsResolver } from './notifications.resolver';

/** The members' inbox over GraphQL; writing notifications is NotificationsModule's job. */
@Module({
  providers: [NotificationsQueryService, AccountNotificationsResolver, NotificationsResolver],
})
export class NotificationsApiModule {}
