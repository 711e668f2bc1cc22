import { addMonths, endOfMonth, isIsoDate, type IsoDate } from '@prm/domain/revenue';

export const FUND_PERIOD_KINDS = ['QUARTER', 'HALF_YEAR', 'YEAR'] as const;
export type FundPeriodKind = (typeof FUND_PERIOD_KINDS)[number];

/** A calendar fund period; both ends inclusive, as ISO dates. */
export interface FundPeriod {
  start: IsoDate;
  end: IsoDate;
}

const MONTHS: Record<FundPeriodKind, number> = { QUARTER: 3, HALF_YEAR: 6, YEAR: 12 };

/** Months in one period of the kind (3, 6 or 12). */
export function fundPeriodMonths(kind: FundPeriodKind): number {
  const months = MONTHS[kind];
  if (months === undefined) throw new RangeError(`unknown fund period kind: ${String(kind)}`);
  return months;
}

function checkedDate(date: IsoDate): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${String(date)}`);
  return date;
}

/** The calendar quarter, half-year or year that contains `date` (periods are aligned to 1 January). */
export function fundPeriodOf(kind: FundPeriodKind, date: IsoDate): FundPeriod {
  const months = fundPeriodMonths(kind);
  const monthIndex = Number(checkedDate(date).slice(5, 7)) - 1;
  const first = monthIndex - (monthIndex % months) + 1;
  const start = `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
  return { start, end: endOfMonth(addMonths(start, months - 1)) };
}

/** The period right after the one containing `date` (usually called with a period start). */
export function nextFundPeriod(kind: FundPeriodKind, date: IsoDate): FundPeriod {
  return fundPeriodOf(kind, addMonths(fundPeriodOf(kind, date).start, fundPeriodMonths(kind)));
}

/** '2026-Q3', '2026-H2' or '2026' for the period containing `date`. */
export function fundPeriodLabel(kind: FundPeriodKind, date: IsoDate): string {
  const { start } = fundPeriodOf(kind, date);
  const year = start.slice(0, 4);
  const ordinal = (Number(start.slice(5, 7)) - 1) / fundPeriodMonths(kind) + 1;
  if (kind === 'QUARTER') return `${year}-Q${ordinal}`;
  if (kind === 'HALF_YEAR') return `${year}-H${ordinal}`;
  return year;
}

/** True when `date` is the first day of a period of the kind; false for anything that is not a date. */
export function isPeriodStart(kind: FundPeriodKind, date: string): boolean {
  return isIsoDate(date) && fundPeriodOf(kind, date).start === date;
}
