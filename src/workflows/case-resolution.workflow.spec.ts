import type { ConnectionsRepository } from '../forum/connections/connections.repository';
import { fakeForum, member } from '../../test/support/forum-fakes';
import {
  FixedClock,
  InMemoryCases,
  InMemoryDecisionExamples,
  InMemoryReports,
  RecordedNotifications,
  recordedEvents,
  viewer,
} from '../../test/support/moderation-fakes';
import { loadConfig } from '../config/config';
import { PostStatus } from '../forum/post-status';
import type { NewCaseReason } from '../moderation/case-intake.service';
import { CaseworkService } from '../moderation/casework.service';
import { CaseStatus, Decision, ReasonSource } from '../moderation/case-vocabulary';
import { DecisionExamplesService } from '../moderation/decision-examples.service';
import { REPORT_ANSWER_MESSAGE } from '../moderation/report-answers';
import { ReportAnswersService } from '../moderation/report-answers.service';
import { NotificationKind } from '../notifications/notification-kind';
import { CaseResolutionWorkflow } from './case-resolution.workflow';
import { Metrics } from '../metrics/metrics';

/** A case reason as screening or a member's report gives it. */
function reason(caseId: string, category: string, source: ReasonSource): NewCaseReason & { caseId: string } {
  return { caseId, category, severity: 'HOLD', source, detail: 'a reason', excerpt: null, start: null, end: null, revision: 1 };
}

/** A held thread with its open case, the forum and moderation over in-memory repositories. */
function setUp(post: { status?: PostStatus; hiddenByReports?: boolean } = {}) {
  const forum = fakeForum();
  const author = member();
  const thread = forum.db.addThread(forum.db.addSpace('recovery'), author.accountId, { status: post.status ?? PostStatus.HELD, ...post });
  const clock = new FixedClock();
  const cases = new InMemoryCases(clock);
  const openCase = cases.seed({ postId: thread.id });
  const examples = new InMemoryDecisionExamples();
  const { audit } = forum.collaborators;
  const { events, published } = recordedEvents();
  const notifications = new RecordedNotifications();
  const casework = new CaseworkService(forum.db.dataSource, cases, clock, audit, events, loadConfig({}), new Metrics());
  const reports = new InMemoryReports();
  const workflow = new CaseResolutionWorkflow(
    forum.db.dataSource,
    casework,
    forum.postState,
    audit,
    notifications,
    events,
    new DecisionExamplesService(cases, examples),
    // Nobody follows, blocks or mutes here: the reply audience is covered end to end (test/connections.e2e-spec.ts).
    { followersOf: () => Promise.resolve([]), quietAmong: () => Promise.resolve(new Set<string>()) } as unknown as ConnectionsRepository,
    new ReportAnswersService(reports, notifications, loadConfig({})),
  );
  return { forum, author, thread, cases, openCase, casework, workflow, notifications, published, examples, reports };
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

  it('tells each reporter once, in plain words, that a taken-down post was acted on; the author hears only their own news', async () => {
    const { author, thread, openCase, casework, workflow, notifications, reports } = setUp({ status: PostStatus.PUBLISHED });
    const [first, second] = [member(), member()];
    for (const reporter of [first, second]) {
      reports.reports.push({ postId: thread.id, reporterId: reporter.accountId, caseId: openCase.id, reason: 'HARASSMENT', note: null });
    }
    const moderator = viewer();
    await casework.claim(moderator, openCase.id);
    await workflow.resolve(moderator, { caseId: openCase.id, decision: Decision.REMOVE, noteToAuthor: 'Please be kind.' });

    const toReporters = notifications.sent.filter((sent) => sent.kind === NotificationKind.REPORT_ANSWERED);
    expect(toReporters.map((sent) => sent.accountId).sort()).toEqual([first.accountId, second.accountId].sort());
    for (const sent of toReporters) {
      expect(sent.message).toBe(REPORT_ANSWER_MESSAGE.ACTED_ON);
      expect(sent.message).not.toContain('Please be kind');
    }
    expect(notifications.sent.filter((sent) => sent.accountId === author.accountId).map((sent) => sent.kind)).toEqual([
      NotificationKind.POST_REMOVED,
    ]);
  });

  it('tells a reporter a post kept up was reviewed and left up, and never tells them again when the case comes back', async () => {
    const { thread, cases, openCase, casework, workflow, notifications, reports } = setUp({
      status: PostStatus.PUBLISHED,
      hiddenByReports: true,
    });
    const reporter = member();
    reports.reports.push({ postId: thread.id, reporterId: reporter.accountId, caseId: openCase.id, reason: 'OTHER', note: null });
    const moderator = viewer();
    await casework.claim(moderator, openCase.id);
    await workflow.resolve(moderator, { caseId: openCase.id, decision: Decision.APPROVE });
    expect(notifications.sent.filter((sent) => sent.accountId === reporter.accountId)).toEqual([
      expect.objectContaining({ kind: NotificationKind.REPORT_ANSWERED, message: REPORT_ANSWER_MESSAGE.LEFT_UP }),
    ]);

    // The same case decided again (as when it is reopened after an edit): no second answer.
    const again = cases.seed({ postId: thread.id });
    reports.reports[0].caseId = again.id;
    await casework.claim(moderator, again.id);
    await workflow.resolve(moderator, { caseId: again.id, decision: Decision.REMOVE });
    expect(notifications.sent.filter((sent) => sent.accountId === reporter.accountId)).toHaveLength(1);
  });

  it('keeps a decision that is a label as an example of the post, a later one replacing it', async () => {
    const { thread, cases, openCase, casework, workflow, examples } = setUp();
    cases.reasons.push(reason(openCase.id, 'DRUG_SOURCING', ReasonSource.SCREENING));
    const moderator = viewer();
    await casework.claim(moderator, openCase.id);

    await workflow.resolve(moderator, { caseId: openCase.id, decision: Decision.APPROVE });
    expect(examples.byPost.get(thread.id)).toMatchObject({ caseId: openCase.id, decision: 'APPROVE', kind: 'FALSE_HOLD', categories: [] });

    // Reported after publication, then taken down: a miss, which replaces the earlier example.
    const reported = cases.seed({ postId: thread.id });
    cases.reasons.push(reason(reported.id, 'HARASSMENT', ReasonSource.REPORT), reason(reported.id, 'OTHER', ReasonSource.REPORT));
    await casework.claim(moderator, reported.id);
    await workflow.resolve(moderator, { caseId: reported.id, decision: Decision.REMOVE });
    expect([...examples.byPost.values()]).toEqual([
      expect.objectContaining({ postId: thread.id, caseId: reported.id, decision: 'REMOVE', kind: 'MISS', categories: ['HARASSMENT'] }),
    ]);
  });

  it('keeps no example for REQUEST_CHANGES', async () => {
    const { cases, openCase, casework, workflow, examples } = setUp();
    cases.reasons.push(reason(openCase.id, 'SPAM', ReasonSource.SCREENING));
    const moderator = viewer();
    await casework.claim(moderator, openCase.id);
    await workflow.resolve(moderator, { caseId: openCase.id, decision: Decision.REQUEST_CHANGES });
    expect(examples.byPost.size).toBe(0);
  });

  it('refuses a decision on a case nobody claimed, and changes nothing', async () => {
    const { forum, thread, cases, openCase, workflow, notifications, published, examples } = setUp();

    await expect(workflow.resolve(viewer(), { caseId: openCase.id, decision: Decision.REJECT })).rejects.toMatchObject({
      reason: 'CASE_NOT_CLAIMED',
    });

    expect(cases.stored(openCase.id).status).toBe(CaseStatus.OPEN);
    expect(forum.db.post(thread.id).status).toBe(PostStatus.HELD);
    expect(notifications.sent).toEqual([]);
    expect(published).toEqual([]);
    expect(examples.byPost.size).toBe(0);
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
