import { durationParts, formatDuration } from './duration';

describe('durationParts', () => {
  it('picks the largest unit that fits, one decimal below ten of it', () => {
    expect(durationParts(42.4)).toEqual({ value: 42, unit: 'second' });
    expect(durationParts(90)).toEqual({ value: 1.5, unit: 'minute' });
    expect(durationParts(1680)).toEqual({ value: 28, unit: 'minute' });
    expect(durationParts(5400)).toEqual({ value: 1.5, unit: 'hour' });
    expect(durationParts(3 * 86_400)).toEqual({ value: 3, unit: 'day' });
    expect(durationParts(-2)).toEqual({ value: 0, unit: 'second' });
  });

  it('reads in the reader language', () => {
    expect(formatDuration(5400, 'en')).toBe('1.5 hr');
    expect(formatDuration(5400, 'es')).toBe('1,5 h');
  });
});
