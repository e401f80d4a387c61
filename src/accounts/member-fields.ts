/**
 * Pure helpers behind the Member fields and profile input: dates only, no clock of their own.
 * A recovery start date is a calendar date (YYYY-MM-DD) without a time zone.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** The earliest time zone is UTC+14: "today" there may already be tomorrow in UTC. */
const EARLIEST_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11": year and month of joining, in UTC. Never the exact time. */
export function joinedMonth(createdAt: Date): string {
  return createdAt.toISOString().slice(0, 7);
}

/** Milliseconds since the epoch of a YYYY-MM-DD at UTC midnight, or null if it is not a real date. */
export function parseCalendarDate(value: string): number | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time;
}

export type RecoveryDateProblem = 'FORMAT' | 'FUTURE' | 'TOO_OLD';

/** Null when `value` is an acceptable recovery start date at `now`. */
export function recoveryDateProblem(value: string, now: Date): RecoveryDateProblem | null {
  const time = parseCalendarDate(value);
  if (time === null) return 'FORMAT';
  if (time < Date.UTC(1900, 0, 1)) return 'TOO_OLD';
  const todayAnywhere = Math.floor((now.getTime() + EARLIEST_ZONE_OFFSET_MS) / DAY_MS) * DAY_MS;
  if (time > todayAnywhere) return 'FUTURE';
  return null;
}

export function recoveryDateMessage(problem: RecoveryDateProblem): string {
  switch (problem) {
    case 'FORMAT':
      return 'Please give the recovery start date as year-month-day, for example 2025-03-14.';
    case 'FUTURE':
      return "The recovery start date can't be in the future.";
    case 'TOO_OLD':
      return 'Please check the recovery start date: it is before 1900.';
  }
}

export function medicationDateMessage(problem: RecoveryDateProblem): string {
  switch (problem) {
    case 'FORMAT':
      return 'Please give the date you began medication as year-month-day, for example 2025-03-14.';
    case 'FUTURE':
      return "The date you began medication can't be in the future.";
    case 'TOO_OLD':
      return 'Please check the date you began medication: it is before 1900.';
  }
}
