import { Field, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountType } from '../../accounts/account.type';
import { SignedIn } from '../../common/auth/auth.guard';
import { CurrentViewer } from '../../common/auth/current-viewer.decorator';
import type { Viewer } from '../../common/auth/viewer';
import { Arg } from '../../common/validation/arg.decorator';
import '../forum-enums';
import { ContentWarning } from '../post-status';
import { ContentPreference, ContentPreferencesService } from './content-preferences.service';
import { WarningDisplay } from './warning-display';

/** Per viewer: no cache hint, never cached. */
@ObjectType('ContentPreference', {
  description: 'How posts carrying one content warning are shown to this member; Account.contentPreferences has one for every warning.',
})
export class ContentPreferenceType {
  @Field(() => ContentWarning)
  warning!: ContentWarning;

  @Field(() => WarningDisplay)
  display!: WarningDisplay;
}

/** Account.contentPreferences and setContentPreference. Thin: the rules are in ContentPreferencesService. */
@Resolver(() => AccountType)
export class ContentPreferencesResolver {
  constructor(private readonly preferences: ContentPreferencesService) {}

  // One entry per content warning (see ContentPreferenceType). No field description: test/accounts.e2e-spec.ts strips
  // the fields other folders add to Account line by line.
  @ResolveField(() => [ContentPreferenceType])
  contentPreferences(@Parent() parent: AccountType): Promise<ContentPreference[]> {
    return this.preferences.of(parent.id);
  }

  @SignedIn()
  @Mutation(() => [ContentPreferenceType], {
    description: 'Chooses how posts carrying a content warning are shown to this member everywhere; returns every preference.',
  })
  setContentPreference(
    @CurrentViewer() viewer: Viewer,
    @Arg('warning', { type: () => ContentWarning }) warning: ContentWarning,
    @Arg('display', { type: () => WarningDisplay }) display: WarningDisplay,
  ): Promise<ContentPreference[]> {
    return this.preferences.set(viewer, warning, display);
  }
}
