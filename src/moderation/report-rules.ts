/**
 * Pure rules of member reports: what a report's reason weighs in the queue, who may report
 * what, and when reports hide a post.
 */
import { enumOf } from '../common/vocabulary/enum-of';
import { PostStatus } from '../forum/post-status';
import { PRIORITY_OF } from '../screening/engine/vocabulary';
import { REASON_CATEGORIES, type ReasonCategory } from '../screening/reason-category';
import type { CasePriority } from './case-vocabulary';

/** A member reports a post for one of the screening categories, or OTHER. */
export const ReportReason = enumOf(REASON_CATEGORIES);
export type ReportReason = ReasonCategory;

/** docs/policy.md's queue priority per category, as screening weighs it; OTHER is a person's judgement, so NORMAL. */
export const REPORT_PRIORITY: Readonly<Record<ReportReason, CasePriority>> = { ...PRIORITY_OF, OTHER: 'NORMAL' };

const REASON_WORDS: Record<ReportReason, string> = {
  [ReportReason.SELF_HARM]: 'someone may be at risk of harming themselves',
  [ReportReason.OVERDOSE_EMERGENCY]: 'someone may be overdosing',
  [ReportReason.DRUG_SOURCING]: 'buying, selling or trading drugs',
  [ReportReason.DOSING_INSTRUCTIONS]: 'instructions for using drugs or beating a test',
  [ReportReason.PERSONAL_INFO]: 'details that could identify someone',
  [ReportReason.HARASSMENT]: 'harassment',
  [ReportReason.STIGMA]: 'stigmatizing language',
  [ReportReason.SPAM]: 'spam or advertising',
  [ReportReason.OTHER]: 'something else',
};

/** The one line moderators read on the case. */
export function reportDetail(reason: ReportReason, note: string | null | undefined): string {
  const trimmed = note?.trim();
  return `Reported by a member: ${REASON_WORDS[reason]}${trimmed ? `. Their note: "${trimmed}"` : ''}`;
}

export type ReportProblem = { reason: 'NOT_REPORTABLE' | 'OWN_POST' | 'INVALID_INPUT'; message: string };

export function reportProblem(
  post: { status: PostStatus; authorId: string | null },
  reporterId: string,
  note: string | null | undefined,
  noteMax: number,
): ReportProblem | null {
  if (post.authorId === reporterId)
    return { reason: 'OWN_POST', message: 'You cannot report your own post. You can edit or withdraw it instead.' };
  if (post.status !== PostStatus.PUBLISHED) return { reason: 'NOT_REPORTABLE', message: 'Only published posts can be reported.' };
  if (note !== null && note !== undefined && [...note].length > noteMax)
    return { reason: 'INVALID_INPUT', message: `The note can be at most ${noteMax} characters.` };
  return null;
}

/** Reports from `threshold` distinct members with standing, open on the post's case, hide it until a decision. */
export function shouldHide(distinctOpenReporters: number, threshold: number): boolean {
  return distinctOpenReporters >= threshold;
}

/** What the database knows about a reporter's history: counts and ages, no timestamps kept. */
export interface ReporterRecord {
  accountAgeHours: number;
  daysActive: number;
  publishedPosts: number;
  /** Days since the latest WARN; null when never warned. */
  daysSinceLastWarning: number | null;
  /** Ever suspended or banned (the audit log), or suspended or banned now. */
  everSuspendedOrBanned: boolean;
}

export interface StandingRule {
  minAccountAgeHours: number;
  minDaysActive: number;
  minPublishedPosts: number;
  warnCooldownDays: number;
}

/**
 * Whether a report counts toward hiding: trust in Discourse's sense, earned by coming back
 * on several days and taking part, and lost by sanctions. Aged sockpuppets that never post
 * cannot hide anything; their reports still reach moderators.
 */
export function hasReportStanding(reporter: ReporterRecord, rule: StandingRule): boolean {
  if (reporter.everSuspendedOrBanned) return false;
  if (reporter.daysSinceLastWarning !== null && reporter.daysSinceLastWarning < rule.warnCooldownDays) return false;
  return (
    reporter.accountAgeHours >= rule.minAccountAgeHours &&
    reporter.daysActive >= rule.minDaysActive &&
    reporter.publishedPosts >= rule.minPublishedPosts
  );
}
