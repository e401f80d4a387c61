import { Module } from '@nestjs/common';
import { CrisisResourcesResolver } from './crisis-resources.resolver';
import { CrisisResourcesService } from './crisis-resources.service';
import { DraftCheckLimitService } from './draft/draft-check-limit.service';
import { DraftChecksRepository } from './draft/draft-checks.repository';
import { DraftScreeningResolver } from './draft/draft-screening.resolver';
import { DraftScreeningService } from './draft/draft-screening.service';
import { ScreeningModelResolver } from './model-summary/screening-model.resolver';
import { ScreeningModelService } from './model-summary/screening-model.service';
import { ScreeningQueueService } from './screening-queue.service';
import { ScreeningPool } from './pool/screening-pool';
import { screeningPoolProvider } from './pool/screening-pool.provider';

/**
 * Screening as a service to the rest of the app: the pool of threads that runs the engine
 * (for queued posts and draft checks alike), the queue producer, crisis resources, draft
 * checks, and what admins see of the trained model. Applying a screening result to a post
 * crosses domains, so the worker and the sweeper live in workflows/.
 */
@Module({
  providers: [
    screeningPoolProvider,
    CrisisResourcesService,
    CrisisResourcesResolver,
    ScreeningQueueService,
    DraftCheckLimitService,
    DraftChecksRepository,
    DraftScreeningService,
    DraftScreeningResolver,
    ScreeningModelService,
    ScreeningModelResolver,
  ],
  // DraftChecksRepository also serves the member's data export (workflows/member-data).
  exports: [ScreeningQueueService, CrisisResourcesService, ScreeningPool, DraftChecksRepository],
})
export class ScreeningModule {}
