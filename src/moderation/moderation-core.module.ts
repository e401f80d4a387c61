import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { AuditModule } from '../audit/audit.module';
import { CaseChangeBus, PostgresCaseChangeBus, RedisCaseChangeBus } from './case-change-bus';
import { CaseIntakeService } from './case-intake.service';
import { DecisionExamplesService } from './decision-examples.service';
import { CASE_CHANGE_BUS, ModerationEventsService } from './moderation-events.service';
import { DecisionExamplesRepository } from './repositories/decision-examples.repository';
import { ModerationCasesRepository } from './repositories/moderation-cases.repository';

/**
 * What workflows need of moderation in every process, API or worker: case intake, case events and
 * the decision examples (recorded with a decision, deleted with an erased post's words).
 * The case-change bus follows the queue's backend (Redis when REDIS_URL is set, else
 * Postgres) and connects lazily: a process that never publishes or listens opens nothing.
 */
@Module({
  imports: [AuditModule],
  providers: [
    ModerationCasesRepository,
    DecisionExamplesRepository,
    DecisionExamplesService,
    CaseIntakeService,
    ModerationEventsService,
    {
      provide: CASE_CHANGE_BUS,
      inject: [KINDRED_CONFIG, DataSource],
      useFactory: (config: KindredConfig, dataSource: DataSource): CaseChangeBus =>
        config.redisUrl
          ? new RedisCaseChangeBus(config.redisUrl, config.queuePrefix)
          : new PostgresCaseChangeBus(config.databaseUrl as string, (channel, payload) =>
              dataSource.query('SELECT pg_notify($1, $2)', [channel, payload]),
            ),
    },
  ],
  exports: [ModerationCasesRepository, DecisionExamplesRepository, DecisionExamplesService, CaseIntakeService, ModerationEventsService],
})
export class ModerationCoreModule {}
