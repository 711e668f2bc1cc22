import { addMonths, type IsoDate, monthOf } from './dates';
import type { Movement, MovementKind } from './movements';

export type MovementTotals = Record<MovementKind, bigint>;

/** One customer's MRR with one partner in one currency over one month, in minor units. */
export interface CustomerMonth {
  month: IsoDate;
  organisationId: string;
  currency: string;
  openingMinor: bigint;
  movements: MovementTotals;
  closingMinor: bigint;
}

export const zeroTotals = (): MovementTotals => ({
  NEW: 0n,
  EXPANSION: 0n,
  CONTRACTION: 0n,
  CHURN: 0n,
  REACTIVATION: 0n,
  TRANSFER_IN: 0n,
  TRANSFER_OUT: 0n,
});

/**
 * Sums one customer's movements per month, partner and currency, and carries the closing MRR forward
 * month by month up to `untilMonth` (inclusive): opening = last month's closing, closing = opening +
 * the month's movements. A row is kept when anything in it is not zero, so a paying customer has one
 * row every month and a churned one none after the month it left.
 */
export function customerMonths(movements: readonly Movement[], untilMonth: IsoDate): CustomerMonth[] {
  if (movements.length === 0) return [];
  const byMonth = new Map<IsoDate, Movement[]>();
  for (const movement of movements) {
    const month = monthOf(movement.date);
    const list = byMonth.get(month) ?? [];
    list.push(movement);
    byMonth.set(month, list);
  }
  const first = [...byMonth.keys()].sort()[0]!;
  const last = monthOf(untilMonth);
  const closing = new Map<string, bigint>();
  const rows: CustomerMonth[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) {
    const totals = new Map<string, MovementTotals>();
    for (const movement of byMonth.get(month) ?? []) {
      const key = `${movement.organisationId}|${movement.currency}`;
      const sums = totals.get(key) ?? zeroTotals();
      sums[movement.kind] += movement.amountMinor;
      totals.set(key, sums);
    }
    const keys = new Set([...closing.keys(), ...totals.keys()]);
    for (const key of [...keys].sort()) {
      const opening = closing.get(key) ?? 0n;
      const sums = totals.get(key) ?? zeroTotals();
      const net = Object.values(sums).reduce((a, b) => a + b, 0n);
      const close = opening + net;
      if (close === 0n) closing.delete(key);
      else closing.set(key, close);
      if (opening === 0n && close === 0n && Object.values(sums).every((v) => v === 0n)) continue;
      const [organisationId, currency] = key.split('|') as [string, string];
      rows.push({ month, organisationId, currency, openingMinor: opening, movements: sums, closingMinor: close });
    }
  }
  return rows;
}
