import { Field, Int, ObjectType } from '@nestjs/graphql';

/**
 * The owner's view of their recovery progress (Account.progress). Per viewer, so no cache
 * hint: it is never cached. Words follow POLICY.md: restarts are "came back" days.
 */
@ObjectType('RecoveryMilestone')
export class MilestoneType {
  @Field(() => Int, { description: 'Total days in recovery at the milestone; identifies it (see shareMilestone).' })
  days!: number;

  @Field(() => Int, { nullable: true, description: 'Whole years, for an anniversary; null for a day-count milestone.' })
  years!: number | null;

  @Field({ description: 'YYYY-MM-DD the milestone falls on.' })
  reachedOn!: string;
}

@ObjectType('RecoveryProgress', {
  description: 'Progress that never resets: total days, the current stretch since the latest came-back day, and days on medication (MOUD).',
})
export class ProgressType {
  @Field({ description: 'YYYY-MM-DD the total counts from: the earlier of the recovery start and the medication start.' })
  countingFrom!: string;

  @Field(() => Int, { description: 'Whole days in recovery, in the member’s own calendar day. Never reset.' })
  totalDays!: number;

  @Field(() => Int, { description: 'Whole days since the latest came-back day (or the start).' })
  currentStretchDays!: number;

  @Field()
  currentStretchStart!: string;

  @Field(() => Int, { description: 'How many times the member came back.' })
  comebacks!: number;

  @Field(() => [String], { description: 'The came-back days (YYYY-MM-DD), oldest first.' })
  comebackDates!: string[];

  @Field(() => Int, { nullable: true, description: 'Whole days on medication (MOUD), null when none is recorded.' })
  daysOnMedication!: number | null;

  @Field(() => [MilestoneType])
  milestonesReached!: MilestoneType[];

  @Field(() => MilestoneType)
  nextMilestone!: MilestoneType;
}
