import { PostStatus } from '../forum/post-status';
import { CasePriority } from './case-vocabulary';
import {
  hasReportStanding,
  REPORT_PRIORITY,
  ReporterRecord,
  reportDetail,
  reportProblem,
  ReportReason,
  shouldHide,
  StandingRule,
} from './report-rules';

describe('report rules', () => {
  it('weighs reasons as docs/policy.md weighs categories', () => {
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

  describe('standing', () => {
    const rule: StandingRule = { minAccountAgeHours: 24, minDaysActive: 3, minPublishedPosts: 3, warnCooldownDays: 90 };
    const regular: ReporterRecord = {
      accountAgeHours: 24 * 60,
      daysActive: 12,
      publishedPosts: 8,
      daysSinceLastWarning: null,
      everSuspendedOrBanned: false,
    };

    it('is earned by age, days active and published posts together', () => {
      expect(hasReportStanding(regular, rule)).toBe(true);
      expect(hasReportStanding({ ...regular, daysActive: 3, publishedPosts: 3, accountAgeHours: 24 }, rule)).toBe(true);
      expect(hasReportStanding({ ...regular, accountAgeHours: 23 }, rule)).toBe(false);
      expect(hasReportStanding({ ...regular, daysActive: 2 }, rule)).toBe(false);
      expect(hasReportStanding({ ...regular, publishedPosts: 2 }, rule)).toBe(false);
    });

    it('is not earned by age alone: an aged account that never came back or posted', () => {
      expect(hasReportStanding({ ...regular, accountAgeHours: 24 * 365, daysActive: 1, publishedPosts: 0 }, rule)).toBe(false);
    });

    it('is lost for a while by a warning, and for good by a suspension or ban', () => {
      expect(hasReportStanding({ ...regular, daysSinceLastWarning: 10 }, rule)).toBe(false);
      expect(hasReportStanding({ ...regular, daysSinceLastWarning: 90 }, rule)).toBe(true);
      expect(hasReportStanding({ ...regular, everSuspendedOrBanned: true }, rule)).toBe(false);
    });

    it('asks nothing when every threshold is zero, except a clean record', () => {
      const open = { minAccountAgeHours: 0, minDaysActive: 0, minPublishedPosts: 0, warnCooldownDays: 0 };
      expect(
        hasReportStanding(
          { accountAgeHours: 0, daysActive: 0, publishedPosts: 0, daysSinceLastWarning: 0, everSuspendedOrBanned: false },
          open,
        ),
      ).toBe(true);
      expect(
        hasReportStanding(
          { accountAgeHours: 0, daysActive: 0, publishedPosts: 0, daysSinceLastWarning: null, everSuspendedOrBanned: true },
          open,
        ),
      ).toBe(false);
    });
  });
});
