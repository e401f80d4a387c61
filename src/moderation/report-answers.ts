import { enumOf } from '../common/vocabulary/enum-of';
import { PostStatus } from '../forum/post-status';
import { Decision } from './case-vocabulary';

/**
 * Pure: what a member who reported a post is told when the case their report joined closes.
 * Three plain outcomes, and nothing more: never the other member's pseudonym, the decision's
 * exact kind, a sanction or any moderator's note (POLICY.md: moderators' notes are for the
 * author; a reporter learns only whether their concern was acted on).
 */
export const REPORT_ANSWERS = [
  // Taken down, not published, or sent back to its author for changes.
  'ACTED_ON',
  // A moderator read it and it stays (or is visible again after reports hid it).
  'LEFT_UP',
  // The post left before a moderator had to decide (its author withdrew it).
  'POST_GONE',
] as const;
export type ReportAnswer = (typeof REPORT_ANSWERS)[number];
export const ReportAnswer = enumOf(REPORT_ANSWERS);

/** A moderator's decision, seen from a reporter; `statusBefore` is the post's status the moderator saw. */
export function answerForDecision(decision: Decision, statusBefore: PostStatus): ReportAnswer {
  if (decision === Decision.APPROVE) return ReportAnswer.LEFT_UP;
  // Closing a case on a post that was already gone is no action on the reporter's concern:
  // say what is true (it is no longer there) rather than claim a moderator took it down.
  if (statusBefore === PostStatus.REMOVED || statusBefore === PostStatus.REJECTED) return ReportAnswer.POST_GONE;
  return ReportAnswer.ACTED_ON;
}

/** The notification's words. Plain, warm, and true in every case each answer covers. */
export const REPORT_ANSWER_MESSAGE: Readonly<Record<ReportAnswer, string>> = {
  ACTED_ON: 'A moderator reviewed a post you reported and acted on it. Thank you for looking out for this community.',
  LEFT_UP:
    'A moderator reviewed a post you reported and decided to leave it up. Thank you for speaking up: if something still worries you, you can report again or reach out for support.',
  POST_GONE: 'A post you reported is no longer on Kindred, so there was nothing left for a moderator to decide. Thank you for telling us.',
};

/** How the reporter's list (Account.myReports) shows a report: its answer, or SUBMITTED while the case is open. */
export const MY_REPORT_STATUSES = ['SUBMITTED', ...REPORT_ANSWERS] as const;
export type MyReportStatus = (typeof MY_REPORT_STATUSES)[number];
export const MyReportStatus = enumOf(MY_REPORT_STATUSES);

export function myReportStatus(answer: string | null): MyReportStatus {
  return (REPORT_ANSWERS as readonly string[]).includes(answer ?? '') ? (answer as ReportAnswer) : MyReportStatus.SUBMITTED;
}
