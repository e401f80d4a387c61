import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.type';

/**
 * A daily check-in, seen by its member only (Account.checkIns, the checkIn mutation): never
 * cached (no hint), never listed for anyone else. PARENT OBJECT: a CheckInEntity row.
 */
@ObjectType('CheckIn', { description: 'A private daily check-in, seen by its member only. No streaks: a missed day is just a day.' })
export class CheckInType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The member's own calendar date (YYYY-MM-DD) in timeZone, counted by the server." })
  localDate!: string;

  @Field()
  timeZone!: string;

  @Field(() => Int, { description: 'How today feels: 1 really hard, 2 hard, 3 okay, 4 good, 5 really good.' })
  mood!: number;

  @Field()
  intention!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export const CheckInConnection = Connection(CheckInType, 'CheckIn');

@InputType('CheckInInput')
export class CheckInInput {
  @Field(() => Int, { description: 'How today feels, 1 (really hard) to 5 (really good).' })
  mood!: number;

  @Field({ description: 'A short intention for today (CHECKIN_INTENTION_MAX_CHARS).' })
  intention!: string;

  @Field(() => String, { nullable: true, description: 'An optional note (CHECKIN_NOTE_MAX_CHARS).' })
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The member's IANA time zone, e.g. America/Chicago; when left out, the one saved on the profile (Account.timeZone, UTC by default).",
  })
  timeZone?: string | null;

  @Field({
    defaultValue: false,
    description: "Also post mood and intention as a reply in today's check-in thread (screened like any reply).",
  })
  share!: boolean;

  @Field({ defaultValue: false, description: 'With share: include the note in the shared reply too.' })
  shareNote!: boolean;
}
