/**
 * Calendar dates as ISO strings ('2026-03-31'), months as the ISO date of their first day
 * ('2026-03-01'). Strings compare in calendar order, carry no time zone and survive JSON and SQL
 * `date` columns unchanged, which is all the revenue ledger needs.
 */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== 'string') return false;
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Dates already checked, with their UTC midnight: a rollup validates the same few thousand dates
 * millions of times (a full rebuild spent about a tenth of its CPU here). Bounded, so it never grows
 * without limit; a cleared cache only costs the next check again.
 */
const CHECKED = new Map<string, number>();
const CHECKED_LIMIT = 50_000;

function epochOf(date: IsoDate): number {
  const known = CHECKED.get(date);
  if (known !== undefined) return known;
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${String(date)}`);
  const epoch = Date.parse(`${date}T00:00:00Z`);
  if (CHECKED.size >= CHECKED_LIMIT) CHECKED.clear();
  CHECKED.set(date, epoch);
  return epoch;
}

function toUtc(date: IsoDate): Date {
  return new Date(epochOf(date));
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(new Date(epochOf(date) + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((epochOf(to) - epochOf(from)) / DAY_MS);
}

/** The first day of the date's month. */
export function monthOf(date: IsoDate): IsoDate {
  epochOf(date);
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month `months` after the month of `date` (negative goes back). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const key = `${date}|${months}`;
  const known = MONTHS_ADDED.get(key);
  if (known !== undefined) return known;
  const d = toUtc(date);
  const result = fromUtc(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
  if (MONTHS_ADDED.size >= CHECKED_LIMIT) MONTHS_ADDED.clear();
  MONTHS_ADDED.set(key, result);
  return result;
}

/** addMonths results, for the same reason as CHECKED (the rollups step month by month over the same span). */
const MONTHS_ADDED = new Map<string, IsoDate>();

/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  return addDays(addMonths(date, 1), -1);
}

/** Months from `from` to `to`, both inclusive, as first days; empty when `to` is before `from`. */
export function monthsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const months: IsoDate[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The later of two dates; like every other helper here it rejects a string that is not a date. */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  epochOf(a);
  epochOf(b);
  return a >= b ? a : b;
}
