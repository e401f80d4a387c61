import { Module } from '@nestjs/common';
import { CheckInClock } from './check-in-clock';
import { CheckInsService } from './check-ins.service';
import { CheckInsRepository } from './repositories/check-ins.repository';

/** Check-ins' rules and tables, for every process (the workflows write check-ins); the API adds the resolvers (CheckInsApiModule). */
@Module({
  providers: [CheckInClock, CheckInsRepository, CheckInsService],
  exports: [CheckInClock, CheckInsRepository, CheckInsService],
})
export class CheckInsModule {}
