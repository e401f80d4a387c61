import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import type { KindredConfig } from '../config/config';
import { ConfigModule } from '../config/config.module';
import { dataSourceOptions } from '../database/data-source';

/** Just enough of the application for operator commands: config, database, accounts. */
@Module({})
export class CliModule {
  static forRoot(config: KindredConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl as string), extra: { max: 2 } }),
        AccountsModule,
      ],
    };
  }
}
