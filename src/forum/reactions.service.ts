import { Injectable } from '@nestjs/common';
import type { Viewer } from '../common/auth/viewer';
import { forumErrors } from './forum.errors';
import { isUuid } from '../common/validation/uuid';
import { PostEntity } from './post.entity';
import { PostStatus } from './post-status';
import { canViewPost } from './post-visibility';
import { ReactionKind } from './reaction-kind';
import { PostsRepository } from './repositories/posts.repository';
import { ReactionsRepository } from './repositories/reactions.repository';

/** Reactions are idempotent: reacting twice is one reaction, unreacting twice is none. */
@Injectable()
export class ReactionsService {
  constructor(
    private readonly posts: PostsRepository,
    private readonly reactions: ReactionsRepository,
  ) {}

  private async visiblePost(postId: string, viewer: Viewer): Promise<PostEntity> {
    if (!isUuid(postId)) throw forumErrors.postNotFound();
    const post = await this.posts.findById(postId);
    if (!post || !canViewPost(post, viewer)) throw forumErrors.postNotFound();
    return post;
  }

  async react(viewer: Viewer, postId: string, kind: ReactionKind): Promise<PostEntity> {
    const post = await this.visiblePost(postId, viewer);
    if (post.status !== PostStatus.PUBLISHED || post.hiddenByReports) throw forumErrors.notReactable();
    await this.reactions.add(post.id, viewer.accountId, kind);
    return post;
  }

  async unreact(viewer: Viewer, postId: string, kind: ReactionKind): Promise<PostEntity> {
    const post = await this.visiblePost(postId, viewer);
    await this.reactions.remove(post.id, viewer.accountId, kind);
    return post;
  }
}
