import { DynamicModule, Module } from '@nestjs/common';
import { ACCOUNT_SWEEPER_ENABLED, AccountAbuseSweeper } from './account-abuse.sweeper';
import { ClientRateCountersRepository } from './repositories/client-rate-counters.repository';
import { ProofOfWorkRepository } from './repositories/proof-of-work.repository';
import { SignInThrottleRepository } from './repositories/sign-in-throttle.repository';

/** The purge of the abuse guards' tables; on a timer only in processes that run workers (like the screening sweeper). */
@Module({})
export class AccountAbuseSweeperModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: AccountAbuseSweeperModule,
      providers: [
        { provide: ACCOUNT_SWEEPER_ENABLED, useValue: options.workers },
        SignInThrottleRepository,
        ClientRateCountersRepository,
        ProofOfWorkRepository,
        AccountAbuseSweeper,
      ],
      exports: [AccountAbuseSweeper],
    };
  }
}
