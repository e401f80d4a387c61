import type { ProgressService } from '../accounts/progress/progress.service';
import { Role } from '../common/auth/role';
import type { Viewer } from '../common/auth/viewer';
import type { PostEntity } from '../forum/post.entity';
import type { StartThreadCommand, ThreadsService } from '../forum/threads.service';
import { MilestoneCelebrationWorkflow } from './milestone-celebration.workflow';

function setUp(reached: number[]) {
  const started: StartThreadCommand[] = [];
  const progress: Pick<ProgressService, 'reachedMilestone'> = {
    reachedMilestone: async (_, days) => {
      if (!reached.includes(days)) throw Object.assign(new Error('not reached'), { reason: 'MILESTONE_NOT_REACHED' });
      return { days, years: null, reachedOn: '2026-03-01' };
    },
  };
  const threads: Pick<ThreadsService, 'startThread'> = {
    startThread: async (_, command) => {
      started.push(command);
      return { id: 'thread-1', status: 'PENDING' } as PostEntity;
    },
  };
  const viewer: Viewer = { accountId: 'acct-a', sessionId: 's', role: Role.MEMBER, suspendedUntil: null };
  const workflow = new MilestoneCelebrationWorkflow(progress as ProgressService, threads as ThreadsService);
  return { workflow, viewer, started };
}

describe('MilestoneCelebrationWorkflow', () => {
  const command = { days: 30, spaceId: 'space-1', title: '30 days', body: 'Thirty days today.', pathways: ['SMART' as const] };

  it('starts the celebration through the post lifecycle (PENDING, screened) with the member’s words', async () => {
    const { workflow, viewer, started } = setUp([30]);
    await expect(workflow.share(viewer, command)).resolves.toMatchObject({ status: 'PENDING' });
    expect(started).toEqual([
      { spaceId: 'space-1', title: '30 days', body: 'Thirty days today.', contentWarnings: undefined, pathways: ['SMART'] },
    ]);
  });

  it('starts nothing for a milestone not reached', async () => {
    const { workflow, viewer, started } = setUp([30]);
    await expect(workflow.share(viewer, { ...command, days: 60 })).rejects.toMatchObject({ reason: 'MILESTONE_NOT_REACHED' });
    expect(started).toEqual([]);
  });
});
