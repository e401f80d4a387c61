import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { CheckInInput, CheckInType } from '../checkins/check-in.type';
import type { CheckInEntity } from '../checkins/check-in.entity';
import { SignedIn } from '../common/auth/auth.guard';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import { Arg } from '../common/validation/arg.decorator';
import type { PostEntity } from '../forum/post.entity';
import { PostsRepository } from '../forum/repositories/posts.repository';
import { ThreadType } from '../forum/thread.type';
import { CheckInWorkflow } from './check-in.workflow';

/** The daily check-in's mutation and today's check-in thread: both cross check-ins and the forum. */
@Resolver()
export class CheckInResolver {
  constructor(
    private readonly workflow: CheckInWorkflow,
    private readonly posts: PostsRepository,
  ) {}

  /**
   * Signed in, not ActiveMember: a suspended member may still keep their private check-in
   * (suspension stops posting; the share to the thread is refused for them).
   */
  @Mutation(() => CheckInType, { description: "Today's private check-in: once per day, in your own time zone." })
  @SignedIn()
  checkIn(@Arg('input') input: CheckInInput, @CurrentViewer() viewer: Viewer): Promise<CheckInEntity> {
    return this.workflow.checkIn(viewer, input);
  }

  @Query(() => ThreadType, { description: "Today's check-in thread (one per UTC day), opened by the server at first need." })
  async checkInThread(): Promise<PostEntity> {
    const id = await this.workflow.todaysThread();
    const thread = await this.posts.findById(id);
    if (!thread) throw new Error(`check-in thread ${id} vanished`);
    return thread;
  }
}
