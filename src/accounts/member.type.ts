import { Field, ID, ObjectType } from '@nestjs/graphql';
import './account-enums';
import { Role } from '../common/auth/role';
import { AccountEntity } from './account.entity';
import { Pathway } from './pathway';
import { Perspective } from './perspective';
import { PublicContent } from '../common/graphql/cache-hints';

/**
 * The contract's `Member`: the public face of an account.
 *
 * PARENT OBJECT: an `AccountEntity` (e.g. from `loaders.accounts.accountById`). Return the
 * entity itself wherever a Member is expected; `id`, `pseudonym`, `perspective` and `role`
 * are read from it directly, and member.resolver.ts derives `joinedMonth` (from createdAt)
 * and `daysInRecovery` (from recoveryStartDate, medicationStartDate, timeZone and
 * shareRecoveryDays: total days, progress-arithmetic.ts), `pathways` is read as is. No other column is
 * ever exposed.
 */
@PublicContent()
@ObjectType('Member', { description: 'The public face of a pseudonymous account. Nothing here identifies a person.' })
export class MemberType {
  @Field(() => ID)
  id!: string;

  @Field()
  pseudonym!: string;

  @Field(() => Perspective)
  perspective!: Perspective;

  @Field(() => Role)
  role!: Role;

  /** Public because the member chose to tag themselves: an empty list unless they did. */
  @Field(() => [Pathway], {
    description: 'The paths the member tags themselves with; none unless they chose some. No path ranks above another.',
  })
  pathways!: Pathway[];
}

/** What a Member field resolver receives: an account row. */
export type MemberSource = Pick<
  AccountEntity,
  | 'id'
  | 'pseudonym'
  | 'perspective'
  | 'role'
  | 'createdAt'
  | 'recoveryStartDate'
  | 'shareRecoveryDays'
  | 'timeZone'
  | 'medicationStartDate'
  | 'pathways'
>;
