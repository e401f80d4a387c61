import { Query, Resolver } from '@nestjs/graphql';
import { CrisisResourcesService } from './crisis-resources.service';
import { CrisisResourceType, toCrisisResourceType } from './graphql/screening-feedback.type';

@Resolver()
export class CrisisResourcesResolver {
  constructor(private readonly resources: CrisisResourcesService) {}

  @Query(() => [CrisisResourceType])
  crisisResources(): CrisisResourceType[] {
    return this.resources.list().map(toCrisisResourceType);
  }
}
