import fc from 'fast-check';
import { addDays, addMonths, daysBetween, endOfMonth, isIsoDate, laterOf, monthOf, monthsBetween } from '../dates';

describe('isIsoDate', () => {
  it.each<[unknown, boolean]>([
    ['2024-01-01', true],
    ['2024-02-29', true], // leap year
    ['2023-02-29', false], // not a leap year
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2100-02-29', false],
    ['2023-02-28', true],
    ['2024-04-30', true],
    ['2024-04-31', false],
    ['2024-06-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-01-32', false],
    ['1900-01-01', true],
    ['1899-12-31', false],
    ['9999-12-31', true],
    ['2024-1-01', false],
    ['2024-01-1', false],
    ['24-01-01', false],
    ['2024/01/01', false],
    ['2024-01-01T00:00:00Z', false],
    [' 2024-01-01', false],
    ['2024-01-01 ', false],
    ['', false],
    [20240101, false],
    [null, false],
    [undefined, false],
    [new Date('2024-01-01T00:00:00Z'), false],
  ])('%p → %p', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2024-03-31', 0, '2024-03-31'],
    ['2024-03-30', 2, '2024-04-01'], // across a European DST switch: irrelevant in UTC
    ['2024-01-31', 30, '2024-03-01'],
  ])('%s + (%i) days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each<[string, string, number]>([
    ['2024-01-01', '2024-01-01', 0],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2025-01-01', '2024-01-01', -366],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-10-27', '2024-10-28', 1],
    ['2024-01-01', '2024-03-31', 90],
    ['2023-01-01', '2023-03-31', 89],
  ])('%s → %s = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('monthOf', () => {
  it.each([
    ['2024-02-29', '2024-02-01'],
    ['2024-12-31', '2024-12-01'],
    ['2024-01-01', '2024-01-01'],
    ['1900-07-15', '1900-07-01'],
  ])('%s → %s', (date, expected) => {
    expect(monthOf(date)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each<[string, number, string]>([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-01-15', 0, '2024-01-01'],
    ['2024-12-15', 1, '2025-01-01'],
    ['2024-01-31', -1, '2023-12-01'],
    ['2024-03-31', -13, '2023-02-01'],
    ['2024-02-29', 12, '2025-02-01'],
    ['2024-01-01', 36, '2027-01-01'],
    ['2024-01-01', -24, '2022-01-01'],
  ])('%s + (%i) months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('endOfMonth', () => {
  it.each([
    ['2024-02-10', '2024-02-29'],
    ['2023-02-10', '2023-02-28'],
    ['2000-02-01', '2000-02-29'],
    ['1900-02-01', '1900-02-28'],
    ['2024-04-30', '2024-04-30'],
    ['2024-04-01', '2024-04-30'],
    ['2024-12-01', '2024-12-31'],
    ['2024-01-31', '2024-01-31'],
  ])('%s → %s', (date, expected) => {
    expect(endOfMonth(date)).toBe(expected);
  });
});

describe('monthsBetween', () => {
  it.each<[string, string, string[]]>([
    ['2024-11-30', '2025-02-01', ['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01']],
    ['2024-02-29', '2024-02-01', ['2024-02-01']], // same month, either order
    ['2024-01-01', '2024-01-31', ['2024-01-01']],
    ['2024-03-01', '2024-02-29', []],
    ['2025-01-01', '2024-12-31', []],
  ])('%s .. %s', (from, to, expected) => {
    expect(monthsBetween(from, to)).toEqual(expected);
  });
});

describe('laterOf', () => {
  it.each([
    ['2024-01-01', '2024-01-02', '2024-01-02'],
    ['2024-01-02', '2024-01-01', '2024-01-02'],
    ['2024-12-31', '2025-01-01', '2025-01-01'],
    ['2024-05-05', '2024-05-05', '2024-05-05'],
  ])('%s, %s → %s', (a, b, expected) => {
    expect(laterOf(a, b)).toBe(expected);
  });
});

describe('invalid dates are rejected', () => {
  const bad = ['2023-02-29', '2024-04-31', '2024-13-01', '1899-12-31', '2024-1-1', 'yesterday', ''];
  it.each(bad)('%j', (date) => {
    expect(() => addDays(date, 1)).toThrow(RangeError);
    expect(() => daysBetween(date, '2024-01-01')).toThrow(RangeError);
    expect(() => daysBetween('2024-01-01', date)).toThrow(RangeError);
    expect(() => monthOf(date)).toThrow(RangeError);
    expect(() => addMonths(date, 1)).toThrow(RangeError);
    expect(() => endOfMonth(date)).toThrow(RangeError);
    expect(() => monthsBetween(date, '2024-12-01')).toThrow(RangeError);
    expect(() => monthsBetween('2024-01-01', date)).toThrow(RangeError);
    // A plain string comparison would call 'yesterday' later than any real date.
    expect(() => laterOf(date, '2024-01-01')).toThrow(RangeError);
    expect(() => laterOf('2024-01-01', date)).toThrow(RangeError);
  });

  it('names the offending value', () => {
    expect(() => monthOf('2023-02-29')).toThrow('not an ISO date: 2023-02-29');
  });
});

describe('date properties', () => {
  const date = fc.date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const days = fc.integer({ min: -20_000, max: 20_000 });

  it('every generated calendar date is valid, and addDays / daysBetween are inverse', () => {
    fc.assert(
      fc.property(date, days, (d, n) => {
        expect(isIsoDate(d)).toBe(true);
        const moved = addDays(d, n);
        expect(isIsoDate(moved)).toBe(true);
        expect(daysBetween(d, moved)).toBe(n);
        expect(addDays(moved, -n)).toBe(d);
      }),
    );
  });

  it('month arithmetic lands on first days and the month end is the day before the next month', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const first = monthOf(d);
        expect(first.endsWith('-01')).toBe(true);
        expect(first <= d && d <= endOfMonth(d)).toBe(true);
        expect(addDays(endOfMonth(d), 1)).toBe(addMonths(d, 1));
        expect(addMonths(addMonths(d, n), -n)).toBe(first);
        const span = monthsBetween(d, addMonths(d, Math.abs(n) % 40));
        expect(span).toHaveLength((Math.abs(n) % 40) + 1);
        span.slice(1).forEach((m, i) => expect(addMonths(span[i]!, 1)).toBe(m));
      }),
    );
  });
});
