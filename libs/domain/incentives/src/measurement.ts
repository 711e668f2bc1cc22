import { DomainError } from '@prm/domain/common';
import { ratePercent } from '@prm/domain/deals';
import { divRound } from '@prm/domain/money';
import { ratioPercent } from '@prm/domain/revenue';
import { type PointsEntry, redemptionAges } from './points-ledger';

/**
 * Eligible beneficiaries who earned anything ÷ eligible × 100, 2 decimals half up; earners who are
 * not eligible do not count; null without eligible beneficiaries.
 */
export function participationRate(eligibleIds: readonly string[], earnerIds: readonly string[]): string | null {
  const eligible = new Set(eligibleIds);
  const earners = new Set(earnerIds.filter((id) => eligible.has(id)));
  return ratePercent(earners.size, eligible.size);
}

/** Incentive cost per unit of gain (e.g. per qualifying deal), rounded half up to the minor unit; null without gain. */
export function costPerUnitMinor(costMinor: bigint, gainUnits: bigint): bigint | null {
  if (costMinor < 0n || gainUnits < 0n) throw new DomainError('BAD_USER_INPUT', 'Cost and gain must not be negative.');
  return gainUnits === 0n ? null : divRound(costMinor, gainUnits, 'HALF_UP');
}

/** (gain − cost) ÷ cost × 100, 2 decimals half away from zero ('-12.50' for a loss); null when nothing was spent. */
export function programRoi(gainMinor: bigint, costMinor: bigint): string | null {
  if (costMinor < 0n) throw new DomainError('BAD_USER_INPUT', 'The cost must not be negative.');
  return ratioPercent(gainMinor - costMinor, costMinor);
}

/** Accrued ÷ budget × 100, 2 decimals half up; null without a budget. */
export function budgetUsedPercent(accruedMinor: bigint, budgetMinor: bigint): string | null {
  if (accruedMinor < 0n || budgetMinor < 0n) throw new DomainError('BAD_USER_INPUT', 'Amounts must not be negative.');
  return ratePercent(accruedMinor, budgetMinor);
}

/**
 * Median days from earning a point to redeeming it, over every redeemed point (FIFO, so a redemption of
 * 1,000 points weighs 1,000 times one of a single point); for an even count the mean of the middle two,
 * rounded half up. Null when nothing was redeemed.
 */
export function redemptionSpeedDays(entries: readonly PointsEntry[]): number | null {
  return redemptionSpeedDaysOf([entries]);
}

/**
 * Median days from earning to redeeming over several wallets at once: each ledger is replayed on its
 * own (FIFO within a wallet), then every redeemed point of every wallet counts once (as in
 * `redemptionSpeedDays`). Null when nothing was redeemed.
 */
export function redemptionSpeedDaysOf(ledgers: readonly (readonly PointsEntry[])[]): number | null {
  return medianOfWeighted(ledgers.flatMap((entries) => redemptionAges(entries)).map((a) => ({ value: a.days, weight: a.points })));
}

/** The weighted median of whole numbers (each value counted `weight` times); for an even total the mean of the middle two, half up. */
function medianOfWeighted(items: readonly { value: number; weight: bigint }[]): number | null {
  const sorted = [...items].filter((i) => i.weight > 0n).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, i) => sum + i.weight, 0n);
  if (total === 0n) return null;
  const at = (rank: bigint): number => {
    let seen = 0n;
    for (const item of sorted) {
      seen += item.weight;
      if (seen >= rank) return item.value;
    }
    throw new RangeError('rank beyond the total weight');
  };
  if (total % 2n === 1n) return at((total + 1n) / 2n);
  return Number(divRound(BigInt(at(total / 2n) + at(total / 2n + 1n)), 2n, 'HALF_UP'));
}

/**
 * Payment delay of a plan: the median (mean of the middle two for an even count, half up) and the
 * 90th percentile (nearest rank: the smallest value with at least 90 % of the values at or below it)
 * of whole days from period end to payment. Nulls without paid statements; negative days are refused.
 */
export function paymentDelayDays(days: readonly number[]): { median: number | null; p90: number | null; count: number } {
  if (days.some((d) => !Number.isInteger(d) || d < 0)) throw new DomainError('BAD_USER_INPUT', 'Days must be whole numbers, not negative.');
  if (days.length === 0) return { median: null, p90: null, count: 0 };
  const sorted = [...days].sort((a, b) => a - b);
  const rank = Math.ceil((sorted.length * 90) / 100);
  return { median: medianOfWeighted(sorted.map((value) => ({ value, weight: 1n }))), p90: sorted[rank - 1]!, count: sorted.length };
}

/** Gain per unit of currency spent (e.g. '12.50': EUR 12.50 of won value per EUR 1 of incentive), 2 decimals half away from zero; null when nothing was spent. */
export function gainPerCost(gainMinor: bigint, costMinor: bigint): string | null {
  if (costMinor < 0n) throw new DomainError('BAD_USER_INPUT', 'The cost must not be negative.');
  // ratioPercent(a, b) is a ÷ b × 100 to 2 decimals, so a ÷ (b × 100) × 100 is gain ÷ cost to 2 decimals.
  return ratioPercent(gainMinor, costMinor * 100n);
}
