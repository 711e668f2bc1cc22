import fc from 'fast-check';
import { HUNDRED_PERCENT, parsePercent, type Percent, PERCENT_UNITS_PER_HUNDRED, percentFromUnits, ZERO_PERCENT } from '@prm/domain/money';
import { claimCapMinor, coFundingCapMinor } from '../co-funding';

const percentArb = fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED }).map(percentFromUnits);
const amountArb = fc.bigInt({ min: 0n, max: 10n ** 15n });

describe('coFundingCapMinor', () => {
  it.each<[string, bigint, string, bigint]>([
    ['50 % of €1,234.57 → €617.28 (617.285 rounded down, not up)', 123_457n, '50', 61_728n],
    ['50 % of €1,234.56 → €617.28 exactly', 123_456n, '50', 61_728n],
    ['33.3333 % of €100.00 → €33.33 (33.33330)', 10_000n, '33.3333', 3_333n],
    ['33.3333 % of €0.03 → €0.00 (0.999999 cent rounded down)', 3n, '33.3333', 0n],
    ['33.3333 % of €3.00 → €0.99 (99.9999 cents rounded down)', 300n, '33.3333', 99n],
    ['66.6667 % of €3.00 → €2.00 (200.0001 cents)', 300n, '66.6667', 200n],
    ['66.6667 % of €0.01 → €0.00', 1n, '66.6667', 0n],
    ['99.9999 % of €1.00 → €0.99', 100n, '99.9999', 99n],
    ['100 % of €1,234.57 is the whole cost', 123_457n, '100', 123_457n],
    ['0 % caps at zero', 123_457n, '0', 0n],
    ['0.0001 % of €10,000.00 → €0.01', 1_000_000n, '0.0001', 1n],
    ['0.0001 % of €9,999.99 → €0.00', 999_999n, '0.0001', 0n],
    ['12.5 % of €1,234.50 → €154.31 (154.3125)', 123_450n, '12.5', 15_431n],
    ['JPY: 7.5 % of ¥1,001 → ¥75 (75.075)', 1_001n, '7.5', 75n],
    ['JPY: 50 % of ¥999 → ¥499 (499.5 rounded down)', 999n, '50', 499n],
    ['KWD: 3.3333 % of KWD 10.000 → KWD 0.333 (333.33 fils)', 10_000n, '3.3333', 333n],
    ['KWD: 66.6667 % of KWD 1.000 → KWD 0.666 (666.667 fils)', 1_000n, '66.6667', 666n],
    ['KWD: 50 % of KWD 0.003 → KWD 0.001 (1.5 fils rounded down)', 3n, '50', 1n],
    ['a zero planned cost caps at zero', 0n, '50', 0n],
    ['large amounts stay exact', 9_223_372_036_854_775_807n, '50', 4_611_686_018_427_387_903n],
  ])('%s', (_case, planned, pct, cap) => {
    expect(coFundingCapMinor(planned, parsePercent(pct))).toBe(cap);
  });

  it('refuses a negative planned cost', () => {
    expect(() => coFundingCapMinor(-1n, parsePercent('50'))).toThrow(RangeError);
  });

  it('property: the cap never exceeds the exact share and is less than a minor unit below it', () => {
    fc.assert(
      fc.property(amountArb, percentArb, (planned, pct) => {
        const cap = coFundingCapMinor(planned, pct);
        // cap ≤ planned × pct / 10^6 < cap + 1
        expect(cap * PERCENT_UNITS_PER_HUNDRED <= planned * pct).toBe(true);
        expect(planned * pct < (cap + 1n) * PERCENT_UNITS_PER_HUNDRED).toBe(true);
        expect(cap >= 0n && cap <= planned).toBe(true);
      }),
    );
  });

  it('property: monotonic in the cost and in the rate', () => {
    fc.assert(
      fc.property(amountArb, amountArb, percentArb, percentArb, (a, b, p, q) => {
        const [lowCost, highCost] = a <= b ? [a, b] : [b, a];
        const [lowRate, highRate] = p <= q ? [p, q] : [q, p];
        expect(coFundingCapMinor(lowCost, p) <= coFundingCapMinor(highCost, p)).toBe(true);
        expect(coFundingCapMinor(a, lowRate) <= coFundingCapMinor(a, highRate)).toBe(true);
      }),
    );
  });

  it('property: 100 % is the cost and 0 % is zero', () => {
    fc.assert(
      fc.property(amountArb, (planned) => {
        expect(coFundingCapMinor(planned, HUNDRED_PERCENT)).toBe(planned);
        expect(coFundingCapMinor(planned, ZERO_PERCENT)).toBe(0n);
      }),
    );
  });
});

describe('claimCapMinor', () => {
  it.each<[string, bigint, bigint, string, bigint]>([
    ['cost overrun: the approved request amount binds', 300_000n, 100_000n, '50', 100_000n],
    ['cheaper than planned: the share of the actual cost binds', 150_001n, 100_000n, '50', 75_000n],
    ['share rounded down: 50 % of €1,234.57 → €617.28', 123_457n, 100_000n, '50', 61_728n],
    ['equal: both limits agree', 200_000n, 100_000n, '50', 100_000n],
    ['33.3333 % of €300.00 → €99.99, under the €100 approved', 30_000n, 10_000n, '33.3333', 9_999n],
    ['JPY: 50 % of ¥1,001 → ¥500, approved ¥600', 1_001n, 600n, '50', 500n],
    ['KWD: 3.3333 % of KWD 10.000 → 0.333, approved 1.000', 10_000n, 1_000n, '3.3333', 333n],
    ['nothing spent: nothing to claim', 0n, 100_000n, '50', 0n],
    ['nothing approved: nothing to claim', 100_000n, 0n, '50', 0n],
    ['0 % co-funding', 100_000n, 100_000n, '0', 0n],
    ['100 % co-funding, approved binds', 100_000n, 99_999n, '100', 99_999n],
  ])('%s', (_case, actual, approved, pct, cap) => {
    expect(claimCapMinor(actual, approved, parsePercent(pct))).toBe(cap);
  });

  it.each<[bigint, bigint]>([
    [-1n, 100n],
    [100n, -1n],
  ])('refuses negative amounts (%p, %p)', (actual, approved) => {
    expect(() => claimCapMinor(actual, approved, parsePercent('50'))).toThrow(RangeError);
  });

  it('property: never above the approved amount nor the co-funding cap of the actual cost, and equal to the smaller', () => {
    fc.assert(
      fc.property(amountArb, amountArb, percentArb, (actual, approved, pct: Percent) => {
        const cap = claimCapMinor(actual, approved, pct);
        const share = coFundingCapMinor(actual, pct);
        expect(cap <= approved).toBe(true);
        expect(cap <= share).toBe(true);
        expect(cap === approved || cap === share).toBe(true);
        expect(cap * PERCENT_UNITS_PER_HUNDRED <= actual * pct).toBe(true);
      }),
    );
  });

  it('property: monotonic in the actual cost', () => {
    fc.assert(
      fc.property(amountArb, amountArb, amountArb, percentArb, (a, b, approved, pct) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(claimCapMinor(low, approved, pct) <= claimCapMinor(high, approved, pct)).toBe(true);
      }),
    );
  });
});
