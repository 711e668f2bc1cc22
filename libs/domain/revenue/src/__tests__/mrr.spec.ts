import fc from 'fast-check';
import { percentFromUnits } from '@prm/domain/money';
import { BILLING_INTERVALS, type Discount, discountApplies, MAX_INTERVAL_MONTHS, monthlyRecurringMinor, SUBSCRIPTION_STATUSES, type SubscriptionTerms } from '../mrr';
import { amountOff, percentOff, referenceMrr, terms } from './builders';

const ON = '2024-06-15';
const expectMrr = (_name: string, overrides: Partial<SubscriptionTerms>, expected: bigint): void => {
  expect(monthlyRecurringMinor(terms(overrides), ON)).toBe(expected);
};

describe('monthlyRecurringMinor: normalising the interval', () => {
  it.each<[string, Partial<SubscriptionTerms>, bigint]>([
    ['monthly 1 × 50.00', { unitPriceMinor: 5_000n }, 5_000n],
    ['monthly 4 seats × 12.34', { quantity: 4, unitPriceMinor: 1_234n }, 4_936n],
    ['quarterly 299.99 → 99.9967', { unitPriceMinor: 29_999n, intervalMonths: BILLING_INTERVALS.QUARTERLY }, 10_000n],
    ['quarterly 100.01 → 33.3367', { unitPriceMinor: 10_001n, intervalMonths: 3 }, 3_334n],
    ['quarterly 100.00 → 33.3333', { unitPriceMinor: 10_000n, intervalMonths: 3 }, 3_333n],
    ['annual 1199.88 → 99.99', { unitPriceMinor: 119_988n, intervalMonths: BILLING_INTERVALS.ANNUAL }, 9_999n],
    ['annual 3 × 99.99 = 299.97 → 24.9975', { quantity: 3, unitPriceMinor: 9_999n, intervalMonths: 12 }, 2_500n],
    ['2-year 1000.00 → 41.6667', { unitPriceMinor: 100_000n, intervalMonths: 24 }, 4_167n],
    ['3-year 1000.00 → 27.7778', { unitPriceMinor: 100_000n, intervalMonths: 36 }, 2_778n],
    ['3-year 3600.00 → 100.00', { unitPriceMinor: 360_000n, intervalMonths: 36 }, 10_000n],
    ['10-year (the maximum) 1200.00 → 10.00', { unitPriceMinor: 120_000n, intervalMonths: MAX_INTERVAL_MONTHS }, 1_000n],
    ['7-month odd term 0.70 → 0.10', { unitPriceMinor: 70n, intervalMonths: 7 }, 10n],
    ['JPY annual ¥10,000 → ¥833.33', { unitPriceMinor: 10_000n, intervalMonths: 12, currency: 'JPY' }, 833n],
  ])('%s', expectMrr);
});

describe('monthlyRecurringMinor: rounds once, half away from zero', () => {
  it.each<[string, Partial<SubscriptionTerms>, bigint]>([
    ['0.06 a year = 0.005 a month → 0.01', { unitPriceMinor: 6n, intervalMonths: 12 }, 1n],
    ['0.18 a year = 0.015 → 0.02', { unitPriceMinor: 18n, intervalMonths: 12 }, 2n],
    ['0.30 a year = 0.025 → 0.03 (not the even 0.02)', { unitPriceMinor: 30n, intervalMonths: 12 }, 3n],
    ['0.05 a year = 0.00417 → 0.00', { unitPriceMinor: 5n, intervalMonths: 12 }, 0n],
    ['0.54 per 3 years = 0.015 → 0.02', { unitPriceMinor: 54n, intervalMonths: 36 }, 2n],
    ['0.12 per 24 months = 0.005 → 0.01', { unitPriceMinor: 12n, intervalMonths: 24 }, 1n],
    // The doc example: 3 × 99.99 per year at 15 % off = 29997 × 0.85 ÷ 12 = 2124.7875.
    ['3 × 99.99 yearly, 15 % off → 21.25', { quantity: 3, unitPriceMinor: 9_999n, intervalMonths: 12, discount: percentOff('15') }, 2_125n],
    // Rounding the undiscounted MRR first would give round(333.33) × 0.875 = 291.375 → 291.
    ['10.00 quarterly, 12.5 % off = 2.916667 → 2.92', { unitPriceMinor: 1_000n, intervalMonths: 3, discount: percentOff('12.5') }, 292n],
    // Rounding the parts separately would give round(83.5) − round(0.25) = 84.
    ['10.02 yearly, 0.03 off = 0.8325 → 0.83', { unitPriceMinor: 1_002n, intervalMonths: 12, discount: amountOff(3n) }, 83n],
  ])('%s', expectMrr);
});

describe('monthlyRecurringMinor: only ACTIVE paid subscriptions count', () => {
  it.each<[string, Partial<SubscriptionTerms>, bigint]>([
    ['ACTIVE', { status: 'ACTIVE' }, 10_000n],
    ['TRIAL', { status: 'TRIAL' }, 0n],
    ['PAUSED', { status: 'PAUSED' }, 0n],
    ['CANCELLED', { status: 'CANCELLED' }, 0n],
    ['TRIAL annual', { status: 'TRIAL', intervalMonths: 12, unitPriceMinor: 120_000n }, 0n],
    ['free plan (price 0)', { unitPriceMinor: 0n }, 0n],
    ['free plan, many seats', { unitPriceMinor: 0n, quantity: 50 }, 0n],
    ['no seats', { quantity: 0 }, 0n],
    ['free plan with an amount discount', { unitPriceMinor: 0n, discount: amountOff(500n) }, 0n],
  ])('%s', expectMrr);

  it('lists exactly the four statuses', () => {
    expect(SUBSCRIPTION_STATUSES).toEqual(['TRIAL', 'ACTIVE', 'PAUSED', 'CANCELLED']);
  });
});

describe('monthlyRecurringMinor: discounts', () => {
  it.each<[string, Partial<SubscriptionTerms>, bigint]>([
    ['20 % off 100.00 monthly', { discount: percentOff('20') }, 8_000n],
    ['0 % off', { discount: percentOff('0') }, 10_000n],
    ['100 % off', { discount: percentOff('100') }, 0n],
    ['12.5 % off 9.99 → 8.74125', { unitPriceMinor: 999n, discount: percentOff('12.5') }, 874n],
    ['33.3333 % off 100.00 yearly → 5.555558', { intervalMonths: 12, discount: percentOff('33.3333') }, 556n],
    ['0.0001 % off 1,000,000.00 → 999,999.00', { unitPriceMinor: 100_000_000n, discount: percentOff('0.0001') }, 99_999_900n],
    ['25.00 off 100.00 monthly', { discount: amountOff(2_500n) }, 7_500n],
    ['25.00 off each annual invoice of 1200.00 → 97.9167', { intervalMonths: 12, unitPriceMinor: 120_000n, discount: amountOff(2_500n) }, 9_792n],
    ['amount off is per invoice, not per seat: 3 × 10.00 − 5.00', { quantity: 3, unitPriceMinor: 1_000n, discount: amountOff(500n) }, 2_500n],
    ['amount equal to the charge', { discount: amountOff(10_000n) }, 0n],
    ['amount above the charge is capped (never negative)', { discount: amountOff(15_000n) }, 0n],
    ['amount of 0', { discount: amountOff(0n) }, 10_000n],
  ])('%s', expectMrr);

  // discountEndsOn is the first day without the discount.
  it.each<[string | null, string, bigint]>([
    [null, '2030-01-01', 8_000n],
    ['2024-07-01', '2024-06-30', 8_000n],
    ['2024-07-01', '2024-07-01', 10_000n],
    ['2024-07-01', '2024-07-02', 10_000n],
    ['2024-07-01', '2023-01-01', 8_000n],
  ])('20 %% off ending %p, on %s → %p', (endsOn, date, expected) => {
    const t = terms({ discount: percentOff('20'), discountEndsOn: endsOn });
    expect(monthlyRecurringMinor(t, date)).toBe(expected);
    expect(discountApplies(t, date)).toBe(expected === 8_000n);
  });

  it('an end date without a discount changes nothing', () => {
    const t = terms({ discountEndsOn: '2024-07-01' });
    expect(discountApplies(t, '2024-06-30')).toBe(false);
    expect(monthlyRecurringMinor(t, '2024-06-30')).toBe(10_000n);
  });

  it('a PAUSED subscription with a discount is still 0', () => {
    expect(monthlyRecurringMinor(terms({ status: 'PAUSED', discount: percentOff('50') }), ON)).toBe(0n);
  });
});

describe('monthlyRecurringMinor properties', () => {
  const discount: fc.Arbitrary<Discount | null> = fc.oneof(
    fc.constant(null),
    fc.bigInt({ min: 0n, max: 1_000_000n }).map((u): Discount => ({ kind: 'PERCENT', percent: percentFromUnits(u) })),
    fc.bigInt({ min: 0n, max: 10n ** 9n }).map(amountOff),
  );
  const anyTerms = fc.record<SubscriptionTerms>({
    status: fc.constantFrom(...SUBSCRIPTION_STATUSES),
    quantity: fc.integer({ min: 0, max: 10_000 }),
    unitPriceMinor: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    intervalMonths: fc.integer({ min: 1, max: MAX_INTERVAL_MONTHS }),
    currency: fc.constantFrom('EUR', 'USD', 'JPY', 'KWD'),
    discount,
    discountEndsOn: fc.option(fc.constantFrom('2024-01-01', '2024-06-15', '2024-06-16', '2025-01-01'), { nil: null }),
  });

  it('matches the rule written out with exact fractions', () => {
    fc.assert(
      fc.property(anyTerms, (t) => {
        expect(monthlyRecurringMinor(t, ON)).toBe(referenceMrr(t, ON));
      }),
    );
  });

  it('is never negative and never above the undiscounted charge per month', () => {
    fc.assert(
      fc.property(anyTerms, (t) => {
        const mrr = monthlyRecurringMinor(t, ON);
        const undiscounted = monthlyRecurringMinor({ ...t, discount: null }, ON);
        expect(mrr >= 0n).toBe(true);
        expect(mrr <= undiscounted).toBe(true);
        if (t.status !== 'ACTIVE') expect(mrr).toBe(0n);
      }),
    );
  });

  it('× interval months is within half an interval of the net charge', () => {
    fc.assert(
      fc.property(anyTerms.filter((t) => t.status === 'ACTIVE' && t.discount === null), (t) => {
        const months = BigInt(t.intervalMonths);
        const diff = monthlyRecurringMinor(t, ON) * months * 2n - BigInt(t.quantity) * t.unitPriceMinor * 2n;
        expect((diff < 0n ? -diff : diff) <= months).toBe(true);
      }),
    );
  });
});
