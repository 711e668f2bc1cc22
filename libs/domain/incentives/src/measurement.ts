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
  const ages = redemptionAges(entries).sort((a, b) => a.days - b.days);
  const total = ages.reduce((sum, age) => sum + age.points, 0n);
  if (total === 0n) return null;
  const at = (rank: bigint): number => {
    // rank is 1-based over all redeemed points in age order.
    let seen = 0n;
    for (const age of ages) {
      seen += age.points;
      if (seen >= rank) return age.days;
    }
    throw new RangeError('rank beyond the redeemed points');
  };
  if (total % 2n === 1n) return at((total + 1n) / 2n);
  return Number(divRound(BigInt(at(total / 2n) + at(total / 2n + 1n)), 2n, 'HALF_UP'));
}
