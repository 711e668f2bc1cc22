import { type FieldErrorCollector } from '@prm/domain/common';
import { applyPercent, PERCENT_UNITS_PER_HUNDRED, type Percent } from '@prm/domain/money';

/** What one qualifying fact pays: a fixed amount, or a percentage of the fact's value. */
export type Reward = { kind: 'FIXED'; amountMinor: bigint } | { kind: 'PERCENT'; ratePct: Percent };

/** One computed amount with what it came from, so a statement line can show base × rate = amount. */
export interface RewardAmount {
  /** The value the rate applied to; null for a fixed amount. */
  baseMinor: bigint | null;
  ratePct: Percent | null;
  amountMinor: bigint;
}

/** The reward for one fact of value `baseMinor`, rounded once (half away from zero) when it is a percentage. */
export function rewardFor(reward: Reward, baseMinor: bigint): RewardAmount {
  if (reward.kind === 'FIXED') return { baseMinor: null, ratePct: null, amountMinor: reward.amountMinor };
  return { baseMinor, ratePct: reward.ratePct, amountMinor: applyPercent(baseMinor, reward.ratePct) };
}

/** True for a rate inside 0..100 %; a raw bigint cast to Percent can hold anything. */
export function isPercentInRange(ratePct: bigint): boolean {
  return typeof ratePct === 'bigint' && ratePct >= 0n && ratePct <= PERCENT_UNITS_PER_HUNDRED;
}

/** Adds the problems of a reward to `errors` under `field` (`field.amountMinor`, `field.ratePct`). */
export function collectRewardErrors(reward: Reward, field: string, errors: FieldErrorCollector): void {
  if (reward.kind === 'FIXED') {
    if (typeof reward.amountMinor !== 'bigint' || reward.amountMinor < 0n) errors.add(`${field}.amountMinor`, 'The amount must not be negative.');
  } else if (reward.kind === 'PERCENT') {
    if (!isPercentInRange(reward.ratePct)) errors.add(`${field}.ratePct`, 'The rate must be between 0 and 100 %.');
  } else {
    errors.add(`${field}.kind`, 'The reward must be FIXED or PERCENT.');
  }
}
