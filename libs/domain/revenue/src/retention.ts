import { divRound } from '@prm/domain/money';
import type { MovementTotals } from './customer-months';

/**
 * `numerator ÷ denominator × 100` with two decimals, rounded half away from zero ("104.17", "-3.50");
 * null when the denominator is 0 — the ratio is undefined, and the portal says so instead of
 * printing 0 %, 100 % or infinity.
 */
export function ratioPercent(numerator: bigint, denominator: bigint): string | null {
  if (denominator === 0n) return null;
  if (denominator < 0n) throw new RangeError('the denominator must not be negative');
  const hundredths = divRound(numerator * 10_000n, denominator, 'HALF_UP');
  const sign = hundredths < 0n ? '-' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A customer's MRR at the start of the window (12 months ago) and now, in one currency. */
export interface CohortMember {
  startMinor: bigint;
  currentMinor: bigint;
}

export interface Retention {
  /** MRR 12 months ago of the customers paying then. */
  startMinor: bigint;
  /** Their MRR now (0 for those who left). */
  currentMinor: bigint;
  /** Their MRR now, each capped at its earlier MRR. */
  retainedMinor: bigint;
  nrr: string | null;
  grr: string | null;
}

/**
 * Net and gross revenue retention of a cohort: NRR = Σ current ÷ Σ start; GRR = Σ min(current, start)
 * ÷ Σ start. Customers not paying at the start are not in the cohort (a new customer never lifts NRR).
 * Hence GRR ≤ 100 % and NRR ≥ GRR always.
 */
export function retention(cohort: readonly CohortMember[]): Retention {
  let startMinor = 0n;
  let currentMinor = 0n;
  let retainedMinor = 0n;
  for (const member of cohort) {
    if (member.startMinor <= 0n) continue;
    startMinor += member.startMinor;
    currentMinor += member.currentMinor;
    retainedMinor += member.currentMinor < member.startMinor ? member.currentMinor : member.startMinor;
  }
  return retentionFromSums(startMinor, currentMinor, retainedMinor);
}

export function retentionFromSums(startMinor: bigint, currentMinor: bigint, retainedMinor: bigint): Retention {
  return { startMinor, currentMinor, retainedMinor, nrr: ratioPercent(currentMinor, startMinor), grr: ratioPercent(retainedMinor, startMinor) };
}

/** Customer (logo) churn rate: customers lost in the period ÷ customers paying at its start. */
export function logoChurnRate(churnedCustomers: number, customersAtStart: number): string | null {
  return ratioPercent(BigInt(churnedCustomers), BigInt(customersAtStart));
}

/** Gross MRR churn = (churn + contraction) ÷ MRR at start, as a positive percentage. */
export function grossMrrChurn(totals: Pick<MovementTotals, 'CHURN' | 'CONTRACTION'>, openingMinor: bigint): string | null {
  return ratioPercent(-(totals.CHURN + totals.CONTRACTION), openingMinor);
}

/** Net MRR churn = (churn + contraction − expansion − reactivation) ÷ MRR at start; negative when growth outweighs losses. */
export function netMrrChurn(totals: Pick<MovementTotals, 'CHURN' | 'CONTRACTION' | 'EXPANSION' | 'REACTIVATION'>, openingMinor: bigint): string | null {
  return ratioPercent(-(totals.CHURN + totals.CONTRACTION) - totals.EXPANSION - totals.REACTIVATION, openingMinor);
}

/** ARR = MRR × 12, exactly. */
export const arrMinor = (mrrMinor: bigint): bigint => mrrMinor * 12n;

/** Average revenue per account = MRR ÷ paying customers, rounded half up; null without customers. */
export function arpaMinor(mrrMinor: bigint, payingCustomers: number): bigint | null {
  return payingCustomers === 0 ? null : divRound(mrrMinor, BigInt(payingCustomers), 'HALF_UP');
}

export type Ltv = { defined: true; ltvMinor: bigint } | { defined: false; reason: string };

/**
 * Lifetime value = ARPA ÷ monthly customer churn rate, where the monthly rate is the churned
 * customers over the customer-months at risk (Σ churned ÷ Σ customers at each month's start) — so
 * LTV = ARPA × customer-months ÷ churned, rounded half up. Undefined without churn or without customers.
 */
export function lifetimeValue(arpa: bigint | null, churnedCustomers: number, customerMonthsAtRisk: number): Ltv {
  if (arpa === null || customerMonthsAtRisk === 0) return { defined: false, reason: 'No paying customers in the window.' };
  if (churnedCustomers === 0) return { defined: false, reason: 'No customer churned in the window, so lifetime value is unbounded.' };
  return { defined: true, ltvMinor: divRound(arpa * BigInt(customerMonthsAtRisk), BigInt(churnedCustomers), 'HALF_UP') };
}
