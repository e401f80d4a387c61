import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '../../common/auth/viewer';
import { CommonError } from '../../common/errors/common.errors';
import { Page, pageSize } from '../../common/pagination/cursor';
import { decodeTimeCursor } from '../../common/pagination/keyset';
import { isUuid } from '../../common/validation/uuid';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import { forumErrors } from '../forum.errors';
import type { PostEntity } from '../post.entity';
import { canViewPost, hiddenAuthorsOf } from '../post-visibility';
import { PostsRepository } from '../repositories/posts.repository';
import { SpacesRepository } from '../repositories/spaces.repository';
import type { SpaceEntity } from '../space.entity';
import { ConnectionsRepository, ConnectionTable } from './connections.repository';

export const BOOKMARKS_PAGE_DEFAULT = 20;

/** What the member is told when a list is full, per table. */
const FULL: Record<ConnectionTable, string> = {
  thread_follow: 'You follow as many threads as Kindred keeps. Stop following one you no longer need, then try again.',
  post_bookmark: 'Your bookmarks are full. Remove one you no longer need, then try again.',
  thread_mute: 'You have muted as many threads as Kindred keeps. Unmute one, then try again.',
  space_mute: 'You have muted as many spaces as Kindred keeps. Unmute one, then try again.',
  member_block: 'You have blocked as many members as Kindred keeps. Unblock one, then try again.',
};

/**
 * Follow, bookmark, mute and block (issue 10). Every target must be something the member may
 * see right now (the visibility rule, blocks included), so none of these reveals a post, thread
 * or member that is hidden from them. Adding twice is one row; removing what is not there is a
 * no-op that answers false, so a button pressed twice, or "Stop following" on an old
 * notification, never fails. Blocking answers the same whatever the other member did, and
 * nothing tells the blocked member.
 */
@Injectable()
export class ConnectionsService {
  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly posts: PostsRepository,
    private readonly spaces: SpacesRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async followThread(viewer: Viewer, threadId: string): Promise<PostEntity> {
    const thread = await this.visibleThread(viewer, threadId);
    await this.addWithinLimit('thread_follow', viewer.accountId, thread.id);
    return thread;
  }

  unfollowThread(viewer: Viewer, threadId: string): Promise<boolean> {
    return this.removeIfValid('thread_follow', viewer.accountId, threadId);
  }

  async muteThread(viewer: Viewer, threadId: string): Promise<PostEntity> {
    const thread = await this.visibleThread(viewer, threadId);
    await this.addWithinLimit('thread_mute', viewer.accountId, thread.id);
    return thread;
  }

  unmuteThread(viewer: Viewer, threadId: string): Promise<boolean> {
    return this.removeIfValid('thread_mute', viewer.accountId, threadId);
  }

  async muteSpace(viewer: Viewer, spaceId: string): Promise<SpaceEntity> {
    const space = isUuid(spaceId) ? await this.spaces.findById(spaceId) : null;
    if (!space) throw forumErrors.spaceNotFound();
    await this.addWithinLimit('space_mute', viewer.accountId, space.id);
    return space;
  }

  unmuteSpace(viewer: Viewer, spaceId: string): Promise<boolean> {
    return this.removeIfValid('space_mute', viewer.accountId, spaceId);
  }

  /** A thread or a reply the member may see, in a thread they may see. */
  async bookmarkPost(viewer: Viewer, postId: string): Promise<PostEntity> {
    if (!isUuid(postId)) throw forumErrors.postNotFound();
    const post = await this.posts.findById(postId);
    if (!post || !canViewPost(post, viewer)) throw forumErrors.postNotFound();
    if (post.threadId !== post.id) {
      const thread = await this.posts.findById(post.threadId);
      if (!thread || !canViewPost(thread, viewer)) throw forumErrors.postNotFound();
    }
    await this.addWithinLimit('post_bookmark', viewer.accountId, post.id);
    return post;
  }

  unbookmarkPost(viewer: Viewer, postId: string): Promise<boolean> {
    return this.removeIfValid('post_bookmark', viewer.accountId, postId);
  }

  /** The member's bookmarks that they may still see, newest bookmark first. */
  bookmarks(viewer: Viewer, first?: number | null, after?: string | null): Promise<Page<PostEntity>> {
    const size = pageSize(first, BOOKMARKS_PAGE_DEFAULT, this.config.limits.pageSizeMax);
    return this.connections.bookmarkPage(viewer.accountId, hiddenAuthorsOf(viewer), decodeTimeCursor(after), size);
  }

  /**
   * Blocks a member by their public id. Blocking yourself is bad input; an unknown id is
   * NOT_FOUND. Blocking someone already blocked is fine and changes nothing.
   */
  async blockMember(viewer: Viewer, memberId: string): Promise<boolean> {
    if (!isUuid(memberId)) throw new CommonError('INVALID_ID', 'We could not find that member.');
    if (memberId === viewer.accountId) throw forumErrors.invalid('You cannot block yourself.', 'memberId');
    if (!(await this.connections.memberExists(memberId))) throw new CommonError('INVALID_ID', 'We could not find that member.');
    await this.addWithinLimit('member_block', viewer.accountId, memberId);
    return true;
  }

  unblockMember(viewer: Viewer, memberId: string): Promise<boolean> {
    return this.removeIfValid('member_block', viewer.accountId, memberId);
  }

  /** The ids of the members this member blocked, newest first (never those who blocked them). */
  blockedMemberIds(viewer: Viewer): Promise<string[]> {
    return this.connections.blockedBy(viewer.accountId);
  }

  private async visibleThread(viewer: Viewer, threadId: string): Promise<PostEntity> {
    if (!isUuid(threadId)) throw forumErrors.threadNotFound();
    const thread = await this.posts.findThreadOpening(threadId);
    if (!thread || !canViewPost(thread, viewer)) throw forumErrors.threadNotFound();
    return thread;
  }

  /**
   * Adds unless the member's list is full. The count and the insert are two statements, so two
   * racing requests may pass the limit by one: a soft cap against runaway lists, not a quota.
   */
  private async addWithinLimit(table: ConnectionTable, ownerId: string, targetId: string): Promise<void> {
    const limit = table === 'member_block' ? this.config.limits.blocksMax : this.config.limits.connectionsMax;
    const present = await this.connections.whichOf(table, ownerId, [targetId]);
    if (present.size > 0) return;
    if ((await this.connections.count(table, ownerId)) >= limit) throw forumErrors.invalid(FULL[table]);
    await this.connections.add(table, ownerId, targetId);
  }

  private async removeIfValid(table: ConnectionTable, ownerId: string, targetId: string): Promise<boolean> {
    if (!isUuid(targetId)) return false;
    return this.connections.remove(table, ownerId, targetId);
  }
}
