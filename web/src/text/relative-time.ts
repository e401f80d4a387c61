/** The largest unit that fits, for "3 minutes ago": moderators need the age of a case, not its date. */
export function relativeParts(fromMs: number, nowMs: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = Math.round((fromMs - nowMs) / 1000);
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return { value: Math.trunc(seconds / size), unit };
  return { value: seconds, unit: 'second' };
}
