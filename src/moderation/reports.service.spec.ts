import { Role } from '../common/auth/role';
import { loadConfig } from '../config/config';
import { PostStatus } from '../forum/post-status';
import { Metrics } from '../metrics/metrics';
import { CaseIntakeService } from './case-intake.service';
import { CasePriority } from './case-vocabulary';
import type { ReporterRecord } from './report-rules';
import { ReportReason } from './report-rules';
import { ReportsService } from './reports.service';
import {
  FixedClock,
  InMemoryCases,
  InMemoryForum,
  InMemoryReports,
  OfflineTransactions,
  RecordedAudit,
  recordedEvents,
  viewer,
} from '../../test/support/moderation-fakes';

const ESTABLISHED: ReporterRecord = {
  accountAgeHours: 24 * 90,
  daysActive: 30,
  publishedPosts: 12,
  daysSinceLastWarning: null,
  everSuspendedOrBanned: false,
};
const NEWCOMER: ReporterRecord = {
  accountAgeHours: 2,
  daysActive: 1,
  publishedPosts: 0,
  daysSinceLastWarning: null,
  everSuspendedOrBanned: false,
};

function setUp() {
  const clock = new FixedClock();
  const cases = new InMemoryCases(clock);
  const reports = new InMemoryReports();
  const forum = new InMemoryForum();
  const audit = new RecordedAudit();
  const { events, published } = recordedEvents();
  const intake = new CaseIntakeService(cases, audit);
  const service = new ReportsService(
    new OfflineTransactions(),
    reports,
    forum,
    intake,
    audit,
    events,
    loadConfig({ REPORT_HIDE_THRESHOLD: '3' }),
    new Metrics(),
  );
  const member = (record: ReporterRecord = ESTABLISHED) => {
    const who = viewer(Role.MEMBER);
    reports.records.set(who.accountId, record);
    return who;
  };
  return { cases, reports, forum, audit, published, service, member };
}

describe('ReportsService', () => {
  it('opens a case for a reported post at the priority of the reason, and tells live dashboards', async () => {
    const { cases, forum, published, service, member } = setUp();
    const post = forum.seedPost();

    await expect(
      service.report(member(), { postId: post.id, reason: ReportReason.SELF_HARM, note: '  worried about them  ' }),
    ).resolves.toBe(true);

    const [caseEntity] = [...cases.cases.values()];
    expect(caseEntity).toMatchObject({ postId: post.id, priority: CasePriority.URGENT });
    expect(cases.reasonsOf(caseEntity.id)).toEqual([
      expect.objectContaining({
        source: 'REPORT',
        category: ReportReason.SELF_HARM,
        detail: expect.stringContaining('Their note: "worried about them"'),
      }),
    ]);
    expect(published).toEqual([caseEntity.id]);
  });

  it('hides the post when the third established member reports it, and records that once', async () => {
    const { forum, audit, service, member } = setUp();
    const post = forum.seedPost();

    await service.report(member(), { postId: post.id, reason: ReportReason.HARASSMENT });
    await service.report(member(), { postId: post.id, reason: ReportReason.HARASSMENT });
    expect(forum.posts.get(post.id)?.hiddenByReports).toBe(false);

    await service.report(member(), { postId: post.id, reason: ReportReason.SPAM });
    expect(forum.posts.get(post.id)?.hiddenByReports).toBe(true);
    expect(audit.entries.filter((entry) => entry.action === 'HIDDEN_BY_REPORTS')).toEqual([
      expect.objectContaining({ postId: post.id, note: '3 members reported this post' }),
    ]);
  });

  it('lets reports from members without standing reach moderators but not hide the post', async () => {
    const { cases, reports, forum, service, member } = setUp();
    const post = forum.seedPost();

    await service.report(member(), { postId: post.id, reason: ReportReason.STIGMA });
    await service.report(member(NEWCOMER), { postId: post.id, reason: ReportReason.STIGMA });
    await service.report(member({ ...ESTABLISHED, everSuspendedOrBanned: true }), { postId: post.id, reason: ReportReason.STIGMA });

    expect(reports.reports).toHaveLength(3);
    expect(cases.cases.size).toBe(1);
    expect(forum.posts.get(post.id)?.hiddenByReports).toBe(false);
  });

  it('joins the open case and raises its priority when a graver reason comes in', async () => {
    const { cases, forum, service, member } = setUp();
    const post = forum.seedPost();

    await service.report(member(), { postId: post.id, reason: ReportReason.SPAM });
    await service.report(member(), { postId: post.id, reason: ReportReason.OVERDOSE_EMERGENCY });

    expect([...cases.cases.values()]).toEqual([expect.objectContaining({ priority: CasePriority.URGENT })]);
  });

  it('refuses a second report by the same member with ALREADY_REPORTED', async () => {
    const { reports, forum, service, member } = setUp();
    const post = forum.seedPost();
    const reporter = member();
    await service.report(reporter, { postId: post.id, reason: ReportReason.SPAM });

    await expect(service.report(reporter, { postId: post.id, reason: ReportReason.OTHER })).rejects.toMatchObject({
      reason: 'ALREADY_REPORTED',
    });
    expect(reports.reports).toHaveLength(1);
  });

  it('refuses reporting one’s own post (OWN_POST) and a post that is not published (NOT_REPORTABLE)', async () => {
    const { cases, forum, service, member } = setUp();
    const author = member();
    const own = forum.seedPost({ authorId: author.accountId });
    const held = forum.seedPost({ status: PostStatus.HELD });
    const moderator = viewer(Role.MODERATOR);

    await expect(service.report(author, { postId: own.id, reason: ReportReason.SPAM })).rejects.toMatchObject({ reason: 'OWN_POST' });
    await expect(service.report(moderator, { postId: held.id, reason: ReportReason.SPAM })).rejects.toMatchObject({
      reason: 'NOT_REPORTABLE',
    });
    expect(cases.cases.size).toBe(0);
  });

  it('answers POST_NOT_FOUND for a post the member cannot see, so hidden posts are not revealed', async () => {
    const { forum, service, member } = setUp();
    const hidden = forum.seedPost({ hiddenByReports: true });
    const held = forum.seedPost({ status: PostStatus.HELD });

    await expect(service.report(member(), { postId: hidden.id, reason: ReportReason.SPAM })).rejects.toMatchObject({
      reason: 'POST_NOT_FOUND',
    });
    await expect(service.report(member(), { postId: held.id, reason: ReportReason.SPAM })).rejects.toMatchObject({
      reason: 'POST_NOT_FOUND',
    });
    await expect(service.report(member(), { postId: 'nope', reason: ReportReason.SPAM })).rejects.toMatchObject({
      reason: 'POST_NOT_FOUND',
    });
  });

  it('refuses an unknown reason as INVALID_INPUT', async () => {
    const { forum, service, member } = setUp();
    const post = forum.seedPost();
    await expect(service.report(member(), { postId: post.id, reason: 'BORING' as ReportReason })).rejects.toMatchObject({
      reason: 'INVALID_INPUT',
      details: { field: 'reason' },
    });
  });
});
