import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { joinedMonth } from './member-fields';
import { MemberSource, MemberType } from './member.type';
import { localDate, progressOn } from './progress/progress-arithmetic';

/** Derived fields of Member. The parent is an AccountEntity (see member.type.ts). */
@Resolver(() => MemberType)
export class MemberResolver {
  @ResolveField('joinedMonth', () => String, { description: 'Year and month of joining, e.g. 2026-11 (never the exact time).' })
  joinedMonth(@Parent() member: MemberSource): string {
    return joinedMonth(member.createdAt);
  }

  /**
   * The total of the member's progress (progress-arithmetic.ts): whole days in their own
   * calendar day, never reset by a came-back date, counting days on medication (MOUD) as
   * recovery. Their current stretch and restarts are never shown to others.
   */
  @ResolveField('daysInRecovery', () => Int, {
    nullable: true,
    description: "Whole days since the member's recovery start date, only where the member chose to share it.",
  })
  daysInRecovery(@Parent() member: MemberSource): number | null {
    if (!member.shareRecoveryDays) return null;
    const records = { recoveryStartDate: member.recoveryStartDate, medicationStartDate: member.medicationStartDate, comebackDates: [] };
    return progressOn(records, localDate(new Date(), member.timeZone), [])?.totalDays ?? null;
  }
}
