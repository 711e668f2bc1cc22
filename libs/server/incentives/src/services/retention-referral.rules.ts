import { DomainError, type FieldErrorCollector } from '@prm/domain/common';
import { isPercentInRange } from '@prm/domain/incentives';
import { formatPercent, isDecimalString, parseMoney } from '@prm/domain/money';
import { percentUnits, type ReferralRules, type RetentionRules, type StoredReward } from './incentives.types';

export interface RetentionRulesData {
  nrrThreshold?: string | null;
  nrrReward?: string | null;
  nrrRewardRate?: string | null;
  expansionRate?: string | null;
  earlyRenewalReward?: string | null;
  clawbackDays?: number | null;
}

export interface ReferralRulesData {
  rate: string;
  months?: number | null;
  lifetime?: boolean | null;
  clawbackDays?: number | null;
}

const MAX_CLAWBACK_DAYS = 3650;
const MAX_REFERRAL_MONTHS = 600;

function rate(text: string, field: string, errors: FieldErrorCollector): string | null {
  if (!isDecimalString(text, { allowNegative: false, maxFractionDigits: 4 }) || !isPercentInRange(percentUnits(text))) {
    errors.add(field, 'The rate must be between 0 and 100 %.');
    return null;
  }
  return formatPercent(percentUnits(text));
}

function amount(text: string, currency: string, field: string, errors: FieldErrorCollector): string | null {
  try {
    const minor = parseMoney(text, currency, field).amountMinor;
    if (minor < 0n) {
      errors.add(field, 'The amount must not be negative.');
      return null;
    }
    return minor.toString();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    errors.add(field, err.fields?.[field]?.[0] ?? err.message);
    return null;
  }
}

function clawbackDays(days: number | null | undefined, field: string, errors: FieldErrorCollector): number | null {
  if (days === null || days === undefined) return null;
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_CLAWBACK_DAYS) errors.add(field, `Enter a whole number of days from 0 to ${MAX_CLAWBACK_DAYS}.`);
  return days;
}

/** Retention rules: each reward optional, at least one; every problem a field error under `rules.retention.…`. */
export function retentionRules(d: RetentionRulesData, currency: string, errors: FieldErrorCollector): RetentionRules | null {
  const at = (f: string): string => `rules.retention.${f}`;
  const before = Object.keys(errors.toObject()).length;
  let nrr: RetentionRules['nrr'] = null;
  const hasReward = Boolean(d.nrrReward) || Boolean(d.nrrRewardRate);
  if (d.nrrReward && d.nrrRewardRate) errors.add(at('nrrReward'), 'Give the NRR reward as an amount or as a rate of the cohort’s MRR, not both.');
  if (d.nrrThreshold && !hasReward) errors.add(at('nrrReward'), 'Enter the reward for reaching the NRR threshold.');
  if (!d.nrrThreshold && hasReward) errors.add(at('nrrThreshold'), 'Enter the NRR threshold the reward needs.');
  if (d.nrrThreshold && !isDecimalString(d.nrrThreshold, { allowNegative: false, maxFractionDigits: 4 })) errors.add(at('nrrThreshold'), 'Enter the NRR threshold as a percentage such as 105.');
  if (d.nrrThreshold && hasReward) {
    let reward: StoredReward | null = null;
    if (d.nrrReward) {
      const minor = amount(d.nrrReward, currency, at('nrrReward'), errors);
      if (minor !== null) reward = { kind: 'FIXED', amountMinor: minor };
    } else if (d.nrrRewardRate) {
      const r = rate(d.nrrRewardRate, at('nrrRewardRate'), errors);
      if (r !== null) reward = { kind: 'PERCENT', ratePct: r };
    }
    if (reward && isDecimalString(d.nrrThreshold, { allowNegative: false, maxFractionDigits: 4 })) nrr = { thresholdPct: formatPercent(percentUnits(d.nrrThreshold)), reward };
  }
  const expansionRatePct = d.expansionRate ? rate(d.expansionRate, at('expansionRate'), errors) : null;
  const earlyRenewalRewardMinor = d.earlyRenewalReward ? amount(d.earlyRenewalReward, currency, at('earlyRenewalReward'), errors) : null;
  const days = clawbackDays(d.clawbackDays, at('clawbackDays'), errors);
  if (!d.nrrThreshold && !hasReward && !d.expansionRate && !d.earlyRenewalReward) errors.add('rules.retention', 'Give at least one reward: for NRR, for expansion MRR or for early renewals.');
  if (Object.keys(errors.toObject()).length > before) return null;
  return { kind: 'RETENTION', nrr, expansionRatePct, earlyRenewalRewardMinor, clawbackDays: days };
}

/** Referral rules: a rate and either a number of months or the customer's lifetime. */
export function referralRules(d: ReferralRulesData, errors: FieldErrorCollector): ReferralRules | null {
  const at = (f: string): string => `rules.referral.${f}`;
  const before = Object.keys(errors.toObject()).length;
  const ratePct = rate(d.rate, at('rate'), errors);
  const lifetime = d.lifetime === true;
  const months = d.months ?? null;
  if (lifetime && months !== null) errors.add(at('months'), 'Give a number of months or the lifetime, not both.');
  if (!lifetime && months === null) errors.add(at('months'), 'Enter for how many months commission is paid, or choose the customer’s lifetime.');
  if (months !== null && (!Number.isSafeInteger(months) || months < 1 || months > MAX_REFERRAL_MONTHS)) errors.add(at('months'), `Enter a whole number of months from 1 to ${MAX_REFERRAL_MONTHS}.`);
  const days = clawbackDays(d.clawbackDays, at('clawbackDays'), errors);
  if (Object.keys(errors.toObject()).length > before || ratePct === null) return null;
  return { kind: 'REFERRAL', ratePct, months: lifetime ? null : months, clawbackDays: days };
}

/** Retention and referral plans pay from revenue figures, which are in the revenue base currency. */
export function checkRevenueCurrency(currency: string, baseCurrency: string, errors: FieldErrorCollector): void {
  if (currency !== baseCurrency) errors.add('currency', `Retention and referral plans pay in the revenue base currency (${baseCurrency}), the currency of the revenue figures.`);
}
