/**
 * Calendar days, pure. A check-in belongs to the member's own calendar date, worked out by
 * the server from its clock and the member's IANA time zone: a client never says which day
 * it is, so a wrong device clock cannot give two check-ins a day.
 */

/** Whether Intl knows this IANA zone (e.g. "America/Chicago"). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) that `at` falls on in `zone`. */
export function localDate(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The day of the shared check-in thread. One calendar for everyone, UTC: members live in many
 * zones and a thread per zone would split the community; the member's own check-in still
 * counts in their own day.
 */
export function threadDay(at: Date): string {
  return localDate(at, 'UTC');
}

/** Days since 1970-01-01 for a YYYY-MM-DD date: a small integer key (advisory locks). */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/** "Sunday 6 December 2026", in plain words, for the thread's title. */
export function dayTitle(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
