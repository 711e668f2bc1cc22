import { DomainError } from '@prm/domain/common';
import { type Percent } from '@prm/domain/money';
import { daysBetween, type IsoDate } from '@prm/domain/revenue';
import { checkedDate, nextOpenPeriod, type PeriodKind, periodOf } from './periods';

/** The traceable core of any accrual line: what it came from, the rule, and base × rate = amount. */
export interface AccrualLine {
  sourceType: string;
  sourceId: string;
  rule: string;
  /** 'POINTS' or an ISO currency code. */
  unit: string;
  baseMinor: bigint | null;
  ratePct: Percent | null;
  amountMinor: bigint;
  /** Why a clawback or adjustment exists; null on ordinary lines. */
  reason: string | null;
  /** For a clawback: the rule of the line it reverses (with the same source). */
  reverses: string | null;
  /** Booking period key; differs from the event's own period for a late adjustment. */
  periodKey: string | null;
}

/**
 * The negative mirror of an accrued line: base and amount negated, same rate. Mirroring the amount
 * (not recomputing it) keeps partial capped lines exact; for an uncapped percentage line it equals
 * applyPercent(−base, rate), which half-away-from-zero rounding makes symmetric.
 */
export function clawbackLine(original: AccrualLine, reason: string): AccrualLine {
  if (reason.trim() === '') throw new DomainError('BAD_USER_INPUT', 'A clawback needs a reason.');
  if (original.reverses !== null) throw new DomainError('CONFLICT', 'A clawback cannot itself be clawed back.');
  return {
    ...original,
    baseMinor: original.baseMinor === null ? null : -original.baseMinor,
    amountMinor: -original.amountMinor,
    reason,
    reverses: original.rule,
  };
}

export interface Reversal {
  sourceType: string;
  sourceId: string;
  reason: string;
}

/**
 * Clawback lines for every line of a reversed source (a deal reversed, a customer churned) that is
 * not reversed yet, so running it twice adds nothing the second time.
 */
export function clawbacksFor(lines: readonly AccrualLine[], reversals: readonly Reversal[]): AccrualLine[] {
  const key = (sourceType: string, sourceId: string, rule: string): string => JSON.stringify([sourceType, sourceId, rule]);
  const done = new Set(lines.filter((line) => line.reverses !== null).map((line) => key(line.sourceType, line.sourceId, line.reverses as string)));
  const out: AccrualLine[] = [];
  for (const reversal of reversals) {
    for (const line of lines) {
      if (line.reverses !== null || line.sourceType !== reversal.sourceType || line.sourceId !== reversal.sourceId) continue;
      const lineKey = key(line.sourceType, line.sourceId, line.rule);
      if (done.has(lineKey)) continue;
      done.add(lineKey);
      out.push(clawbackLine(line, reversal.reason));
    }
  }
  return out;
}

/** A churn claws back when it happens 0..windowDays days after the qualifying event (both ends inclusive). */
export function isWithinClawbackWindow(qualifyingOn: IsoDate, churnedOn: IsoDate, windowDays: number): boolean {
  if (!Number.isSafeInteger(windowDays) || windowDays < 0) throw new DomainError('BAD_USER_INPUT', 'The clawback window must be a whole number of days from 0.');
  const days = daysBetween(checkedDate(qualifyingOn), checkedDate(churnedOn));
  return days >= 0 && days <= windowDays;
}

/**
 * Books a line for an event dated `eventOn`: in its own period when open, otherwise as an adjustment
 * in the next open period, with a reason naming the closed period.
 */
export function bookLine(line: AccrualLine, eventOn: IsoDate, kind: PeriodKind, closedKeys: readonly string[]): AccrualLine {
  const own = periodOf(eventOn, kind);
  const booked = nextOpenPeriod(eventOn, kind, closedKeys);
  if (booked.key === own.key) return { ...line, periodKey: own.key };
  const late = `Late event for closed period ${own.key}.`;
  return { ...line, periodKey: booked.key, reason: line.reason === null ? late : `${line.reason} ${late}` };
}
