import { fakeForum, member } from '../../test/support/forum-fakes';
import { FixedClock, InMemoryCases, RecordedNotifications, recordedEvents, viewer } from '../../test/support/moderation-fakes';
import { loadConfig } from '../config/config';
import { PostStatus } from '../forum/post-status';
import { CaseworkService } from '../moderation/casework.service';
import { CaseStatus, Decision } from '../moderation/case-vocabulary';
import { NotificationKind } from '../notifications/notification-kind';
import { CaseResolutionWorkflow } from './case-resolution.workflow';

/** A held thread with its open case, the forum and moderation over in-memory repositories. */
function setUp(post: { status?: PostStatus; hiddenByReports?: boolean } = {}) {
  const forum = fakeForum();
  const author = member();
  const thread = forum.db.addThread(forum.db.addSpace('recovery'), author.accountId, { status: post.status ?? PostStatus.HELD, ...post });
  const clock = new FixedClock();
  const cases = new InMemoryCases(clock);
  const openCase = cases.seed({ postId: thread.id });
  const { audit } = forum.collaborators;
  const { events, published } = recordedEvents();
  const notifications = new RecordedNotifications();
  const casework = new CaseworkService(forum.db.dataSource, cases, clock, audit, events, loadConfig({}));
  const workflow = new CaseResolutionWorkflow(forum.db.dataSource, casework, forum.postState, audit, notifications, events);
  return { forum, author, thread, cases, openCase, casework, workflow, notifications, published };
}

describe('CaseResolutionWorkflow', () => {
  it('approves a held post: published, the case resolved, the author told, dashboards told after the commit', async () => {
    const { forum, author, thread, cases, openCase, casework, workflow, notifications, published } = setUp();
    const moderator = viewer();
    await casework.claim(moderator, openCase.id);
    published.length = 0;

    const resolved = await workflow.resolve(moderator, {
      caseId: openCase.id,
      decision: Decision.APPROVE,
      noteToAuthor: '  Welcome back.  ',
    });

    expect(resolved).toMatchObject({ status: CaseStatus.RESOLVED, decision: Decision.APPROVE });
    expect(cases.stored(openCase.id)).toMatchObject({ status: CaseStatus.RESOLVED, decision: Decision.APPROVE });
    expect(forum.db.post(thread.id).status).toBe(PostStatus.PUBLISHED);
    expect(forum.db.audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'APPROVE', postId: thread.id, caseId: openCase.id, note: 'Welcome back.' }),
      ]),
    );
    expect(notifications.sent).toEqual([expect.objectContaining({ accountId: author.accountId, kind: NotificationKind.POST_PUBLISHED })]);
    expect(published).toEqual([openCase.id]);
  });

  it('shows a report-hidden post again when a moderator keeps it up', async () => {
    const { forum, thread, openCase, casework, workflow } = setUp({ status: PostStatus.PUBLISHED, hiddenByReports: true });
    const moderator = viewer();
    await casework.claim(moderator, openCase.id);

    await workflow.resolve(moderator, { caseId: openCase.id, decision: Decision.APPROVE });

    expect(forum.db.post(thread.id)).toMatchObject({ status: PostStatus.PUBLISHED, hiddenByReports: false });
  });

  it('refuses a decision on a case nobody claimed, and changes nothing', async () => {
    const { forum, thread, cases, openCase, workflow, notifications, published } = setUp();

    await expect(workflow.resolve(viewer(), { caseId: openCase.id, decision: Decision.REJECT })).rejects.toMatchObject({
      reason: 'CASE_NOT_CLAIMED',
    });

    expect(cases.stored(openCase.id).status).toBe(CaseStatus.OPEN);
    expect(forum.db.post(thread.id).status).toBe(PostStatus.HELD);
    expect(notifications.sent).toEqual([]);
    expect(published).toEqual([]);
  });

  it('refuses an over-long note before touching the case', async () => {
    const { openCase, workflow } = setUp();
    await expect(
      workflow.resolve(viewer(), { caseId: openCase.id, decision: Decision.APPROVE, internalNote: 'x'.repeat(2001) }),
    ).rejects.toMatchObject({
      reason: 'INVALID_INPUT',
      details: { field: 'internalNote' },
    });
  });
});
