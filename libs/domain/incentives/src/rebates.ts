import { DomainError } from '@prm/domain/common';
import { applyPercent, divRound, formatFixed, type Percent } from '@prm/domain/money';
import { type AmountTier, assertValidTiers, tierIndexReached } from './tiers';

export const REBATE_MODES = ['RETROACTIVE', 'INCREMENTAL'] as const;
export type RebateMode = (typeof REBATE_MODES)[number];

/** One band of a rebate: base × rate = amount, rounded once, so the statement explains every cent. */
export interface RebateLine {
  tierIndex: number;
  fromMinor: bigint;
  toMinor: bigint | null;
  baseMinor: bigint;
  ratePct: Percent;
  amountMinor: bigint;
}

export interface RebateResult {
  mode: RebateMode;
  volumeMinor: bigint;
  lines: RebateLine[];
  /** Always the sum of the rounded lines. */
  totalMinor: bigint;
}

/** "Back to dollar one": the rate of the highest tier reached applies to the whole volume, one line. */
export function rebateRetroactive(volumeMinor: bigint, tiers: readonly AmountTier[]): RebateResult {
  checkInputs(volumeMinor, tiers);
  const index = tierIndexReached(volumeMinor, tiers.map((tier) => tier.fromMinor));
  const tier = tiers[index];
  if (tier === undefined || volumeMinor === 0n) return result('RETROACTIVE', volumeMinor, []);
  return result('RETROACTIVE', volumeMinor, [
    { tierIndex: index, fromMinor: tier.fromMinor, toMinor: tier.toMinor, baseMinor: volumeMinor, ratePct: tier.ratePct, amountMinor: applyPercent(volumeMinor, tier.ratePct) },
  ]);
}

/** Each tier's rate on the volume inside its band only: one line per band the volume reaches, each rounded once. */
export function rebateIncremental(volumeMinor: bigint, tiers: readonly AmountTier[]): RebateResult {
  checkInputs(volumeMinor, tiers);
  const lines: RebateLine[] = [];
  tiers.forEach((tier, tierIndex) => {
    const top = tier.toMinor === null || tier.toMinor > volumeMinor ? volumeMinor : tier.toMinor;
    const baseMinor = top - tier.fromMinor;
    if (baseMinor <= 0n) return;
    lines.push({ tierIndex, fromMinor: tier.fromMinor, toMinor: tier.toMinor, baseMinor, ratePct: tier.ratePct, amountMinor: applyPercent(baseMinor, tier.ratePct) });
  });
  return result('INCREMENTAL', volumeMinor, lines);
}

export function rebate(mode: RebateMode, volumeMinor: bigint, tiers: readonly AmountTier[]): RebateResult {
  if (mode === 'RETROACTIVE') return rebateRetroactive(volumeMinor, tiers);
  if (mode === 'INCREMENTAL') return rebateIncremental(volumeMinor, tiers);
  throw new DomainError('BAD_USER_INPUT', `Unknown rebate mode "${String(mode)}".`);
}

export interface TierProgress {
  /** The highest tier reached, or null below the first threshold. */
  tierIndex: number | null;
  /** The next tier up, or null in the top tier. */
  nextTierIndex: number | null;
  nextThresholdMinor: bigint | null;
  missingMinor: bigint | null;
  /** volume ÷ next threshold × 100, 2 decimals rounded DOWN so it shows 100.00 only once reached. */
  percentOfNext: string | null;
}

/** What the partner sees during the period: how far it is to the next threshold. */
export function progressToNextTier(volumeMinor: bigint, tiers: readonly AmountTier[]): TierProgress {
  checkInputs(volumeMinor, tiers);
  const reached = tierIndexReached(volumeMinor, tiers.map((tier) => tier.fromMinor));
  const nextIndex = reached + 1;
  const next = tiers[nextIndex];
  const tierIndex = reached < 0 ? null : reached;
  if (next === undefined) return { tierIndex, nextTierIndex: null, nextThresholdMinor: null, missingMinor: null, percentOfNext: null };
  return {
    tierIndex,
    nextTierIndex: nextIndex,
    nextThresholdMinor: next.fromMinor,
    missingMinor: next.fromMinor - volumeMinor,
    // next.fromMinor > volume ≥ 0, so the divisor is positive.
    percentOfNext: formatFixed(divRound(volumeMinor * 10_000n, next.fromMinor, 'DOWN'), 2),
  };
}

function checkInputs(volumeMinor: bigint, tiers: readonly AmountTier[]): void {
  if (typeof volumeMinor !== 'bigint' || volumeMinor < 0n) throw new DomainError('BAD_USER_INPUT', 'The rebate volume must not be negative.');
  // Gaps are a plan-level choice; a table with gaps simply pays nothing inside them.
  assertValidTiers(tiers, { allowGaps: true });
}

function result(mode: RebateMode, volumeMinor: bigint, lines: RebateLine[]): RebateResult {
  return { mode, volumeMinor, lines, totalMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0n) };
}
