import { PostStatus } from '../forum/post-status';
import { CasePriority } from './moderation-case.entity';
import { REPORT_PRIORITY, reportDetail, reportProblem, ReportReason, shouldHide } from './report-rules';

describe('report rules', () => {
  it('weighs reasons as POLICY.md weighs categories', () => {
    expect(REPORT_PRIORITY[ReportReason.SELF_HARM]).toBe(CasePriority.URGENT);
    expect(REPORT_PRIORITY[ReportReason.HARASSMENT]).toBe(CasePriority.HIGH);
    expect(REPORT_PRIORITY[ReportReason.SPAM]).toBe(CasePriority.LOW);
    expect(REPORT_PRIORITY[ReportReason.OTHER]).toBe(CasePriority.NORMAL);
  });

  it('refuses one’s own post, unpublished posts and long notes', () => {
    const post = { status: PostStatus.PUBLISHED, authorId: 'author' };
    expect(reportProblem(post, 'reader', 'hm', 10)).toBeNull();
    expect(reportProblem(post, 'author', null, 10)?.reason).toBe('OWN_POST');
    expect(reportProblem({ ...post, status: PostStatus.HELD }, 'reader', null, 10)?.reason).toBe('NOT_REPORTABLE');
    expect(reportProblem(post, 'reader', 'x'.repeat(11), 10)?.reason).toBe('INVALID_INPUT');
  });

  it('hides at the threshold', () => {
    expect(shouldHide(2, 3)).toBe(false);
    expect(shouldHide(3, 3)).toBe(true);
  });

  it('writes one line for moderators', () => {
    expect(reportDetail(ReportReason.SPAM, '  link farm ')).toBe('Reported by a member: spam or advertising. Their note: "link farm"');
  });
});
