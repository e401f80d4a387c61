import { relativeParts } from './relative-time';

describe('how long ago, in the largest unit that fits', () => {
  const now = Date.UTC(2026, 11, 6, 12, 0, 0);

  it('counts seconds, minutes, hours and days into the past', () => {
    expect(relativeParts(now - 40_000, now)).toEqual({ value: -40, unit: 'second' });
    expect(relativeParts(now - 3 * 60_000 - 10_000, now)).toEqual({ value: -3, unit: 'minute' });
    expect(relativeParts(now - 5 * 3_600_000, now)).toEqual({ value: -5, unit: 'hour' });
    expect(relativeParts(now - 49 * 3_600_000, now)).toEqual({ value: -2, unit: 'day' });
  });
});
