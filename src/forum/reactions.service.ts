import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { forumErrors } from './forum.errors';
import { isUuid } from '../common/validation/uuid';
import { PostEntity } from './post.entity';
import { PostStatus } from './post-status';
import { canViewPost } from './post-visibility';
import { ReactionKind } from './reaction-kind';
import { ReactionEntity } from './reaction.entity';

/** Reactions are idempotent: reacting twice is one reaction, unreacting twice is none. */
@Injectable()
export class ReactionsService {
  constructor(private readonly dataSource: DataSource) {}

  private async visiblePost(postId: string, viewer: Viewer): Promise<PostEntity> {
    if (!isUuid(postId)) throw forumErrors.postNotFound();
    const post = await this.dataSource.getRepository(PostEntity).findOneBy({ id: postId });
    if (!post || !canViewPost(post, viewer)) throw forumErrors.postNotFound();
    return post;
  }

  async react(viewer: Viewer, postId: string, kind: ReactionKind): Promise<PostEntity> {
    const post = await this.visiblePost(postId, viewer);
    if (post.status !== PostStatus.PUBLISHED || post.hiddenByReports) throw forumErrors.notReactable();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ReactionEntity)
      .values({ postId: post.id, accountId: viewer.accountId, kind })
      .orIgnore()
      .execute();
    return post;
  }

  async unreact(viewer: Viewer, postId: string, kind: ReactionKind): Promise<PostEntity> {
    const post = await this.visiblePost(postId, viewer);
    await this.dataSource.getRepository(ReactionEntity).delete({ postId: post.id, accountId: viewer.accountId, kind });
    return post;
  }
}
