export { addDays, addMonths, daysBetween, endOfMonth, isIsoDate, laterOf, monthOf, monthsBetween } from './dates';
export type { IsoDate } from './dates';
export { BILLING_INTERVALS, discountApplies, MAX_INTERVAL_MONTHS, monthlyRecurringMinor, SUBSCRIPTION_STATUSES } from './mrr';
export type { Discount, SubscriptionStatus, SubscriptionTerms } from './mrr';
export { customerMovements, MOVEMENT_KINDS, subscriptionChangePoints } from './movements';
export type { LedgerEvent, Movement, MovementCause, MovementKind, PartnerOfRecord } from './movements';
export { customerMonths, zeroTotals } from './customer-months';
export type { CustomerMonth, MovementTotals } from './customer-months';
export {
  arpaMinor,
  arrMinor,
  grossMrrChurn,
  lifetimeValue,
  logoChurnRate,
  netMrrChurn,
  ratioPercent,
  retention,
  retentionFromSums,
} from './retention';
export type { CohortMember, Ltv, Retention } from './retention';
export { cancellationEffectiveDate, EARLY_RENEWAL_DAYS, isEarlyRenewal, isRenewalDue, RENEWAL_WINDOW_DAYS } from './renewals';
export { convertMinor, RATE_MAX_FRACTION_DIGITS } from './conversion';
