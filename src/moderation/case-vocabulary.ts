import { enumOf } from '../common/vocabulary/enum-of';
import { PRIORITIES, type Priority } from '../screening/engine/vocabulary';

/** A case's priority is the engine's: the same list, most urgent first (rank: PRIORITY_RANK). */
export const CasePriority = enumOf(PRIORITIES);
export type CasePriority = Priority;

export const CASE_STATUSES = ['OPEN', 'CLAIMED', 'RESOLVED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CaseStatus = enumOf(CASE_STATUSES);

/** What a moderator decided about a case's post. */
export const DECISIONS = ['APPROVE', 'REJECT', 'REQUEST_CHANGES', 'REMOVE'] as const;
export type Decision = (typeof DECISIONS)[number];
export const Decision = enumOf(DECISIONS);

/** Where a case's reason came from: automated screening or a member's report. */
export const REASON_SOURCES = ['SCREENING', 'REPORT'] as const;
export type ReasonSource = (typeof REASON_SOURCES)[number];
export const ReasonSource = enumOf(REASON_SOURCES);
