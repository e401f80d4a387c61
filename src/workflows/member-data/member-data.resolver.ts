import { Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../../common/auth/auth.guard';
import { CurrentViewer } from '../../common/auth/current-viewer.decorator';
import type { Viewer } from '../../common/auth/viewer';
import { MemberDataExportType } from './member-data-export.type';
import { MemberDataExportWorkflow } from './member-data-export.workflow';

@Resolver()
export class MemberDataResolver {
  constructor(private readonly workflow: MemberDataExportWorkflow) {}

  // SignedIn, not ActiveMember: a suspended member may still take their data away.
  @Query(() => MemberDataExportType, {
    description:
      'Everything Kindred holds about the signed-in member, as one JSON document to save. A few per hour per account (RATE_LIMITED beyond).',
  })
  @SignedIn()
  myData(@CurrentViewer() viewer: Viewer): Promise<MemberDataExportType> {
    return this.workflow.export(viewer);
  }
}
