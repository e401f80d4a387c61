import { Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import { SignedIn } from '../common/auth/auth.guard';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import type { GqlContext } from '../common/graphql/gql-context';
import { AccountEntity } from './account.entity';
import { ChangePassphraseInput, RecoverAccountInput, RegisterInput, SignInInput, UpdateProfileInput } from './account.inputs';
import { AuthPayload, RegisterPayload } from './account-payloads.type';
import { AccountType } from './account.type';
import { AccountsService, SUGGESTIONS_DEFAULT } from './accounts.service';
import { MemberType } from './member.type';
import { ProofOfWorkChallengeType } from './proof-of-work-challenge.type';
import { ProofOfWorkService } from './proof-of-work.service';
import { SessionCookies } from './session-cookies.service';

/**
 * The accounts queries and mutations, and Account.member. Thin: the rules are in
 * AccountsService; the session cookies for browsers are set and cleared here, beside the
 * token in the answer, because only the transport knows of a response.
 */
@Resolver(() => AccountType)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly proofOfWork: ProofOfWorkService,
    private readonly cookies: SessionCookies,
  ) {}

  @Query(() => AccountType, { nullable: true })
  async me(@CurrentViewer() viewer: Viewer | null): Promise<AccountType | null> {
    if (!viewer) return null;
    const account = await this.accounts.findById(viewer.accountId);
    return account ? AccountType.of(account) : null;
  }

  @Query(() => [String])
  pseudonymSuggestions(
    @Arg('count', { type: () => Int, nullable: true, defaultValue: SUGGESTIONS_DEFAULT }) count: number | null,
  ): Promise<string[]> {
    return this.accounts.pseudonymSuggestions(count);
  }

  @Query(() => ProofOfWorkChallengeType, {
    description: 'A fresh challenge, for when register or signIn answer RATE_LIMITED with extensions.proofOfWorkRequired.',
  })
  proofOfWorkChallenge(): Promise<ProofOfWorkChallengeType> {
    return this.proofOfWork.issue();
  }

  @Mutation(() => RegisterPayload)
  async register(@Arg('input') input: RegisterInput, @Context() context: GqlContext): Promise<RegisterPayload> {
    const { token, account, recoveryCodes } = await this.accounts.register(input, context.clientKey ?? null);
    await this.cookies.issue(context.http, token);
    return { token, account: AccountType.of(account), recoveryCodes };
  }

  @Mutation(() => AuthPayload)
  async signIn(@Arg('input') input: SignInInput, @Context() context: GqlContext): Promise<AuthPayload> {
    const { token, account } = await this.accounts.signIn(input.pseudonym, input.passphrase, input.proofOfWork ?? null);
    await this.cookies.issue(context.http, token);
    return { token, account: AccountType.of(account) };
  }

  @Mutation(() => Boolean, { description: 'Ends the current session. False when there was no session to end.' })
  async signOut(@CurrentViewer() viewer: Viewer | null, @Context() context: GqlContext): Promise<boolean> {
    const ended = await this.accounts.signOut(viewer);
    // Cleared even when no session ended: a browser holding a stale cookie is signing out too.
    this.cookies.clear(context.http);
    return ended;
  }

  @Mutation(() => RegisterPayload, {
    description: 'Restores access with a one-time code and sets a new passphrase; returns fresh recovery codes.',
  })
  async recoverAccount(@Arg('input') input: RecoverAccountInput, @Context() context: GqlContext): Promise<RegisterPayload> {
    const { token, account, recoveryCodes } = await this.accounts.recoverAccount(input.pseudonym, input.recoveryCode, input.newPassphrase);
    await this.cookies.issue(context.http, token);
    return { token, account: AccountType.of(account), recoveryCodes };
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Sets a new passphrase, checked with the current one; ends every session of the account but this one.',
  })
  async changePassphrase(@CurrentViewer() viewer: Viewer, @Arg('input') input: ChangePassphraseInput): Promise<boolean> {
    await this.accounts.changePassphrase(viewer, input.currentPassphrase, input.newPassphrase);
    return true;
  }

  @SignedIn()
  @Mutation(() => AccountType)
  async updateProfile(@CurrentViewer() viewer: Viewer, @Arg('input') input: UpdateProfileInput): Promise<AccountType> {
    return AccountType.of(await this.accounts.updateProfile(viewer, input));
  }

  @ResolveField('member', () => MemberType)
  member(@Parent() parent: AccountType): AccountEntity {
    return parent.account;
  }
}
