import { applyPercent, type Percent } from '@prm/domain/money';

/**
 * An ACCRUAL fund's budget: the tier's accrual rate × the partner's recognised revenue in the
 * reference period, rounded once half up (docs/money.md). Net negative revenue (refunds outweigh
 * sales) accrues nothing rather than a negative budget.
 */
export function accrualBudgetMinor(revenueMinor: bigint, accrualRate: Percent): bigint {
  if (revenueMinor <= 0n) return 0n;
  return applyPercent(revenueMinor, accrualRate, 'HALF_UP');
}
