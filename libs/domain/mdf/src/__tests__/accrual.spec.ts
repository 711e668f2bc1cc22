import fc from 'fast-check';
import { applyPercent, parsePercent, PERCENT_UNITS_PER_HUNDRED, percentFromUnits } from '@prm/domain/money';
import { accrualBudgetMinor } from '../accrual';

describe('accrualBudgetMinor', () => {
  it.each<[string, bigint, string, bigint]>([
    ['2 % of €1,234,567.89 → €24,691.36 (24,691.3578)', 123_456_789n, '2', 2_469_136n],
    ['5 % of €0.10 → €0.01 (half a cent rounds up)', 10n, '5', 1n],
    ['5 % of €0.09 → €0.00 (0.45 cent)', 9n, '5', 0n],
    ['3.3333 % of €100.00 → €3.33', 10_000n, '3.3333', 333n],
    ['12.3456 % of €999.99 → €123.45', 99_999n, '12.3456', 12_345n],
    ['JPY: 7.5 % of ¥1,001 → ¥75', 1_001n, '7.5', 75n],
    ['JPY: 50 % of ¥1 → ¥1 (half up)', 1n, '50', 1n],
    ['KWD: 3.3333 % of KWD 10.000 → 0.333', 10_000n, '3.3333', 333n],
    ['0 % accrues nothing', 123_456n, '0', 0n],
    ['100 % is the revenue', 123_456n, '100', 123_456n],
    ['no revenue', 0n, '5', 0n],
    ['net refunds (negative revenue) accrue nothing, not a negative budget', -500_000n, '5', 0n],
  ])('%s', (_case, revenue, rate, budget) => {
    expect(accrualBudgetMinor(revenue, parsePercent(rate))).toBe(budget);
  });

  it('property: never negative, never above the revenue, half up of the exact share', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED }).map(percentFromUnits), (revenue, rate) => {
        const budget = accrualBudgetMinor(revenue, rate);
        expect(budget >= 0n).toBe(true);
        if (revenue <= 0n) {
          expect(budget).toBe(0n);
          return;
        }
        expect(budget <= revenue).toBe(true);
        expect(budget).toBe(applyPercent(revenue, rate, 'HALF_UP'));
        // |budget − exact| ≤ ½ minor unit  ⇔  |2·budget·10^6 − 2·revenue·rate| ≤ 10^6
        const diff = 2n * budget * PERCENT_UNITS_PER_HUNDRED - 2n * revenue * rate;
        expect((diff < 0n ? -diff : diff) <= PERCENT_UNITS_PER_HUNDRED).toBe(true);
      }),
    );
  });

  it('property: monotonic in revenue', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED }).map(percentFromUnits), (a, b, rate) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(accrualBudgetMinor(low, rate) <= accrualBudgetMinor(high, rate)).toBe(true);
      }),
    );
  });
});
