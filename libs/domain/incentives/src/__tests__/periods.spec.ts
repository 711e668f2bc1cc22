import fc from 'fast-check';
import { addDays } from '@prm/domain/revenue';
import { addCalendarMonths, assertPeriodOpen, nextOpenPeriod, nextPeriod, type PeriodKind, periodOf } from '../periods';
import { expectError } from './helpers';

describe('periodOf', () => {
  it.each<[string, PeriodKind, string, string, string]>([
    ['2026-03-15', 'MONTH', '2026-03', '2026-03-01', '2026-03-31'],
    ['2024-02-10', 'MONTH', '2024-02', '2024-02-01', '2024-02-29'],
    ['2026-02-28', 'MONTH', '2026-02', '2026-02-01', '2026-02-28'],
    ['2026-01-01', 'QUARTER', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-03-31', 'QUARTER', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-04-01', 'QUARTER', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-08-15', 'QUARTER', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-12-31', 'QUARTER', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-06-30', 'YEAR', '2026', '2026-01-01', '2026-12-31'],
  ])('%s as %s → %s (%s..%s)', (date, kind, key, start, end) => {
    expect(periodOf(date, kind)).toEqual({ kind, key, start, end });
  });

  it.each<[string, PeriodKind]>([
    ['2026-02-30', 'MONTH'],
    ['26-01-01', 'QUARTER'],
    ['2026-01-01', 'WEEK' as PeriodKind],
  ])('refuses %s / %s', (date, kind) => {
    expectError(() => periodOf(date, kind), 'BAD_USER_INPUT');
  });

  const dates = fc.integer({ min: 0, max: 3650 }).map((offset) => addDays('2024-01-01', offset));
  const kinds = fc.constantFrom<PeriodKind>('MONTH', 'QUARTER', 'YEAR');

  it('property: a date lies inside its period, and the next period starts the day after it ends', () => {
    fc.assert(
      fc.property(dates, kinds, (date, kind) => {
        const period = periodOf(date, kind);
        expect(period.start <= date && date <= period.end).toBe(true);
        expect(periodOf(period.start, kind)).toEqual(period);
        expect(periodOf(period.end, kind)).toEqual(period);
        expect(nextPeriod(period).start).toBe(addDays(period.end, 1));
      }),
    );
  });
});

describe('nextPeriod / nextOpenPeriod / assertPeriodOpen', () => {
  it.each<[string, PeriodKind, string]>([
    ['2026-12-01', 'MONTH', '2027-01'],
    ['2026-11-30', 'QUARTER', '2027-Q1'],
    ['2026-05-05', 'YEAR', '2027'],
  ])('after the period of %s (%s) comes %s', (date, kind, key) => {
    expect(nextPeriod(periodOf(date, kind)).key).toBe(key);
  });

  it.each<[string, string[], string]>([
    ['2026-03-15', [], '2026-Q1'],
    ['2026-03-15', ['2025-Q4'], '2026-Q1'],
    ['2026-03-15', ['2026-Q1'], '2026-Q2'],
    ['2026-03-15', ['2026-Q1', '2026-Q2'], '2026-Q3'],
    ['2026-03-15', ['2026-Q1', '2026-Q3'], '2026-Q2'],
    ['2026-12-31', ['2026-Q4'], '2027-Q1'],
  ])('an event on %s with %p closed is booked in %s', (date, closed, key) => {
    expect(nextOpenPeriod(date, 'QUARTER', closed).key).toBe(key);
  });

  it('refuses a change dated in a closed period with CONFLICT', () => {
    expect(assertPeriodOpen('2026-04-01', 'QUARTER', ['2026-Q1']).key).toBe('2026-Q2');
    expectError(() => assertPeriodOpen('2026-03-31', 'QUARTER', ['2026-Q1']), 'CONFLICT', /Period 2026-Q1 is closed/);
  });
});

describe('addCalendarMonths', () => {
  it.each<[string, number, string]>([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2024-03-15', 24, '2026-03-15'],
    ['2026-01-01', 0, '2026-01-01'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('%s + %p months = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it('refuses fractional months', () => {
    expectError(() => addCalendarMonths('2026-01-01', 0.5), 'BAD_USER_INPUT');
  });
});
