import { applyPercent, type Percent } from '@prm/domain/money';

function nonNegative(amountMinor: bigint, what: string): bigint {
  if (amountMinor < 0n) throw new RangeError(`${what} must not be negative`);
  return amountMinor;
}

/**
 * The most a request may ask for: the tier's co-funding share of the planned cost, rounded DOWN to
 * the minor unit so the cap itself never exceeds the exact share (docs/money.md: DOWN for caps).
 */
export function coFundingCapMinor(plannedCostMinor: bigint, cofundingPct: Percent): bigint {
  return applyPercent(nonNegative(plannedCostMinor, 'the planned cost'), cofundingPct, 'DOWN');
}

/**
 * The most a claim may ask for: the approved request amount, and never more than the co-funding
 * share of what the activity really cost (rounded DOWN, like the request cap).
 */
export function claimCapMinor(actualCostMinor: bigint, approvedRequestMinor: bigint, cofundingPct: Percent): bigint {
  const share = applyPercent(nonNegative(actualCostMinor, 'the actual cost'), cofundingPct, 'DOWN');
  const approved = nonNegative(approvedRequestMinor, 'the approved request amount');
  return share < approved ? share : approved;
}
