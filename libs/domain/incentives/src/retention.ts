import { DomainError } from '@prm/domain/common';
import { applyPercent, compareDecimal, isDecimalString, type Percent } from '@prm/domain/money';
import { isEarlyRenewal, type IsoDate } from '@prm/domain/revenue';
import { type Reward, rewardFor } from './reward';

export interface RetentionLine {
  rule: 'NRR' | 'EXPANSION' | 'EARLY_RENEWAL';
  /** The movement or renewal behind the line; the partner's cohort for NRR. */
  sourceId: string;
  baseMinor: bigint | null;
  ratePct: Percent | null;
  amountMinor: bigint;
}

export interface NrrRewardInput {
  /** Trailing-12-month NRR as a decimal percentage ('104.50', from ratioPercent); null without a cohort. */
  nrrPct: string | null;
  /** Inclusive: an NRR equal to the threshold earns the reward. */
  thresholdPct: string;
  /** The cohort's MRR a PERCENT reward applies to (its MRR now). */
  cohortMrrMinor: bigint;
  reward: Reward;
  cohortId: string;
}

/** The NRR reward line, or null when NRR is below the threshold or undefined (no cohort). */
export function nrrReward(input: NrrRewardInput): RetentionLine | null {
  if (!isDecimalString(input.thresholdPct, { allowNegative: false })) throw new DomainError('BAD_USER_INPUT', 'The NRR threshold must be a decimal percentage.');
  if (input.nrrPct === null) return null;
  if (!isDecimalString(input.nrrPct)) throw new DomainError('BAD_USER_INPUT', 'The NRR must be a decimal percentage.');
  if (input.cohortMrrMinor < 0n) throw new DomainError('BAD_USER_INPUT', 'The cohort MRR must not be negative.');
  if (compareDecimal(input.nrrPct, input.thresholdPct) < 0) return null;
  return { rule: 'NRR', sourceId: input.cohortId, ...rewardFor(input.reward, input.cohortMrrMinor) };
}

export interface ExpansionMovement {
  id: string;
  /** The MRR added by the expansion, positive. */
  amountMinor: bigint;
}

/** Expansion MRR × rate, one line per movement so each is traceable and rounded once. */
export function expansionRewards(movements: readonly ExpansionMovement[], ratePct: Percent): RetentionLine[] {
  return movements.map((movement) => {
    if (movement.amountMinor < 0n) throw new DomainError('BAD_USER_INPUT', `Movement ${movement.id} is not an expansion.`);
    return { rule: 'EXPANSION', sourceId: movement.id, baseMinor: movement.amountMinor, ratePct, amountMinor: applyPercent(movement.amountMinor, ratePct) };
  });
}

export interface Renewal {
  id: string;
  recordedOn: IsoDate;
  termEndsOn: IsoDate;
  /** The renewed value a PERCENT reward applies to (e.g. the renewed ARR). */
  valueMinor: bigint;
}

/** A line per renewal recorded 90 days or more before its term ends (the revenue ledger's early-renewal rule). */
export function earlyRenewalRewards(renewals: readonly Renewal[], reward: Reward): RetentionLine[] {
  return renewals
    .filter((renewal) => {
      if (renewal.valueMinor < 0n) throw new DomainError('BAD_USER_INPUT', `Renewal ${renewal.id} has a negative value.`);
      return isEarlyRenewal(renewal.recordedOn, renewal.termEndsOn);
    })
    .map((renewal) => ({ rule: 'EARLY_RENEWAL' as const, sourceId: renewal.id, ...rewardFor(reward, renewal.valueMinor) }));
}
