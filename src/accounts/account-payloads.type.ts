import { Field, ObjectType } from '@nestjs/graphql';
import { AccountType } from './account.type';

@ObjectType('AuthPayload')
export class AuthPayload {
  /** The bearer token; shown once, stored only as a hash. */
  @Field()
  token!: string;

  @Field(() => AccountType)
  account!: AccountType;
}

@ObjectType('RegisterPayload')
export class RegisterPayload {
  @Field()
  token!: string;

  @Field(() => AccountType)
  account!: AccountType;

  @Field(() => [String], { description: 'One-time recovery codes, shown only here; each restores the account once.' })
  recoveryCodes!: string[];
}
