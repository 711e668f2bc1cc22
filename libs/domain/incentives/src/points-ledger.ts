import { DomainError } from '@prm/domain/common';
import { daysBetween, type IsoDate } from '@prm/domain/revenue';
import { addCalendarMonths, checkedDate } from './periods';

export const POINTS_ENTRY_KINDS = ['EARN', 'REDEEM', 'EXPIRE', 'ADJUST'] as const;
export type PointsEntryKind = (typeof POINTS_ENTRY_KINDS)[number];

/** Default expiry policy of the issue: points expire 24 months after they were earned. */
export const DEFAULT_POINTS_EXPIRY_MONTHS = 24;

/**
 * One ledger entry, as its effect on the beneficiary's wallet: EARN > 0, REDEEM < 0, EXPIRE < 0,
 * ADJUST either sign (never 0). The other side of the double entry is implied by the kind (see entryLegs).
 */
export interface PointsEntry {
  id: string;
  kind: PointsEntryKind;
  points: bigint;
  on: IsoDate;
  /** For an EXPIRE entry: the earn entry whose remaining points it expires. */
  lotId?: string | null;
}

export const POINTS_ACCOUNTS = ['WALLET', 'ISSUED', 'REDEEMED', 'EXPIRED', 'ADJUSTMENTS'] as const;
export type PointsAccount = (typeof POINTS_ACCOUNTS)[number];

const COUNTER_ACCOUNT: Record<PointsEntryKind, PointsAccount> = { EARN: 'ISSUED', REDEEM: 'REDEEMED', EXPIRE: 'EXPIRED', ADJUST: 'ADJUSTMENTS' };

/** The two legs of an entry; they always sum to zero, so points are never created or lost silently. */
export function entryLegs(entry: PointsEntry): { account: PointsAccount; points: bigint }[] {
  checkEntry(entry);
  return [
    { account: 'WALLET', points: entry.points },
    { account: COUNTER_ACCOUNT[entry.kind], points: -entry.points },
  ];
}

/**
 * The wallet balance after the entries, replayed in the order given (the ledger's append order).
 * Throws CONFLICT when the running balance would ever go below zero: such a ledger is corrupt.
 */
export function pointsBalance(entries: readonly PointsEntry[]): bigint {
  let balance = 0n;
  for (const entry of entries) {
    checkEntry(entry);
    balance += entry.points;
    if (balance < 0n) throw new DomainError('CONFLICT', `Entry ${entry.id} would take the points balance below zero.`);
  }
  return balance;
}

/** The balance after redeeming `points`; CONFLICT when that is more than the balance (nothing changes). */
export function applyRedemption(balance: bigint, points: bigint): bigint {
  if (points <= 0n) throw new DomainError('BAD_USER_INPUT', 'A redemption must be for a positive number of points.');
  if (balance < 0n) throw new DomainError('BAD_USER_INPUT', 'The balance must not be negative.');
  if (points > balance) throw new DomainError('CONFLICT', `Cannot redeem ${points} points with a balance of ${balance}.`);
  return balance - points;
}

export interface Lot {
  id: string;
  on: IsoDate;
  left: bigint;
}

/**
 * First-in-first-out lots: every EARN (and positive ADJUST) is a lot; every REDEEM, EXPIRE and
 * negative ADJUST uses up the oldest points first. Entries are replayed in append order, like pointsBalance.
 */
export function openLots(entries: readonly PointsEntry[]): Lot[] {
  return replayLots(entries, () => undefined).filter((lot) => lot.left > 0n);
}

/** For every redemption, how many points it took from which lot and how many days after they were earned. */
export function redemptionAges(entries: readonly PointsEntry[]): { redeemId: string; lotId: string; points: bigint; days: number }[] {
  const ages: { redeemId: string; lotId: string; points: bigint; days: number }[] = [];
  replayLots(entries, (entry, lot, points) => {
    if (entry.kind === 'REDEEM') ages.push({ redeemId: entry.id, lotId: lot.id, points, days: daysBetween(lot.on, entry.on) });
  });
  return ages;
}

function replayLots(entries: readonly PointsEntry[], onTake: (entry: PointsEntry, lot: Lot, points: bigint) => void): Lot[] {
  const lots: Lot[] = [];
  for (const entry of entries) {
    checkEntry(entry);
    if (entry.points > 0n) {
      lots.push({ id: entry.id, on: entry.on, left: entry.points });
      continue;
    }
    let owed = -entry.points;
    // An EXPIRE names its lot; take from it first so the expiry removes exactly the points it was computed for.
    const ordered = entry.lotId ? [...lots.filter((lot) => lot.id === entry.lotId), ...lots.filter((lot) => lot.id !== entry.lotId)] : lots;
    for (const lot of ordered) {
      if (owed === 0n) break;
      const take = lot.left < owed ? lot.left : owed;
      if (take === 0n) continue;
      lot.left -= take;
      owed -= take;
      onTake(entry, lot, take);
    }
    if (owed > 0n) throw new DomainError('CONFLICT', `Entry ${entry.id} would take the points balance below zero.`);
  }
  return lots;
}

/**
 * The EXPIRE entries due on `asOf`: the unspent rest of every lot earned `months` or more calendar
 * months before (earned 2024-03-15 with 24 months → expires on 2026-03-15). Idempotent: the entries
 * it returns, once appended, leave nothing more to expire on the same day.
 */
export function expirePoints(entries: readonly PointsEntry[], asOf: IsoDate, months: number = DEFAULT_POINTS_EXPIRY_MONTHS): PointsEntry[] {
  checkedDate(asOf);
  if (!Number.isSafeInteger(months) || months <= 0) throw new DomainError('BAD_USER_INPUT', 'The expiry policy must be a whole number of months from 1.');
  return openLots(entries)
    .filter((lot) => addCalendarMonths(lot.on, months) <= asOf)
    .map((lot) => ({ id: `expire:${lot.id}`, kind: 'EXPIRE' as const, points: -lot.left, on: asOf, lotId: lot.id }));
}

function checkEntry(entry: PointsEntry): void {
  checkedDate(entry.on, `date of entry ${entry.id}`);
  const ok =
    typeof entry.points === 'bigint' &&
    ((entry.kind === 'EARN' && entry.points > 0n) ||
      ((entry.kind === 'REDEEM' || entry.kind === 'EXPIRE') && entry.points < 0n) ||
      (entry.kind === 'ADJUST' && entry.points !== 0n));
  if (!ok) throw new DomainError('BAD_USER_INPUT', `Entry ${entry.id}: ${String(entry.kind)} cannot move ${String(entry.points)} points.`);
}
