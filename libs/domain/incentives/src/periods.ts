import { DomainError } from '@prm/domain/common';
import { addMonths, endOfMonth, isIsoDate, type IsoDate } from '@prm/domain/revenue';

export const PERIOD_KINDS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A calendar period, both ends inclusive; `key` is what closes and statements are keyed by. */
export interface Period {
  kind: PeriodKind;
  key: string;
  start: IsoDate;
  end: IsoDate;
}

const MONTHS: Record<PeriodKind, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

export function checkedDate(date: IsoDate, what = 'date'): IsoDate {
  if (!isIsoDate(date)) throw new DomainError('BAD_USER_INPUT', `The ${what} "${String(date).slice(0, 40)}" is not an ISO date.`);
  return date;
}

/** The month ('2026-03'), quarter ('2026-Q1') or year ('2026') containing `date`; periods are aligned to 1 January. */
export function periodOf(date: IsoDate, kind: PeriodKind): Period {
  const months = MONTHS[kind];
  if (months === undefined) throw new DomainError('BAD_USER_INPUT', `Unknown period kind "${String(kind)}".`);
  const monthIndex = Number(checkedDate(date).slice(5, 7)) - 1;
  const first = monthIndex - (monthIndex % months);
  const year = date.slice(0, 4);
  const start = `${year}-${String(first + 1).padStart(2, '0')}-01`;
  const key = kind === 'MONTH' ? start.slice(0, 7) : kind === 'QUARTER' ? `${year}-Q${first / 3 + 1}` : year;
  return { kind, key, start, end: endOfMonth(addMonths(start, months - 1)) };
}

export function nextPeriod(period: Period): Period {
  return periodOf(addMonths(period.start, MONTHS[period.kind]), period.kind);
}

/**
 * Where an event dated `date` is booked: its own period when that is still open, otherwise the first
 * open period after it (late events for a closed period become adjustments there).
 */
export function nextOpenPeriod(date: IsoDate, kind: PeriodKind, closedKeys: readonly string[]): Period {
  const closed = new Set(closedKeys);
  let period = periodOf(date, kind);
  // Closed keys are finite, so this ends after at most closed.size + 1 steps.
  while (closed.has(period.key)) period = nextPeriod(period);
  return period;
}

/** Refuses a change dated inside a closed period (plan edits and late edits never rewrite a closed period). */
export function assertPeriodOpen(date: IsoDate, kind: PeriodKind, closedKeys: readonly string[]): Period {
  const period = periodOf(date, kind);
  if (closedKeys.includes(period.key)) throw new DomainError('CONFLICT', `Period ${period.key} is closed; changes apply from the next open period.`);
  return period;
}

/**
 * `date` plus whole calendar months, the day clamped to the month's end (31 Jan + 1 month = 28/29 Feb),
 * used for certification validity and points expiry.
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months)) throw new DomainError('BAD_USER_INPUT', 'Months must be a whole number.');
  const target = addMonths(checkedDate(date), months);
  const lastDay = endOfMonth(target);
  const day = date.slice(8, 10);
  return day <= lastDay.slice(8, 10) ? `${target.slice(0, 8)}${day}` : lastDay;
}
