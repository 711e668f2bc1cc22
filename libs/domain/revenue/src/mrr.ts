import { divRound, type Percent, PERCENT_UNITS_PER_HUNDRED } from '@prm/domain/money';
import type { IsoDate } from './dates';

export const SUBSCRIPTION_STATUSES = ['TRIAL', 'ACTIVE', 'PAUSED', 'CANCELLED'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Common intervals; any whole number of months from 1 to 120 is accepted (multi-year terms). */
export const BILLING_INTERVALS = { MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12 } as const;
export const MAX_INTERVAL_MONTHS = 120;

export type Discount =
  | { kind: 'PERCENT'; percent: Percent }
  /** Off each invoice (one billing interval), in the subscription's minor units. */
  | { kind: 'AMOUNT'; amountMinor: bigint };

/** What a subscription charges from an effective date until its next event. */
export interface SubscriptionTerms {
  status: SubscriptionStatus;
  quantity: number;
  /** Price of one unit for one billing interval, before discount and without tax, in minor units. */
  unitPriceMinor: bigint;
  intervalMonths: number;
  currency: string;
  discount: Discount | null;
  /** First day on which the discount no longer applies; null = open-ended. */
  discountEndsOn: IsoDate | null;
}

/** Whether the discount reduces the charge on `date`. */
export function discountApplies(terms: SubscriptionTerms, date: IsoDate): boolean {
  return terms.discount !== null && (terms.discountEndsOn === null || date < terms.discountEndsOn);
}

/**
 * Monthly recurring revenue of one subscription on `date`, in its currency's minor units.
 *
 * Only ACTIVE subscriptions count (trials, paused and cancelled are 0). The charge per interval is
 * quantity × unit price minus the discount (a percentage of it, or a fixed amount capped at it); MRR is
 * that charge ÷ the interval's months, **rounded once, half away from zero, to the minor unit**.
 * Percentage discounts enter the same single division, so 3 × 99.99 per year at 15 % off is
 * round(29997 × 0.85 ÷ 12) = 2125 (21.25), not a sum of separately rounded parts.
 */
export function monthlyRecurringMinor(terms: SubscriptionTerms, date: IsoDate): bigint {
  if (terms.status !== 'ACTIVE') return 0n;
  const gross = BigInt(terms.quantity) * terms.unitPriceMinor;
  if (gross <= 0n) return 0n;
  const months = BigInt(terms.intervalMonths);
  if (!discountApplies(terms, date) || terms.discount === null) return divRound(gross, months, 'HALF_UP');
  if (terms.discount.kind === 'AMOUNT') {
    const net = gross - (terms.discount.amountMinor < gross ? terms.discount.amountMinor : gross);
    return divRound(net, months, 'HALF_UP');
  }
  const keep = PERCENT_UNITS_PER_HUNDRED - BigInt(terms.discount.percent);
  return divRound(gross * keep, PERCENT_UNITS_PER_HUNDRED * months, 'HALF_UP');
}
