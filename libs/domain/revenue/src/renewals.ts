import { addDays, daysBetween, type IsoDate, laterOf } from './dates';

/** A renewal recorded at least this many days before the term ends counts as early. */
export const EARLY_RENEWAL_DAYS = 90;
/** Terms ending within this many days are listed as renewals at risk. */
export const RENEWAL_WINDOW_DAYS = 90;

/**
 * MRR stops on the day after the paid period ends — churn is recognised at the end of what the
 * customer paid for, not at the click — or on the cancellation date itself when that is later.
 */
export function cancellationEffectiveDate(cancelledOn: IsoDate, paidThrough: IsoDate | null): IsoDate {
  return laterOf(cancelledOn, paidThrough === null ? cancelledOn : addDays(paidThrough, 1));
}

/** Early renewal: recorded 90 days or more before the end of the term it renews. */
export function isEarlyRenewal(recordedOn: IsoDate, termEndsOn: IsoDate): boolean {
  return daysBetween(recordedOn, termEndsOn) >= EARLY_RENEWAL_DAYS;
}

/** A term ending from today up to 90 days ahead is up for renewal (and at risk until renewed). */
export function isRenewalDue(termEndsOn: IsoDate, today: IsoDate): boolean {
  const days = daysBetween(today, termEndsOn);
  return days >= 0 && days <= RENEWAL_WINDOW_DAYS;
}
