import { anniversary, canonicalTimeZone, localDate, milestonesThrough, progressOn } from './progress-arithmetic';

const DAYS = [30, 60, 90, 180];

describe('progressOn', () => {
  it('is null before any start is recorded', () => {
    expect(
      progressOn({ recoveryStartDate: null, medicationStartDate: null, comebackDates: ['2026-01-01'] }, '2026-03-01', DAYS),
    ).toBeNull();
  });

  it('counts whole days from the start, zero on the first day', () => {
    const first = progressOn({ recoveryStartDate: '2026-03-01', medicationStartDate: null, comebackDates: [] }, '2026-03-01', DAYS);
    expect(first).toMatchObject({ totalDays: 0, currentStretchDays: 0, daysOnMedication: null, milestonesReached: [] });
    expect(first?.nextMilestone).toEqual({ days: 30, years: null, reachedOn: '2026-03-31' });
  });

  it('keeps the total across restarts and starts a new current stretch at the latest', () => {
    const progress = progressOn(
      { recoveryStartDate: '2026-01-01', medicationStartDate: null, comebackDates: ['2026-02-10', '2026-03-01'] },
      '2026-03-11',
      DAYS,
    );
    expect(progress).toMatchObject({
      totalDays: 69,
      currentStretchDays: 10,
      currentStretchStart: '2026-03-01',
      comebackDates: ['2026-02-10', '2026-03-01'],
    });
    expect(progress?.milestonesReached.map((m) => m.days)).toEqual([30, 60]);
    expect(progress?.nextMilestone.days).toBe(90);
  });

  it('leaves out restarts before or on the start, in the future, and repeated', () => {
    const progress = progressOn(
      {
        recoveryStartDate: '2026-01-10',
        medicationStartDate: null,
        comebackDates: ['2025-12-31', '2026-01-10', '2026-02-01', '2026-02-01', '2026-05-01'],
      },
      '2026-02-11',
      DAYS,
    );
    expect(progress?.comebackDates).toEqual(['2026-02-01']);
    expect(progress?.currentStretchDays).toBe(10);
    expect(progress?.totalDays).toBe(32);
  });

  it('counts medication days as recovery: an earlier MOUD start moves the total back, and a restart never touches them', () => {
    const progress = progressOn(
      { recoveryStartDate: '2026-02-01', medicationStartDate: '2026-01-01', comebackDates: ['2026-02-20'] },
      '2026-03-02',
      DAYS,
    );
    expect(progress).toMatchObject({ countingFrom: '2026-01-01', totalDays: 60, daysOnMedication: 60, currentStretchDays: 10 });
    expect(progress?.milestonesReached.map((m) => m.days)).toEqual([30, 60]);
  });

  it('counts from the medication start alone when no recovery start is recorded', () => {
    const progress = progressOn({ recoveryStartDate: null, medicationStartDate: '2026-02-01', comebackDates: [] }, '2026-02-11', DAYS);
    expect(progress).toMatchObject({ totalDays: 10, currentStretchDays: 10, daysOnMedication: 10 });
  });

  it('a later medication start takes nothing away from the total', () => {
    const progress = progressOn(
      { recoveryStartDate: '2025-01-01', medicationStartDate: '2026-01-01', comebackDates: [] },
      '2026-01-11',
      DAYS,
    );
    expect(progress).toMatchObject({ totalDays: 375, daysOnMedication: 10 });
  });

  it('never goes negative for a start that is today somewhere else but tomorrow for the member', () => {
    const progress = progressOn({ recoveryStartDate: '2026-03-02', medicationStartDate: null, comebackDates: [] }, '2026-03-01', DAYS);
    expect(progress).toMatchObject({ totalDays: 0, currentStretchDays: 0 });
  });

  it('reaches one year on the anniversary, across a leap day', () => {
    const before = progressOn({ recoveryStartDate: '2023-06-01', medicationStartDate: null, comebackDates: [] }, '2024-05-31', DAYS);
    expect(before?.milestonesReached.map((m) => m.days)).toEqual([30, 60, 90, 180]);
    expect(before?.nextMilestone).toEqual({ days: 366, years: 1, reachedOn: '2024-06-01' });
    const on = progressOn({ recoveryStartDate: '2023-06-01', medicationStartDate: null, comebackDates: [] }, '2024-06-01', DAYS);
    expect(on?.milestonesReached.at(-1)).toEqual({ days: 366, years: 1, reachedOn: '2024-06-01' });
    expect(on?.nextMilestone).toEqual({ days: 731, years: 2, reachedOn: '2025-06-01' });
  });
});

describe('milestonesThrough', () => {
  it('lists day milestones, then anniversaries, up to the next one', () => {
    expect(milestonesThrough('2020-01-01', 800, [90, 30, 30]).map((m) => [m.days, m.years])).toEqual([
      [30, null],
      [90, null],
      [366, 1],
      [731, 2],
      [1096, 3],
    ]);
  });
});

describe('anniversary', () => {
  it('falls on 28 February for a 29 February start in a common year, and on the 29th in a leap year', () => {
    expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
    expect(anniversary('2025-12-31', 1)).toBe('2026-12-31');
  });
});

describe('localDate and canonicalTimeZone', () => {
  it("is the member's own calendar day", () => {
    const now = new Date('2026-03-01T02:30:00Z');
    expect(localDate(now, 'UTC')).toBe('2026-03-01');
    expect(localDate(now, 'America/Chicago')).toBe('2026-02-28');
    expect(localDate(new Date('2026-03-01T11:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-03-02');
  });

  it('accepts IANA names and refuses the rest', () => {
    expect(canonicalTimeZone('America/Mexico_City')).toBe('America/Mexico_City');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    for (const bad of ['Mars/Olympus', '+02:00', '', 'Europe/Madrid; DROP', 'x'.repeat(80)]) expect(canonicalTimeZone(bad)).toBeNull();
  });
});
