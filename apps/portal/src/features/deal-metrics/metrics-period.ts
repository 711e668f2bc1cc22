import type { DealMetricsGroupBy, Role } from '../../gql/graphql';
import { isPartnerRole } from '../../app/auth/roles';

const DAY_MS = 86_400_000;
/** The default period: the last 90 days, today included. */
export const DEFAULT_DAYS = 90;
export const DEFAULT_CURRENCY = 'EUR';

/** A calendar day as the API counts it (UTC), YYYY-MM-DD. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Whether the text is a real YYYY-MM-DD day. */
export const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && utcDay(new Date(`${value}T00:00:00Z`)) === value;

export const addDays = (day: string, days: number): string => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

export function defaultPeriod(now: Date = new Date()): { from: string; to: string } {
  const to = utcDay(now);
  return { from: addDays(to, -(DEFAULT_DAYS - 1)), to };
}

const VENDOR_GROUPINGS: readonly DealMetricsGroupBy[] = ['NONE', 'PARTNER', 'PROGRAM', 'TIER', 'MONTH'];
/** Partners see only their own figures, so per partner or per tier adds nothing. */
const PARTNER_GROUPINGS: readonly DealMetricsGroupBy[] = ['NONE', 'PROGRAM', 'MONTH'];

export const groupingsFor = (role: Role): readonly DealMetricsGroupBy[] => (isPartnerRole(role) ? PARTNER_GROUPINGS : VENDOR_GROUPINGS);
