export type DurationUnit = 'second' | 'minute' | 'hour' | 'day';

/** The largest unit that fits, with one decimal below ten of it ("1.5 h" says more than "2 h" about a wait). */
export function durationParts(seconds: number): { value: number; unit: DurationUnit } {
  const units: Array<[DurationUnit, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds >= size) {
      const value = seconds / size;
      return { value: value < 10 ? Math.round(value * 10) / 10 : Math.round(value), unit };
    }
  }
  return { value: Math.max(0, Math.round(seconds)), unit: 'second' };
}

/** "3 min", "1.5 h", "2 days", in the reader's language. */
export function formatDuration(seconds: number, language: string): string {
  const { value, unit } = durationParts(seconds);
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: unit === 'day' ? 'long' : 'short' }).format(value);
}
