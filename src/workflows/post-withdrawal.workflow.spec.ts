import { fakeForum, member } from '../../test/support/forum-fakes';
import { InMemoryReports, RecordedNotifications } from '../../test/support/moderation-fakes';
import { loadConfig } from '../config/config';
import { PostStatus } from '../forum/post-status';
import { REPORT_ANSWER_MESSAGE } from '../moderation/report-answers';
import { ReportAnswersService } from '../moderation/report-answers.service';
import { NotificationKind } from '../notifications/notification-kind';
import { PostWithdrawalWorkflow } from './post-withdrawal.workflow';

function withPost(status: PostStatus) {
  const forum = fakeForum();
  const author = member();
  const thread = forum.db.addThread(forum.db.addSpace('recovery'), author.accountId, { status, title: 'Old title', body: 'Old words' });
  const { caseIntake, moderationEvents } = forum.collaborators;
  const reports = new InMemoryReports();
  const notifications = new RecordedNotifications();
  const answers = new ReportAnswersService(reports, notifications, loadConfig({}));
  const withdrawal = new PostWithdrawalWorkflow(forum.db.dataSource, forum.posts, caseIntake, moderationEvents, answers);
  return { forum, author, thread, withdrawal, reports, notifications };
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

  it('tells the members who reported the post that it is gone, without saying who took it down', async () => {
    const { forum, author, thread, withdrawal, reports, notifications } = withPost(PostStatus.PUBLISHED);
    forum.db.openCases.set(thread.id, 'case-1');
    const reporter = member();
    reports.reports.push({ postId: thread.id, reporterId: reporter.accountId, caseId: 'case-1', reason: 'OTHER', note: null });
    await withdrawal.withdraw(author, thread.id);
    expect(notifications.sent).toEqual([
      { accountId: reporter.accountId, kind: NotificationKind.REPORT_ANSWERED, message: REPORT_ANSWER_MESSAGE.POST_GONE },
    ]);
  });

  it('refuses to withdraw a post twice, or someone else’s', async () => {
    const { author, thread, withdrawal } = withPost(PostStatus.PUBLISHED);
    await expect(withdrawal.withdraw(member(), thread.id)).rejects.toMatchObject({ reason: 'NOT_AUTHOR' });
    await withdrawal.withdraw(author, thread.id);
    await expect(withdrawal.withdraw(author, thread.id)).rejects.toMatchObject({ reason: 'NOT_WITHDRAWABLE' });
  });
});
