import { DynamicModule, Module } from '@nestjs/common';
import { AlertDeliveryProcessor } from './alert-delivery.processor';
import { AlertDeliveryQueue } from './alert-delivery.queue';
import { AlertSender } from './alert-sender';
import { CaseAlertsRepository } from './case-alerts.repository';
import { ON_CALL_ENABLED, OnCallWatch } from './on-call-watch';

/**
 * On-call alerts. The watch and the deliveries run where workers run (the API by default,
 * `npm run worker` always); the repository is exported for /health/details.
 */
@Module({})
export class OnCallModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: OnCallModule,
      providers: [
        { provide: ON_CALL_ENABLED, useValue: options.workers },
        CaseAlertsRepository,
        AlertDeliveryQueue,
        AlertSender,
        OnCallWatch,
        AlertDeliveryProcessor,
      ],
      exports: [CaseAlertsRepository, OnCallWatch],
    };
  }
}
