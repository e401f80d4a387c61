import { Int, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../common/auth/auth.guard';
import { Role } from '../common/auth/role';
import { DecisionExamplesService } from './decision-examples.service';

@Resolver()
export class DecisionExamplesResolver {
  constructor(private readonly examples: DecisionExamplesService) {}

  @Query(() => Int, {
    description:
      "Admins only. Moderators' decisions kept as screening examples whose posts still have the words the moderator read: " +
      'what `train:screening -- --include-decisions` would add now.',
  })
  @SignedIn(Role.ADMIN)
  pendingDecisionExamples(): Promise<number> {
    return this.examples.countExportable();
  }
}
