import { DomainError } from '@prm/domain/common';
import { addDays, daysBetween, type IsoDate } from '@prm/domain/revenue';
import { addCalendarMonths, checkedDate } from './periods';
import { compareText } from './order';

export interface Certification {
  id: string;
  personId: string;
  courseId: string;
  completedOn: IsoDate;
  /** From the catalogue; null = never expires. */
  validityMonths: number | null;
}

/**
 * The first day the certification is no longer valid: completion plus the validity in calendar
 * months (31 Jan + 1 month → 28/29 Feb); null when it never expires.
 */
export function certificationExpiresOn(completedOn: IsoDate, validityMonths: number | null): IsoDate | null {
  checkedDate(completedOn, 'completion date');
  if (validityMonths === null) return null;
  if (!Number.isSafeInteger(validityMonths) || validityMonths <= 0) throw new DomainError('BAD_USER_INPUT', 'The validity must be a whole number of months from 1.');
  return addCalendarMonths(completedOn, validityMonths);
}

/** Valid from the completion day up to (not including) the expiry day. */
export function isCertificationValid(certification: Certification, asOf: IsoDate): boolean {
  const expiresOn = certificationExpiresOn(certification.completedOn, certification.validityMonths);
  return checkedDate(asOf) >= certification.completedOn && (expiresOn === null || asOf < expiresOn);
}

export interface ExpiringCertification {
  certification: Certification;
  expiresOn: IsoDate;
  daysLeft: number;
}

/**
 * Certifications valid on `asOf` that expire within the next `withinDays` days (expiry day ≤ asOf +
 * withinDays), soonest first then id, for reminders. A person renewed by a later completion of the same
 * course that outlasts the window is not reminded.
 */
export function certificationsExpiring(certifications: readonly Certification[], asOf: IsoDate, withinDays: number): ExpiringCertification[] {
  if (!Number.isSafeInteger(withinDays) || withinDays < 0) throw new DomainError('BAD_USER_INPUT', 'The window must be a whole number of days from 0.');
  const horizon = addDays(checkedDate(asOf), withinDays);
  const renewed = (cert: Certification): boolean =>
    certifications.some((other) => other !== cert && other.personId === cert.personId && other.courseId === cert.courseId && outlasts(other, horizon, asOf));
  return certifications
    .filter((cert) => isCertificationValid(cert, asOf))
    .map((certification) => ({ certification, expiresOn: certificationExpiresOn(certification.completedOn, certification.validityMonths) }))
    .filter((item): item is { certification: Certification; expiresOn: IsoDate } => item.expiresOn !== null && item.expiresOn <= horizon)
    .filter((item) => !renewed(item.certification))
    .map((item) => ({ ...item, daysLeft: daysBetween(asOf, item.expiresOn) }))
    .sort((a, b) => compareText(a.expiresOn, b.expiresOn) || compareText(a.certification.id, b.certification.id));
}

/** Distinct people holding at least one valid certification on `asOf` (optionally of the given courses); feeds tier qualification. */
export function certifiedPeopleCount(certifications: readonly Certification[], asOf: IsoDate, courseIds?: readonly string[]): number {
  const people = new Set<string>();
  for (const cert of certifications) {
    if ((courseIds === undefined || courseIds.includes(cert.courseId)) && isCertificationValid(cert, asOf)) people.add(cert.personId);
  }
  return people.size;
}

function outlasts(cert: Certification, horizon: IsoDate, asOf: IsoDate): boolean {
  if (cert.completedOn > asOf) return false;
  const expiresOn = certificationExpiresOn(cert.completedOn, cert.validityMonths);
  return expiresOn === null || expiresOn > horizon;
}
