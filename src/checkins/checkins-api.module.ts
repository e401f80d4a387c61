import { Module } from '@nestjs/common';
import { CheckInFieldsResolver, AccountCheckInsResolver } from './check-ins.resolver';
import { CheckInsModule } from './checkins.module';

/** The check-ins' GraphQL fields (the API only). */
@Module({
  imports: [CheckInsModule],
  providers: [AccountCheckInsResolver, CheckInFieldsResolver],
})
export class CheckInsApiModule {}
