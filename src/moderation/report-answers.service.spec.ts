import { randomUUID } from 'node:crypto';
import { InMemoryReports, offlineDataSource, RecordedNotifications } from '../../test/support/moderation-fakes';
import { loadConfig } from '../config/config';
import { PostStatus } from '../forum/post-status';
import { NotificationKind } from '../notifications/notification-kind';
import { Decision } from './case-vocabulary';
import { answerForDecision, myReportStatus, REPORT_ANSWER_MESSAGE, ReportAnswer } from './report-answers';
import { ReportAnswersService } from './report-answers.service';

function setUp() {
  const reports = new InMemoryReports();
  const notifications = new RecordedNotifications();
  const service = new ReportAnswersService(reports, notifications, loadConfig({}));
  const manager = offlineDataSource().manager;
  return { reports, notifications, service, manager };
}

describe('report answers (pure)', () => {
  it('says acted on for a take-down, a rejection or a request for changes, and left up for an approval', () => {
    expect(answerForDecision(Decision.REMOVE, PostStatus.PUBLISHED)).toBe(ReportAnswer.ACTED_ON);
    expect(answerForDecision(Decision.REJECT, PostStatus.HELD)).toBe(ReportAnswer.ACTED_ON);
    expect(answerForDecision(Decision.REQUEST_CHANGES, PostStatus.HELD)).toBe(ReportAnswer.ACTED_ON);
    expect(answerForDecision(Decision.APPROVE, PostStatus.PUBLISHED)).toBe(ReportAnswer.LEFT_UP);
  });

  it('does not claim a moderator acted on a post that was already gone', () => {
    expect(answerForDecision(Decision.REMOVE, PostStatus.REMOVED)).toBe(ReportAnswer.POST_GONE);
    expect(answerForDecision(Decision.REJECT, PostStatus.REJECTED)).toBe(ReportAnswer.POST_GONE);
  });

  it('shows an unanswered report as submitted', () => {
    expect(myReportStatus(null)).toBe('SUBMITTED');
    expect(myReportStatus('LEFT_UP')).toBe('LEFT_UP');
    expect(myReportStatus('something else')).toBe('SUBMITTED');
  });

  it('never words an answer with a decision name, a sanction or a note', () => {
    for (const message of Object.values(REPORT_ANSWER_MESSAGE)) {
      expect(message).not.toMatch(/REMOVE|REJECT|APPROVE|suspend|ban|warn|note/i);
    }
  });
});

describe('ReportAnswersService', () => {
  it('tells each reporter on the case once, and no one on another case', async () => {
    const { reports, notifications, service, manager } = setUp();
    const postId = randomUUID();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    reports.reports.push(
      { postId, reporterId: a, caseId: 'case-1', reason: 'SPAM', note: null },
      { postId, reporterId: b, caseId: 'case-1', reason: 'OTHER', note: 'hm' },
      { postId: randomUUID(), reporterId: c, caseId: 'case-2', reason: 'OTHER', note: null },
    );

    expect(await service.answerCase(manager, 'case-1', randomUUID(), ReportAnswer.ACTED_ON)).toBe(2);
    expect(notifications.sent.map((sent) => sent.accountId).sort()).toEqual([a, b].sort());
    expect(notifications.sent.every((sent) => sent.kind === NotificationKind.REPORT_ANSWERED)).toBe(true);

    expect(await service.answerCase(manager, 'case-1', null, ReportAnswer.LEFT_UP)).toBe(0);
    expect(notifications.sent).toHaveLength(2);
    expect(reports.reports.map((report) => report.answer)).toEqual(['ACTED_ON', 'ACTED_ON', undefined]);
  });

  it('never sends the answer to the post’s author', async () => {
    const { reports, notifications, service, manager } = setUp();
    const author = randomUUID();
    reports.reports.push({ postId: randomUUID(), reporterId: author, caseId: 'case-1', reason: 'OTHER', note: null });
    expect(await service.answerCase(manager, 'case-1', author, ReportAnswer.ACTED_ON)).toBe(0);
    expect(notifications.sent).toEqual([]);
  });
});
