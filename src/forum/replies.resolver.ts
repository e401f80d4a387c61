import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Arg } from '../common/validation/arg.decorator';
import { ActiveMember } from '../common/auth/auth.guard';
import { CurrentViewer, Loaders } from '../common/auth/current-viewer.decorator';
import type { Viewer } from '../common/auth/viewer';
import type { Loaders as RequestLoaders } from '../common/graphql/loaders';
import { PostFields } from './post-fields';
import type { PostEntity } from './post.entity';
import { PostKind } from './post-status';
import { canViewPost } from './post-visibility';
import { RepliesService } from './replies.service';
import { ReplyInput } from './reply.input';
import { ReplyType, ThreadType } from './thread.type';

@Resolver(() => ReplyType)
export class RepliesResolver {
  constructor(
    private readonly replies: RepliesService,
    private readonly fields: PostFields,
  ) {}

  @Mutation(() => ReplyType)
  @ActiveMember()
  reply(@Arg('input') input: ReplyInput, @CurrentViewer() viewer: Viewer): Promise<PostEntity> {
    return this.replies.reply(viewer, input);
  }

  @ResolveField(() => ThreadType)
  async thread(
    @Parent() post: PostEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<PostEntity> {
    const opening = await loaders.forum.postById.load(post.threadId);
    if (!opening) throw new Error(`opening post missing for thread ${post.threadId}`);
    return this.fields.redactUnlessVisible(opening, viewer);
  }

  @ResolveField(() => ReplyType, { nullable: true, description: 'The reply this one answers, if any.' })
  async inReplyTo(
    @Parent() post: PostEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<PostEntity | null> {
    if (post.inReplyToId === null) return null;
    const parent = await loaders.forum.postById.load(post.inReplyToId);
    return parent && parent.kind === PostKind.REPLY && canViewPost(parent, viewer) ? parent : null;
  }
}
