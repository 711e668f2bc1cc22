import fc from 'fast-check';
import { addDays, daysBetween } from '@prm/domain/revenue';
import {
  FUND_PERIOD_KINDS,
  type FundPeriodKind,
  fundPeriodLabel,
  fundPeriodMonths,
  fundPeriodOf,
  isPeriodStart,
  nextFundPeriod,
} from '../fund-period';

const kindArb = fc.constantFrom(...FUND_PERIOD_KINDS);
// Any day from 1900-01-01 to about 2199: the range isIsoDate accepts and a program might use.
const dateArb = fc.integer({ min: 0, max: 109_000 }).map((n) => addDays('1900-01-01', n));

describe('FUND_PERIOD_KINDS', () => {
  it('lists the three kinds, shortest first', () => {
    expect(FUND_PERIOD_KINDS).toEqual(['QUARTER', 'HALF_YEAR', 'YEAR']);
  });

  it.each<[FundPeriodKind, number]>([
    ['QUARTER', 3],
    ['HALF_YEAR', 6],
    ['YEAR', 12],
  ])('%s lasts %i months', (kind, months) => {
    expect(fundPeriodMonths(kind)).toBe(months);
  });

  it('refuses an unknown kind', () => {
    expect(() => fundPeriodMonths('MONTH' as FundPeriodKind)).toThrow(RangeError);
  });
});

describe('fundPeriodOf', () => {
  it.each<[FundPeriodKind, string, string, string]>([
    ['QUARTER', '2026-01-01', '2026-01-01', '2026-03-31'],
    ['QUARTER', '2026-02-14', '2026-01-01', '2026-03-31'],
    ['QUARTER', '2026-03-31', '2026-01-01', '2026-03-31'],
    ['QUARTER', '2026-04-01', '2026-04-01', '2026-06-30'],
    ['QUARTER', '2026-06-30', '2026-04-01', '2026-06-30'],
    ['QUARTER', '2026-08-15', '2026-07-01', '2026-09-30'],
    ['QUARTER', '2026-10-01', '2026-10-01', '2026-12-31'],
    ['QUARTER', '2026-12-31', '2026-10-01', '2026-12-31'],
    ['QUARTER', '2024-02-29', '2024-01-01', '2024-03-31'], // leap day
    ['HALF_YEAR', '2026-01-01', '2026-01-01', '2026-06-30'],
    ['HALF_YEAR', '2026-06-30', '2026-01-01', '2026-06-30'],
    ['HALF_YEAR', '2026-07-01', '2026-07-01', '2026-12-31'],
    ['HALF_YEAR', '2026-12-31', '2026-07-01', '2026-12-31'],
    ['YEAR', '2026-01-01', '2026-01-01', '2026-12-31'],
    ['YEAR', '2026-07-19', '2026-01-01', '2026-12-31'],
    ['YEAR', '2026-12-31', '2026-01-01', '2026-12-31'],
  ])('%s containing %s is %s..%s', (kind, date, start, end) => {
    expect(fundPeriodOf(kind, date)).toEqual({ start, end });
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '', '1899-12-31'])('refuses %p, which is not a date', (date) => {
    expect(() => fundPeriodOf('QUARTER', date)).toThrow(RangeError);
  });

  it('property: the period contains the date, starts on a period start and lasts its months', () => {
    fc.assert(
      fc.property(kindArb, dateArb, (kind, date) => {
        const { start, end } = fundPeriodOf(kind, date);
        expect(start <= date && date <= end).toBe(true);
        expect(isPeriodStart(kind, start)).toBe(true);
        expect(start.slice(8)).toBe('01');
        expect((Number(start.slice(5, 7)) - 1) % fundPeriodMonths(kind)).toBe(0);
        // The day after the end starts the next period.
        expect(nextFundPeriod(kind, date).start).toBe(addDays(end, 1));
        expect(fundPeriodOf(kind, start)).toEqual({ start, end });
        expect(fundPeriodOf(kind, end)).toEqual({ start, end });
      }),
    );
  });

  it('property: a half-year is two quarters and a year two half-years', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const half = fundPeriodOf('HALF_YEAR', date);
        const year = fundPeriodOf('YEAR', date);
        expect(half.start >= year.start && half.end <= year.end).toBe(true);
        const quarter = fundPeriodOf('QUARTER', date);
        expect(quarter.start >= half.start && quarter.end <= half.end).toBe(true);
        expect(daysBetween(year.start, year.end) + 1).toBeGreaterThanOrEqual(365);
        expect(daysBetween(year.start, year.end) + 1).toBeLessThanOrEqual(366);
      }),
    );
  });
});

describe('nextFundPeriod', () => {
  it.each<[FundPeriodKind, string, string, string]>([
    ['QUARTER', '2026-01-01', '2026-04-01', '2026-06-30'],
    ['QUARTER', '2026-07-01', '2026-10-01', '2026-12-31'],
    ['QUARTER', '2026-10-01', '2027-01-01', '2027-03-31'], // over the year end
    ['QUARTER', '2026-11-20', '2027-01-01', '2027-03-31'], // any date: the period after the one containing it
    ['HALF_YEAR', '2026-01-01', '2026-07-01', '2026-12-31'],
    ['HALF_YEAR', '2026-07-01', '2027-01-01', '2027-06-30'],
    ['YEAR', '2026-01-01', '2027-01-01', '2027-12-31'],
    ['YEAR', '2027-01-01', '2028-01-01', '2028-12-31'],
  ])('%s after %s is %s..%s', (kind, date, start, end) => {
    expect(nextFundPeriod(kind, date)).toEqual({ start, end });
  });
});

describe('fundPeriodLabel', () => {
  it.each<[FundPeriodKind, string, string]>([
    ['QUARTER', '2026-01-01', '2026-Q1'],
    ['QUARTER', '2026-04-01', '2026-Q2'],
    ['QUARTER', '2026-07-01', '2026-Q3'],
    ['QUARTER', '2026-10-01', '2026-Q4'],
    ['QUARTER', '2026-08-31', '2026-Q3'],
    ['HALF_YEAR', '2026-01-01', '2026-H1'],
    ['HALF_YEAR', '2026-07-01', '2026-H2'],
    ['HALF_YEAR', '2026-12-31', '2026-H2'],
    ['YEAR', '2026-01-01', '2026'],
    ['YEAR', '2026-09-09', '2026'],
  ])('%s %s is %s', (kind, date, label) => {
    expect(fundPeriodLabel(kind, date)).toBe(label);
  });

  it('property: consecutive periods have distinct labels and the label names the start year', () => {
    fc.assert(
      fc.property(kindArb, dateArb, (kind, date) => {
        const label = fundPeriodLabel(kind, date);
        expect(label.slice(0, 4)).toBe(date.slice(0, 4));
        expect(fundPeriodLabel(kind, nextFundPeriod(kind, date).start)).not.toBe(label);
        expect(label).toMatch(kind === 'QUARTER' ? /^\d{4}-Q[1-4]$/ : kind === 'HALF_YEAR' ? /^\d{4}-H[12]$/ : /^\d{4}$/);
      }),
    );
  });
});

describe('isPeriodStart', () => {
  it.each<[FundPeriodKind, string, boolean]>([
    ['QUARTER', '2026-01-01', true],
    ['QUARTER', '2026-04-01', true],
    ['QUARTER', '2026-07-01', true],
    ['QUARTER', '2026-10-01', true],
    ['QUARTER', '2026-02-01', false],
    ['QUARTER', '2026-04-02', false],
    ['HALF_YEAR', '2026-07-01', true],
    ['HALF_YEAR', '2026-04-01', false],
    ['YEAR', '2026-01-01', true],
    ['YEAR', '2026-07-01', false],
    ['QUARTER', '2026-13-01', false],
    ['QUARTER', 'not a date', false],
  ])('%s %s → %s', (kind, date, expected) => {
    expect(isPeriodStart(kind, date)).toBe(expected);
  });
});
