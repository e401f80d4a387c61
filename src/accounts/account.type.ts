import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { AccountEntity } from './account.entity';
import { MemberType } from './member.type';
import { Pathway } from './pathway';

/**
 * The contract's `Account`: the signed-in account, seen by its owner only.
 *
 * PARENT OBJECT of every `@ResolveField` on `@Resolver(() => AccountType)` (the `posts` and
 * `notifications` fields live in the forum and notifications folders): an `AccountType`
 * instance built by `AccountType.of(entity)`, i.e.
 *
 *   { id,                 // the account id
 *     recoveryStartDate, shareRecoveryDays, suspendedUntil,
 *     account }            // the AccountEntity row, not exposed in GraphQL
 *
 * so `parent.id` is the account id. `member` is resolved from `parent.account` by
 * accounts.resolver.ts.
 */
@ObjectType('Account', { description: 'The signed-in account, seen by its owner only.' })
export class AccountType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  recoveryStartDate!: string | null;

  @Field()
  shareRecoveryDays!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  suspendedUntil!: Date | null;

  @Field({ description: 'The IANA time zone days are counted in (progress, check-ins). Default UTC.' })
  timeZone!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the member began medication for opioid use disorder (MOUD).' })
  medicationStartDate!: string | null;

  @Field(() => [Pathway], { description: 'The paths the member tags themselves with (shown on their Member).' })
  pathways!: Pathway[];

  /** The row itself, for field resolvers. Not a GraphQL field. */
  account!: AccountEntity;

  /** Declared for the schema; resolved by AccountsResolver.member. */
  @Field(() => MemberType)
  member?: MemberType;

  static of(account: AccountEntity): AccountType {
    const type = new AccountType();
    type.id = account.id;
    type.recoveryStartDate = account.recoveryStartDate;
    type.shareRecoveryDays = account.shareRecoveryDays;
    type.suspendedUntil = account.suspendedUntil;
    type.timeZone = account.timeZone;
    type.medicationStartDate = account.medicationStartDate;
    type.pathways = account.pathways;
    type.account = account;
    return type;
  }
}
