import { dayNumber, dayTitle, isTimeZone, localDate, threadDay } from './local-day';

describe('local-day', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it("counts the member's own calendar date", () => {
    // 03:30 UTC on 7 December is still the evening of the 6th in Chicago, already the 7th in Madrid.
    const at = new Date('2026-12-07T03:30:00Z');
    expect(localDate(at, 'America/Chicago')).toBe('2026-12-06');
    expect(localDate(at, 'Europe/Madrid')).toBe('2026-12-07');
    expect(localDate(at, 'Pacific/Kiritimati')).toBe('2026-12-07');
    expect(threadDay(at)).toBe('2026-12-07');
  });

  it('numbers days and names them', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-12-07') - dayNumber('2026-12-06')).toBe(1);
    expect(dayTitle('2026-12-06')).toMatch(/^Sunday,? 6 December 2026$/);
  });
});
