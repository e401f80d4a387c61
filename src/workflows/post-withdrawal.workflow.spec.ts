import { fakeForum, member } from '../../test/support/forum-fakes';
import { PostStatus } from '../forum/post-status';
import { PostWithdrawalWorkflow } from './post-withdrawal.workflow';

function withPost(status: PostStatus) {
  const forum = fakeForum();
  const author = member();
  const thread = forum.db.addThread(forum.db.addSpace('recovery'), author.accountId, { status, title: 'Old title', body: 'Old words' });
  const { caseIntake, moderationEvents } = forum.collaborators;
  const withdrawal = new PostWithdrawalWorkflow(forum.db.dataSource, forum.posts, caseIntake, moderationEvents);
  return { forum, author, thread, withdrawal };
}

describe('PostWithdrawalWorkflow', () => {
  it('hides a held post from anyone but its author: withdrawing it is NOT_FOUND for others', async () => {
    const { thread, withdrawal } = withPost(PostStatus.HELD);
    await expect(withdrawal.withdraw(member(), thread.id)).rejects.toMatchObject({ reason: 'POST_NOT_FOUND' });
  });

  it('takes the post down as REMOVED, starts the erasure window, closes its open case and announces that after the commit', async () => {
    const { forum, author, thread, withdrawal } = withPost(PostStatus.HELD);
    forum.db.openCases.set(thread.id, 'case-1');
    const withdrawn = await withdrawal.withdraw(author, thread.id);

    expect(withdrawn.status).toBe(PostStatus.REMOVED);
    expect(forum.db.post(thread.id).withdrawnAt).toBeInstanceOf(Date);
    expect(forum.db.audit).toEqual([expect.objectContaining({ action: 'WITHDRAW', postId: thread.id })]);
    expect(forum.db.openCases.has(thread.id)).toBe(false);
    expect(forum.db.events).toEqual(['commit', 'case case-1 changed']);
  });

  it('refuses to withdraw a post twice, or someone else’s', async () => {
    const { author, thread, withdrawal } = withPost(PostStatus.PUBLISHED);
    await expect(withdrawal.withdraw(member(), thread.id)).rejects.toMatchObject({ reason: 'NOT_AUTHOR' });
    await withdrawal.withdraw(author, thread.id);
    await expect(withdrawal.withdraw(author, thread.id)).rejects.toMatchObject({ reason: 'NOT_WITHDRAWABLE' });
  });
});
