/**
 * PURE: a member's recovery progress from their own records and today's date. No clock, no
 * database: every answer follows from the arguments, so the rules are tested here once.
 *
 * The rules, and why:
 * - Total days count from the recovery start and never go back to zero. When the member also
 *   records a medication (MOUD) start that is earlier, the total counts from that earlier
 *   date: days on medication are days in recovery, always.
 * - A "came back" date (a restart the member records) begins a new current stretch. It never
 *   subtracts anything from the total, and medication days are never touched by it.
 * - Came-back dates on or before the start, after today, or repeated are left out of the
 *   arithmetic (the service refuses them on input; a start date moved later can strand one).
 * - Days are whole calendar days in the member's own day: `today` is their local date.
 * - Milestones are reached by the total: the configured day counts (30, 60, 90, 180 by
 *   default), then every anniversary of the start date. An anniversary of 29 February falls on
 *   28 February in a common year: a celebration should never be a day late.
 */

import { parseCalendarDate } from '../member-fields';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ProgressRecords {
  /** YYYY-MM-DD or null. */
  recoveryStartDate: string | null;
  medicationStartDate: string | null;
  comebackDates: readonly string[];
}

export interface Milestone {
  /** Total days in recovery at the milestone: its identity (unique across milestones). */
  days: number;
  /** Whole years for an anniversary, null for a day-count milestone. */
  years: number | null;
  /** The calendar date the milestone falls on. */
  reachedOn: string;
}

export interface Progress {
  /** The date the total counts from: the earlier of recovery start and medication start. */
  countingFrom: string;
  totalDays: number;
  currentStretchDays: number;
  currentStretchStart: string;
  /** Came-back dates that count, oldest first. */
  comebackDates: string[];
  daysOnMedication: number | null;
  milestonesReached: Milestone[];
  nextMilestone: Milestone;
}

/** A YYYY-MM-DD from milliseconds at UTC midnight. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  if (a === null || b === null) throw new Error(`not a calendar date: ${a === null ? from : to}`);
  return Math.round((b - a) / DAY_MS);
}

/** The date `years` after `start`; 29 February becomes 28 February in a common year. */
export function anniversary(start: string, years: number): string {
  const [year, month, day] = start.split('-').map(Number);
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return isoDay(Date.UTC(target, month - 1, Math.min(day, lastDay)));
}

/** The local calendar date in an IANA time zone at `now` (the zone must be valid). */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The canonical name of an IANA time zone, or null when it is not one this runtime knows. */
export function canonicalTimeZone(value: string): string | null {
  // A name, not an offset or an abbreviation: "Europe/Madrid", "America/Argentina/Salta", "UTC".
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(value) || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Milestones in order of days, up to and including the first one after `totalDays`. */
export function milestonesThrough(countingFrom: string, totalDays: number, dayMilestones: readonly number[]): Milestone[] {
  const byDay = [...new Set(dayMilestones)].filter((days) => days > 0).sort((a, b) => a - b);
  const startTime = parseCalendarDate(countingFrom) as number;
  const list: Milestone[] = [];
  for (const days of byDay) list.push({ days, years: null, reachedOn: isoDay(startTime + days * DAY_MS) });
  for (let years = 1; ; years += 1) {
    const reachedOn = anniversary(countingFrom, years);
    const days = daysBetween(countingFrom, reachedOn);
    if (!list.some((milestone) => milestone.days === days)) list.push({ days, years, reachedOn });
    if (days > totalDays) break;
  }
  list.sort((a, b) => a.days - b.days);
  const next = list.findIndex((milestone) => milestone.days > totalDays);
  return list.slice(0, next + 1);
}

/** The member's progress on `today` (their local date), or null before any start is recorded. */
export function progressOn(records: ProgressRecords, today: string, dayMilestones: readonly number[]): Progress | null {
  const starts = [records.recoveryStartDate, records.medicationStartDate].filter(
    (date): date is string => date !== null && parseCalendarDate(date) !== null,
  );
  if (starts.length === 0) return null;
  const countingFrom = starts.sort()[0];
  const totalDays = Math.max(0, daysBetween(countingFrom, today));
  const comebackDates = [...new Set(records.comebackDates)]
    .filter((date) => parseCalendarDate(date) !== null && date > countingFrom && date <= today)
    .sort();
  const currentStretchStart = comebackDates.length > 0 ? comebackDates[comebackDates.length - 1] : countingFrom;
  const milestones = milestonesThrough(countingFrom, totalDays, dayMilestones);
  const medication = records.medicationStartDate;
  return {
    countingFrom,
    totalDays,
    currentStretchDays: Math.max(0, daysBetween(currentStretchStart, today)),
    currentStretchStart,
    comebackDates,
    daysOnMedication: medication !== null && parseCalendarDate(medication) !== null ? Math.max(0, daysBetween(medication, today)) : null,
    milestonesReached: milestones.filter((milestone) => milestone.days <= totalDays),
    nextMilestone: milestones[milestones.length - 1],
  };
}
