import { DomainError } from '@prm/domain/common';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { addBusinessDays, addDays } from './business-time';

/** Rules of engagement of a program, kept as data (table `deal_rules`); a program without a row uses the defaults. */
export interface DealRules {
  protectionDays: number;
  maxExtensions: number;
  extensionDays: number;
  reviewSlaBusinessDays: number;
  /** Minimum estimated value (MRR × 12 + one-time), in minor units of `minimumValueCurrency`. */
  minimumValueMinor: bigint;
  minimumValueCurrency: string;
  allowHouseAccounts: boolean;
  /** Days before the protection ends on which the partner is reminded. */
  reminderDays: readonly number[];
}

export const DEFAULT_DEAL_RULES: DealRules = Object.freeze({
  protectionDays: 90,
  maxExtensions: 1,
  extensionDays: 30,
  reviewSlaBusinessDays: 2,
  minimumValueMinor: 0n,
  minimumValueCurrency: 'EUR',
  allowHouseAccounts: false,
  reminderDays: Object.freeze([14, 3]),
});

export function reviewDueAt(rules: DealRules, submittedAt: Date): Date {
  return addBusinessDays(submittedAt, rules.reviewSlaBusinessDays);
}

export function protectionEndsAt(rules: DealRules, approvedAt: Date): Date {
  return addDays(approvedAt, rules.protectionDays);
}

/**
 * The registration's value for the minimum-value rule: a year of recurring revenue plus the
 * one-time amount, in minor units. Recurring deals are compared on their first-year value.
 */
export function firstYearValueMinor(mrrMinor: bigint, oneTimeMinor: bigint): bigint {
  return mrrMinor * 12n + oneTimeMinor;
}

export function assertMeetsMinimum(rules: DealRules, currency: string, mrrMinor: bigint, oneTimeMinor: bigint): void {
  if (mrrMinor <= 0n && oneTimeMinor <= 0n) {
    throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', {
      estimatedMrr: ['Enter a recurring (MRR) or a one-time value.'],
    });
  }
  if (rules.minimumValueMinor <= 0n || currency !== rules.minimumValueCurrency) return;
  if (firstYearValueMinor(mrrMinor, oneTimeMinor) < rules.minimumValueMinor) {
    throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', {
      estimatedMrr: [`This program registers deals from ${rules.minimumValueCurrency} ${formatMoneyPlain(money(rules.minimumValueMinor, rules.minimumValueCurrency))} in first-year value (MRR × 12 + one-time).`],
    });
  }
}

/** A protection extension: allowed while approved and under the program's maximum; returns the new end. */
export function extendedProtectionEnd(rules: DealRules, currentEnd: Date, extensionsUsed: number): Date {
  if (extensionsUsed >= rules.maxExtensions) {
    throw new DomainError(
      'CONFLICT',
      rules.maxExtensions === 0
        ? 'This program does not allow extensions.'
        : `This registration already had the ${rules.maxExtensions === 1 ? 'one extension' : `${rules.maxExtensions} extensions`} the program allows.`,
    );
  }
  return addDays(currentEnd, rules.extensionDays);
}
