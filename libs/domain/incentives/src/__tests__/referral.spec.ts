import fc from 'fast-check';
import { applyPercent, type Percent, PERCENT_UNITS_PER_HUNDRED } from '@prm/domain/money';
import { addMonths } from '@prm/domain/revenue';
import { type MonthlyMrr, referralCommission } from '../referral';
import { expectError, pct, sum } from './helpers';

const series = (first: string, values: bigint[]): MonthlyMrr[] => values.map((mrrMinor, i) => ({ month: addMonths(first, i), mrrMinor }));
// Jan–Aug 2026; no MRR in March (a paused subscription).
const MRR = series('2026-01-01', [10_000n, 10_000n, 0n, 15_005n, 15_005n, 20_000n, 20_000n, 20_000n]);

describe('referralCommission', () => {
  it.each<[string, number | null, [string, number, bigint][]]>([
    ['3 months from a mid-February sign-up: Feb, (Mar without MRR), Apr', 3, [['2026-02-01', 1, 1_250n], ['2026-04-01', 3, 1_876n]]],
    ['1 month', 1, [['2026-02-01', 1, 1_250n]]],
    [
      'the lifetime',
      null,
      [
        ['2026-02-01', 1, 1_250n],
        ['2026-04-01', 3, 1_876n], // 150.05 × 12.5 % = 18.75625 → 18.76
        ['2026-05-01', 4, 1_876n],
        ['2026-06-01', 5, 2_500n],
        ['2026-07-01', 6, 2_500n],
        ['2026-08-01', 7, 2_500n],
      ],
    ],
    ['more months than the series has', 24, [['2026-02-01', 1, 1_250n], ['2026-04-01', 3, 1_876n], ['2026-05-01', 4, 1_876n], ['2026-06-01', 5, 2_500n], ['2026-07-01', 6, 2_500n], ['2026-08-01', 7, 2_500n]]],
  ])('12.5 %%, %s', (_case, months, expected) => {
    const lines = referralCommission(MRR, { attributionStart: '2026-02-14', ratePct: pct('12.5'), months });
    expect(lines.map((line) => [line.month, line.monthNumber, line.amountMinor])).toEqual(expected);
    expect(lines.every((line) => line.ratePct === pct('12.5'))).toBe(true);
  });

  it('starts in the attribution month and ignores earlier MRR', () => {
    expect(referralCommission(MRR, { attributionStart: '2026-08-31', ratePct: pct('10'), months: null }).map((line) => line.month)).toEqual(['2026-08-01']);
    expect(referralCommission(MRR, { attributionStart: '2026-09-01', ratePct: pct('10'), months: null })).toEqual([]);
  });

  it('rounds each month once (JPY 9,999 × 7.5 % = 749.925 → 750; KWD 1.005 × 50 % = 0.5025 → 0.503)', () => {
    expect(referralCommission([{ month: '2026-01-01', mrrMinor: 9_999n }], { attributionStart: '2026-01-01', ratePct: pct('7.5'), months: 12 })[0]?.amountMinor).toBe(750n);
    expect(referralCommission([{ month: '2026-01-01', mrrMinor: 1_005n }], { attributionStart: '2026-01-01', ratePct: pct('50'), months: 12 })[0]?.amountMinor).toBe(503n);
  });

  it('lists the months in order whatever order the series has', () => {
    const lines = referralCommission([...MRR].reverse(), { attributionStart: '2026-01-01', ratePct: pct('10'), months: 2 });
    expect(lines.map((line) => [line.month, line.baseMinor, line.amountMinor])).toEqual([
      ['2026-01-01', 10_000n, 1_000n],
      ['2026-02-01', 10_000n, 1_000n],
    ]);
  });

  it.each<[string, MonthlyMrr[], number | null, RegExp]>([
    ['a month that is not a first day', [{ month: '2026-01-15', mrrMinor: 1n }], 3, /not the first day of a month/],
    ['a month listed twice', [{ month: '2026-01-01', mrrMinor: 1n }, { month: '2026-01-01', mrrMinor: 2n }], 3, /listed twice/],
    ['a negative MRR', [{ month: '2026-01-01', mrrMinor: -1n }], 3, /negative/],
    ['zero months', [], 0, /whole number of months/],
    ['fractional months', [], 1.5, /whole number of months/],
  ])('refuses %s', (_case, given, months, message) => {
    expectError(() => referralCommission(given, { attributionStart: '2026-01-01', ratePct: pct('10'), months }), 'BAD_USER_INPUT', message);
  });

  it('refuses an attribution start that is not a date', () => {
    expectError(() => referralCommission(MRR, { attributionStart: 'soon', ratePct: pct('10'), months: 1 }), 'BAD_USER_INPUT');
  });

  it('property: at most N lines inside the window, each applyPercent of its month, and more months never pay less', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED }),
        (values, startOffset, months, rate) => {
          const mrr = series('2025-01-01', values);
          const terms = { attributionStart: addMonths('2025-01-01', startOffset), ratePct: rate as Percent, months };
          const lines = referralCommission(mrr, terms);
          expect(lines.length <= months).toBe(true);
          for (const line of lines) {
            expect(line.monthNumber >= 1 && line.monthNumber <= months).toBe(true);
            expect(line.amountMinor).toBe(applyPercent(line.baseMinor, rate as Percent));
          }
          const total = (n: number | null) => sum(referralCommission(mrr, { ...terms, months: n }).map((line) => line.amountMinor));
          expect(total(months) <= total(months + 1)).toBe(true);
          expect(total(months + 1) <= total(null)).toBe(true);
        },
      ),
    );
  });
});
