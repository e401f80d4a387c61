import { Module } from '@nestjs/common';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  providers: [NotificationsRepository, NotificationsService],
  // The repository also serves the member's data export (workflows/member-data).
  exports: [NotificationsService, NotificationsRepository],
})
export class NotificationsModule {}
