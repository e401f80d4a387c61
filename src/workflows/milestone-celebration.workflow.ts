import { Injectable } from '@nestjs/common';
import type { Pathway } from '../accounts/pathway';
import { ProgressService } from '../accounts/progress/progress.service';
import type { Viewer } from '../common/auth/viewer';
import type { PostEntity } from '../forum/post.entity';
import type { ContentWarning } from '../forum/post-status';
import { ThreadsService } from '../forum/threads.service';

export interface ShareMilestoneCommand {
  /** The reached milestone's `days` (RecoveryMilestone.days). */
  days: number;
  spaceId: string;
  title: string;
  body: string;
  contentWarnings?: readonly ContentWarning[] | null;
  pathways?: readonly Pathway[] | null;
}

/**
 * A milestone shared as a celebration: only one the member has reached (ProgressService), as a
 * thread started through the one post lifecycle (ThreadsService.startThread), so it is PENDING
 * and screened like any post before anyone else sees it. The words are the member's: the web
 * client prefills them from the milestone and the member may change every one.
 */
@Injectable()
export class MilestoneCelebrationWorkflow {
  constructor(
    private readonly progress: ProgressService,
    private readonly threads: ThreadsService,
  ) {}

  async share(viewer: Viewer, command: ShareMilestoneCommand, now = new Date()): Promise<PostEntity> {
    await this.progress.reachedMilestone(viewer, command.days, now);
    const { spaceId, title, body, contentWarnings, pathways } = command;
    return this.threads.startThread(viewer, { spaceId, title, body, contentWarnings, pathways });
  }
}
