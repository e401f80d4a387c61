import { Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../../common/auth/auth.guard';
import { Role } from '../../common/auth/role';
import type { ScreeningModelSummary } from './screening-model-summary';
import { ScreeningModelService } from './screening-model.service';
import { ScreeningModelType } from './screening-model.type';

@Resolver()
export class ScreeningModelResolver {
  constructor(private readonly models: ScreeningModelService) {}

  @Query(() => ScreeningModelType, {
    nullable: true,
    description: 'Admins only. The trained screening model: version, training date, examples and figures; null when none is trained.',
  })
  @SignedIn(Role.ADMIN)
  screeningModel(): Promise<ScreeningModelSummary | null> {
    return this.models.current();
  }
}
