import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ResourcesRepository } from './repositories/resources.repository';
import { ResourcesResolver, ScreeningFeedbackResourcesResolver } from './resources.resolver';
import { ResourcesService } from './resources.service';

/** The resource library: read by anyone (signed out too), kept by admins. */
@Module({
  imports: [AuditModule],
  providers: [ResourcesRepository, ResourcesService, ResourcesResolver, ScreeningFeedbackResourcesResolver],
})
export class ResourcesModule {}
