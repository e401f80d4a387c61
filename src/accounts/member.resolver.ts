import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { daysInRecovery, joinedMonth } from './member-fields';
import { MemberSource, MemberType } from './member.type';

/** Derived fields of Member. The parent is an AccountEntity (see member.type.ts). */
@Resolver(() => MemberType)
export class MemberResolver {
  @ResolveField('joinedMonth', () => String, { description: 'Year and month of joining, e.g. 2026-11 (never the exact time).' })
  joinedMonth(@Parent() member: MemberSource): string {
    return joinedMonth(member.createdAt);
  }

  @ResolveField('daysInRecovery', () => Int, {
    nullable: true,
    description: "Whole days since the member's recovery start date, only where the member chose to share it.",
  })
  daysInRecovery(@Parent() member: MemberSource): number | null {
    return daysInRecovery(member.recoveryStartDate, member.shareRecoveryDays, new Date());
  }
}
