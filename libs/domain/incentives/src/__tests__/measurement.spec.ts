import fc from 'fast-check';
import { budgetUsedPercent, costPerUnitMinor, gainPerCost, participationRate, paymentDelayDays, programRoi, redemptionSpeedDays, redemptionSpeedDaysOf } from '../measurement';
import { type PointsEntry } from '../points-ledger';
import { expectError } from './helpers';

const entry = (id: string, kind: PointsEntry['kind'], points: bigint, on: string): PointsEntry => ({ id, kind, points, on });

describe('participationRate', () => {
  it.each<[string[], string[], string | null]>([
    [['a', 'b', 'c', 'd'], ['a', 'c'], '50.00'],
    [['a', 'b', 'c', 'd'], ['a', 'c', 'x'], '50.00'], // x is not eligible
    [['a', 'b', 'c'], ['a'], '33.33'],
    [['a', 'b', 'c'], ['a', 'b'], '66.67'],
    [['a', 'b', 'c'], ['a', 'a', 'a'], '33.33'], // one earner, however many lines
    [['a', 'a', 'b'], ['a'], '50.00'], // duplicates in the eligible list count once
    [['a'], [], '0.00'],
    [['a'], ['a'], '100.00'],
    [[], [], null],
    [[], ['a'], null],
  ])('eligible %p, earners %p → %p', (eligible, earners, expected) => {
    expect(participationRate(eligible, earners)).toBe(expected);
  });
});

describe('costPerUnitMinor', () => {
  it.each<[bigint, bigint, bigint | null]>([
    [1_000_000n, 4n, 250_000n], // EUR 10,000 for 4 deals = 2,500 each
    [1_000_000n, 3n, 333_333n],
    [10n, 4n, 3n], // 2.5 → 3 (half up)
    [0n, 5n, 0n],
    [100n, 0n, null], // no gain: undefined
  ])('cost %p over %p units → %p', (cost, units, expected) => {
    expect(costPerUnitMinor(cost, units)).toBe(expected);
  });

  it('refuses negatives', () => {
    expectError(() => costPerUnitMinor(-1n, 1n), 'BAD_USER_INPUT');
    expectError(() => costPerUnitMinor(1n, -1n), 'BAD_USER_INPUT');
  });
});

describe('programRoi', () => {
  it.each<[bigint, bigint, string | null]>([
    [500_000n, 100_000n, '400.00'], // gain 5,000 on cost 1,000
    [100_000n, 100_000n, '0.00'],
    [0n, 100_000n, '-100.00'],
    [50_000n, 100_000n, '-50.00'],
    [100_005n, 100_000n, '0.01'], // 0.005 % half away from zero
    [99_995n, 100_000n, '-0.01'],
    [99_996n, 100_000n, '0.00'], // never '-0.00'
    [400_000n, 300_000n, '33.33'],
    [500_000n, 300_000n, '66.67'],
    [1_000_000n, 0n, null], // nothing spent
    [0n, 0n, null],
  ])('gain %p, cost %p → %p', (gain, cost, expected) => {
    expect(programRoi(gain, cost)).toBe(expected);
  });

  it('refuses a negative cost', () => {
    expectError(() => programRoi(1n, -1n), 'BAD_USER_INPUT');
  });

  it('property: within half a hundredth of (gain − cost) ÷ cost × 100', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.bigInt({ min: 1n, max: 10n ** 11n }), (gain, cost) => {
        const h = BigInt((programRoi(gain, cost) as string).replace('.', ''));
        const diff = 2n * cost * h - 20_000n * (gain - cost);
        expect((diff < 0n ? -diff : diff) <= cost).toBe(true);
      }),
    );
  });
});

describe('budgetUsedPercent', () => {
  it.each<[bigint, bigint, string | null]>([
    [625_000n, 1_000_000n, '62.50'],
    [1_000_000n, 1_000_000n, '100.00'],
    [1_200_000n, 1_000_000n, '120.00'],
    [0n, 1_000_000n, '0.00'],
    [5n, 0n, null],
  ])('%p of %p → %p', (accrued, budget, expected) => {
    expect(budgetUsedPercent(accrued, budget)).toBe(expected);
  });

  it('refuses negatives', () => {
    expectError(() => budgetUsedPercent(-1n, 1n), 'BAD_USER_INPUT');
  });
});

describe('redemptionSpeedDays', () => {
  it.each<[string, PointsEntry[], number | null]>([
    ['nothing redeemed', [entry('e', 'EARN', 10n, '2026-01-01')], null],
    ['an empty ledger', [], null],
    ['one redemption 10 days after the earn', [entry('e', 'EARN', 100n, '2026-01-01'), entry('r', 'REDEEM', -60n, '2026-01-11')], 10],
    [
      'the median point (160 redeemed: 60 after 10 days, 60 after 30, 40 after 61)',
      [entry('e1', 'EARN', 100n, '2026-01-01'), entry('r1', 'REDEEM', -60n, '2026-01-11'), entry('e2', 'EARN', 100n, '2026-02-01'), entry('r2', 'REDEEM', -100n, '2026-03-03')],
      30,
    ],
    ['two points, 1 and 3 days: the mean of the middle two', [entry('e', 'EARN', 2n, '2026-01-01'), entry('r1', 'REDEEM', -1n, '2026-01-02'), entry('r2', 'REDEEM', -1n, '2026-01-04')], 2],
    ['two points, 1 and 4 days: 2.5 rounds half up', [entry('e', 'EARN', 2n, '2026-01-01'), entry('r1', 'REDEEM', -1n, '2026-01-02'), entry('r2', 'REDEEM', -1n, '2026-01-05')], 3],
    ['expired points are not redemptions', [entry('e', 'EARN', 10n, '2024-01-01'), entry('x', 'EXPIRE', -10n, '2026-01-01')], null],
    ['a same-day redemption', [entry('e', 'EARN', 10n, '2026-01-01'), entry('r', 'REDEEM', -10n, '2026-01-01')], 0],
  ])('%s → %p', (_case, entries, expected) => {
    expect(redemptionSpeedDays(entries)).toBe(expected);
  });
});

describe('redemptionSpeedDaysOf', () => {
  const a = [entry('e', 'EARN', 10n, '2026-01-01'), entry('r', 'REDEEM', -10n, '2026-01-11')]; // 10 points after 10 days
  const b = [entry('e', 'EARN', 30n, '2026-01-01'), entry('r', 'REDEEM', -30n, '2026-01-31')]; // 30 points after 30 days
  it.each<[string, PointsEntry[][], number | null]>([
    ['no wallets', [], null],
    ['one wallet: as redemptionSpeedDays', [a], 10],
    ['two wallets: the median point is one of the 30 (40 points)', [a, b], 30],
    ['equal weights: the mean of the middle two', [a, [entry('e', 'EARN', 10n, '2026-01-01'), entry('r', 'REDEEM', -10n, '2026-01-21')]], 15],
    ['a wallet with nothing redeemed adds nothing', [a, [entry('e', 'EARN', 99n, '2026-01-01')]], 10],
  ])('%s → %p', (_case, ledgers, expected) => {
    expect(redemptionSpeedDaysOf(ledgers)).toBe(expected);
  });
});

describe('paymentDelayDays', () => {
  it.each<[number[], number | null, number | null]>([
    [[], null, null],
    [[7], 7, 7],
    [[3, 1, 2], 2, 3],
    [[1, 2, 3, 4], 3, 4], // median 2.5 half up; p90 rank ceil(3.6) = 4
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 6, 9], // 5.5 → 6; rank 9
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100], 0, 0], // one very late payment in 11: p90 rank 10
    [[10, 40], 25, 40],
  ])('%p → median %p, p90 %p', (days, median, p90) => {
    expect(paymentDelayDays(days)).toEqual({ median, p90, count: days.length });
  });

  it('refuses negative or fractional days', () => {
    expectError(() => paymentDelayDays([-1]), 'BAD_USER_INPUT');
    expectError(() => paymentDelayDays([1.5]), 'BAD_USER_INPUT');
  });

  it('property: median ≤ p90 ≤ max, and p90 has at least 90 % of the values at or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), (days) => {
        const { median, p90 } = paymentDelayDays(days);
        expect(median!).toBeLessThanOrEqual(p90!);
        expect(p90!).toBeLessThanOrEqual(Math.max(...days));
        expect(days.filter((d) => d <= p90!).length * 10).toBeGreaterThanOrEqual(days.length * 9);
      }),
    );
  });
});

describe('gainPerCost', () => {
  it.each<[bigint, bigint, string | null]>([
    [1_250_000n, 100_000n, '12.50'], // EUR 12,500 of won value for EUR 1,000 of incentive
    [100_000n, 100_000n, '1.00'],
    [0n, 100_000n, '0.00'],
    [100_000n, 300_000n, '0.33'],
    [200_000n, 300_000n, '0.67'],
    [5n, 0n, null],
  ])('gain %p, cost %p → %p', (gain, cost, expected) => {
    expect(gainPerCost(gain, cost)).toBe(expected);
  });

  it('refuses a negative cost', () => {
    expectError(() => gainPerCost(1n, -1n), 'BAD_USER_INPUT');
  });
});
