import { Query, Resolver } from '@nestjs/graphql';
import { Arg } from '../../common/validation/arg.decorator';
import { SignedIn } from '../../common/auth/auth.guard';
import { CurrentViewer } from '../../common/auth/current-viewer.decorator';
import type { Viewer } from '../../common/auth/viewer';
import { DraftScreeningService } from './draft-screening.service';
import { DraftScreeningType } from './draft-screening.type';

@Resolver()
export class DraftScreeningResolver {
  constructor(private readonly drafts: DraftScreeningService) {}

  @Query(() => DraftScreeningType, { description: 'What screening would say about a draft, before posting: nothing is stored.' })
  @SignedIn()
  screenDraft(@CurrentViewer() viewer: Viewer, @Arg('body', { type: () => String }) body: string): Promise<DraftScreeningType> {
    return this.drafts.screen(viewer.accountId, body);
  }
}
