import { ratePercent } from '@prm/domain/deals';
import { divRound, formatFixed, minorUnitDigits } from '@prm/domain/money';
import { ratioPercent } from '@prm/domain/revenue';

/** MDF spent = approved (not yet paid) + paid claims. */
export function spentMinor(approvedMinor: bigint, paidMinor: bigint): bigint {
  return approvedMinor + paidMinor;
}

/** spent ÷ budget × 100, 2 decimals half up ('62.50'); null for a zero budget (undefined, not 0 %). */
export function utilisationPercent(spentMinor: bigint, budgetMinor: bigint): string | null {
  return ratePercent(spentMinor, budgetMinor);
}

/** (influenced revenue − spend) ÷ spend × 100, 2 decimals half away from zero; negative for a loss; null without spend. */
export function roiPercent(influencedMinor: bigint, spendMinor: bigint): string | null {
  return ratioPercent(influencedMinor - spendMinor, spendMinor);
}

// numerator ÷ denominator with 2 decimals, half away from zero; null when nothing was spent.
function perSpend(numerator: bigint, spendMinor: bigint): string | null {
  if (spendMinor === 0n) return null;
  if (spendMinor < 0n) throw new RangeError('the spend must not be negative');
  return formatFixed(divRound(numerator * 100n, spendMinor, 'HALF_UP'), 2);
}

/** Leads (or any count) per 1,000 units of the currency spent ('12.50' leads per €1,000); null without spend. */
export function perThousand(count: bigint, spendMinor: bigint, currency: string): string | null {
  if (count < 0n) throw new RangeError('the count must not be negative');
  return perSpend(count * 1_000n * 10n ** BigInt(minorUnitDigits(currency)), spendMinor);
}

/** Pipeline per unit of MDF spent, both in the same currency ('7.25' = €7.25 per €1); null without spend. */
export function pipelinePerUnit(pipelineMinor: bigint, spendMinor: bigint): string | null {
  return perSpend(pipelineMinor, spendMinor);
}

/** Median of whole seconds; for an even count the mean of the middle two, rounded half up. Null when empty. */
export function medianSeconds(values: readonly (number | bigint)[]): bigint | null {
  if (values.length === 0) return null;
  const sorted = values
    .map((value) => {
      if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`not a whole number of seconds: ${value}`);
      return BigInt(value);
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as bigint;
  if (sorted.length % 2 === 1) return upper;
  return divRound((sorted[middle - 1] as bigint) + upper, 2n, 'HALF_UP');
}
