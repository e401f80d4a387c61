import { joinedMonth, parseCalendarDate, recoveryDateProblem } from './member-fields';

describe('joinedMonth', () => {
  it('is the UTC year and month', () => {
    expect(joinedMonth(new Date('2026-11-30T23:59:59Z'))).toBe('2026-11');
    expect(joinedMonth(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12');
  });
});

describe('parseCalendarDate', () => {
  it('accepts real dates', () => {
    expect(parseCalendarDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-1', '20240101', '2024-01-01T00:00:00Z', 'yesterday', ''])(
    'refuses %s',
    (value) => {
      expect(parseCalendarDate(value)).toBeNull();
    },
  );
});

describe('recoveryDateProblem', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('accepts today and the past', () => {
    expect(recoveryDateProblem('2026-03-10', now)).toBeNull();
    expect(recoveryDateProblem('2019-07-01', now)).toBeNull();
  });
  it('accepts tomorrow-in-UTC when it is already today somewhere', () => {
    expect(recoveryDateProblem('2026-03-11', now)).toBeNull();
  });
  it('refuses the future', () => {
    expect(recoveryDateProblem('2026-03-12', now)).toBe('FUTURE');
    expect(recoveryDateProblem('2030-01-01', now)).toBe('FUTURE');
  });
  it('refuses nonsense', () => {
    expect(recoveryDateProblem('2026-02-30', now)).toBe('FORMAT');
    expect(recoveryDateProblem('10/03/2026', now)).toBe('FORMAT');
    expect(recoveryDateProblem('1850-01-01', now)).toBe('TOO_OLD');
  });
});
