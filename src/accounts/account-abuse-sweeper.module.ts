import { DynamicModule, Module } from '@nestjs/common';
import { ACCOUNT_SWEEPER_ENABLED, AccountAbuseSweeper } from './account-abuse.sweeper';

/** The purge of the abuse guards' tables; on a timer only in processes that run workers (like the screening sweeper). */
@Module({})
export class AccountAbuseSweeperModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: AccountAbuseSweeperModule,
      providers: [{ provide: ACCOUNT_SWEEPER_ENABLED, useValue: options.workers }, AccountAbuseSweeper],
      exports: [AccountAbuseSweeper],
    };
  }
}
