import { DomainError } from '@prm/domain/common';
import { applyPercent, type Percent } from '@prm/domain/money';
import { addMonths, type IsoDate, monthOf } from '@prm/domain/revenue';
import { checkedDate } from './periods';
import { compareText } from './order';

export interface MonthlyMrr {
  /** First day of the month ('2026-03-01'). */
  month: IsoDate;
  mrrMinor: bigint;
}

export interface ReferralTerms {
  /** The sign-up attributed to the partner; its month is month 1 of the commission. */
  attributionStart: IsoDate;
  ratePct: Percent;
  /** Commission months counted from the attribution month; null = the customer's lifetime. */
  months: number | null;
}

export interface ReferralLine {
  month: IsoDate;
  /** 1 for the attribution month. */
  monthNumber: number;
  baseMinor: bigint;
  ratePct: Percent;
  amountMinor: bigint;
}

/**
 * One line per month of the referred customer's MRR inside the commission window, each rounded once.
 * The window is calendar months, so a month without MRR still uses one of the N months; it just has no line.
 */
export function referralCommission(series: readonly MonthlyMrr[], terms: ReferralTerms): ReferralLine[] {
  const first = monthOf(checkedDate(terms.attributionStart, 'attribution start'));
  if (terms.months !== null && (!Number.isSafeInteger(terms.months) || terms.months <= 0)) {
    throw new DomainError('BAD_USER_INPUT', 'The commission runs for a whole number of months from 1, or for the lifetime.');
  }
  const endExclusive = terms.months === null ? null : addMonths(first, terms.months);
  const seen = new Set<string>();
  for (const point of series) {
    if (monthOf(checkedDate(point.month, 'month')) !== point.month) throw new DomainError('BAD_USER_INPUT', `${point.month} is not the first day of a month.`);
    if (seen.has(point.month)) throw new DomainError('BAD_USER_INPUT', `Month ${point.month} is listed twice.`);
    if (point.mrrMinor < 0n) throw new DomainError('BAD_USER_INPUT', `The MRR of ${point.month} is negative.`);
    seen.add(point.month);
  }
  return series
    .filter((point) => point.month >= first && (endExclusive === null || point.month < endExclusive) && point.mrrMinor > 0n)
    .sort((a, b) => compareText(a.month, b.month))
    .map((point) => ({
      month: point.month,
      monthNumber: monthsFrom(first, point.month) + 1,
      baseMinor: point.mrrMinor,
      ratePct: terms.ratePct,
      amountMinor: applyPercent(point.mrrMinor, terms.ratePct),
    }));
}

function monthsFrom(from: IsoDate, to: IsoDate): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}
