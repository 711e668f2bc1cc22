import { addDays, daysBetween, type IsoDate, laterOf } from '@prm/domain/revenue';

/** Program default: claims are due 60 days after the activity ends. */
export const DEFAULT_CLAIM_DEADLINE_DAYS = 60;
/** Program default: the fund expires as soon as the last claim deadline has passed. */
export const DEFAULT_EXPIRY_GRACE_DAYS = 0;
/** Reminders before a fund expires, most distant first; each is sent once. */
export const EXPIRY_REMINDER_DAYS = [30, 7] as const;

function dayCount(days: number, what: string): number {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`${what} must be a whole number of days from 0 (got ${days})`);
  return days;
}

/**
 * The last day a claim is accepted: activity end + the program's claim deadline days, or a
 * channel manager's extension when that is later (an extension never shortens the deadline).
 */
export function claimDeadline(activityEnd: IsoDate, claimDeadlineDays: number, extendedTo?: IsoDate | null): IsoDate {
  const regular = addDays(activityEnd, dayCount(claimDeadlineDays, 'the claim deadline'));
  return extendedTo === undefined || extendedTo === null ? regular : laterOf(regular, extendedTo);
}

/** A claim is late only from the day after its deadline: the deadline day itself still counts. */
export function isClaimLate(today: IsoDate, deadline: IsoDate): boolean {
  return daysBetween(deadline, today) > 0;
}

/** "Use it or lose it": period end + claim deadline days + grace days. */
export function fundExpiry(periodEnd: IsoDate, claimDeadlineDays: number, graceDays: number): IsoDate {
  return addDays(periodEnd, dayCount(claimDeadlineDays, 'the claim deadline') + dayCount(graceDays, 'the grace period'));
}

/**
 * Reminders (in days before expiry, 30 then 7) that are due today and not sent yet: from
 * `expiresOn − n` up to the expiry day itself. A job that missed a day still sends each one once.
 */
export function expiryRemindersDue(expiresOn: IsoDate, today: IsoDate, alreadySent: readonly number[]): number[] {
  const daysLeft = daysBetween(today, expiresOn);
  if (daysLeft < 0) return [];
  return EXPIRY_REMINDER_DAYS.filter((n) => daysLeft <= n && !alreadySent.includes(n));
}

/** The activity lies inside the fund's window (all ends inclusive) and does not end before it starts. */
export function isActivityInWindow(start: IsoDate, end: IsoDate, windowStart: IsoDate, windowEnd: IsoDate): boolean {
  return daysBetween(windowStart, start) >= 0 && daysBetween(start, end) >= 0 && daysBetween(end, windowEnd) >= 0;
}
