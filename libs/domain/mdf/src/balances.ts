import { DomainError } from '@prm/domain/common';
import { formatMoneyText, insufficientFundsMessage } from './money-text';

/**
 * The money columns of one fund row, in its currency's minor units. `claimed` is informational:
 * it is the part of `reserved` that open claims ask for, so it never exceeds `reserved`.
 */
export interface FundBalances {
  budgetMinor: bigint;
  reservedMinor: bigint;
  claimedMinor: bigint;
  approvedMinor: bigint;
  paidMinor: bigint;
}

export const BALANCE_COLUMNS = ['budgetMinor', 'reservedMinor', 'claimedMinor', 'approvedMinor', 'paidMinor'] as const;

/** A new fund: everything zero except the budget. */
export function emptyBalances(budgetMinor = 0n): FundBalances {
  return assertBalances({ budgetMinor, reservedMinor: 0n, claimedMinor: 0n, approvedMinor: 0n, paidMinor: 0n });
}

/** What a new request may still reserve: budget − reserved − approved − paid (claimed is inside reserved). */
export function availableMinor(b: FundBalances): bigint {
  return b.budgetMinor - b.reservedMinor - b.approvedMinor - b.paidMinor;
}

/** Money the fund has promised or spent: reserved + approved + paid; the budget may not drop below it. */
export function committedMinor(b: FundBalances): bigint {
  return b.reservedMinor + b.approvedMinor + b.paidMinor;
}

/**
 * The invariants the SQL CHECK constraints also hold: every column ≥ 0, available ≥ 0, claimed ≤
 * reserved. Throws CONFLICT naming the first one broken; returns the balances for chaining.
 */
export function assertBalances(b: FundBalances): FundBalances {
  for (const column of BALANCE_COLUMNS) {
    if (b[column] < 0n) throw conflict(`Fund balance ${column} would be negative (${b[column]}).`);
  }
  if (availableMinor(b) < 0n) throw conflict(`Fund balances would commit more than the budget (available ${availableMinor(b)}).`);
  if (b.claimedMinor > b.reservedMinor) {
    throw conflict(`Open claims (${b.claimedMinor}) would exceed the reserved amount (${b.reservedMinor}).`);
  }
  return b;
}

// Amounts reaching these functions were validated by the caller (positive, parsed with the fund's
// currency), so a non-positive one is a programming error: RangeError, not a user-facing code.
function positive(amountMinor: bigint, what: string): bigint {
  if (amountMinor <= 0n) throw new RangeError(`${what} must be greater than zero (got ${amountMinor})`);
  return amountMinor;
}

function conflict(message: string): DomainError {
  return new DomainError('CONFLICT', message);
}

/** A request approved for `amountMinor`: reserved += amount, refused when it does not fit in available. */
export function reserve(b: FundBalances, amountMinor: bigint, currency: string): FundBalances {
  positive(amountMinor, 'the reservation');
  const available = availableMinor(assertBalances(b));
  if (amountMinor > available) throw conflict(insufficientFundsMessage(available, currency));
  return assertBalances({ ...b, reservedMinor: b.reservedMinor + amountMinor });
}

/** A request cancelled or expired without an open claim: its reservation returns to available. */
export function releaseReservation(b: FundBalances, amountMinor: bigint): FundBalances {
  positive(amountMinor, 'the released reservation');
  const free = assertBalances(b).reservedMinor - b.claimedMinor;
  if (amountMinor > free) {
    throw conflict(`Cannot release ${amountMinor} minor units: only ${free} of the reservation is free of open claims.`);
  }
  return assertBalances({ ...b, reservedMinor: b.reservedMinor - amountMinor });
}

/** A claim submitted (or resubmitted) for `claimedMinor`; it must fit inside the reservations. */
export function submitClaim(b: FundBalances, claimedMinor: bigint): FundBalances {
  positive(claimedMinor, 'the claimed amount');
  const unclaimed = assertBalances(b).reservedMinor - b.claimedMinor;
  if (claimedMinor > unclaimed) {
    throw conflict(`Cannot claim ${claimedMinor} minor units: only ${unclaimed} of the reservation is not claimed yet.`);
  }
  return assertBalances({ ...b, claimedMinor: b.claimedMinor + claimedMinor });
}

/** A claim rejected: claimed −= C; the request keeps its reservation and may be claimed again. */
export function withdrawClaim(b: FundBalances, claimedMinor: bigint): FundBalances {
  positive(claimedMinor, 'the claimed amount');
  if (claimedMinor > assertBalances(b).claimedMinor) {
    throw conflict(`Cannot withdraw a claim of ${claimedMinor} minor units: only ${b.claimedMinor} is claimed.`);
  }
  return assertBalances({ ...b, claimedMinor: b.claimedMinor - claimedMinor });
}

export interface ClaimApproval {
  /** X: the request's whole reservation, released by the approval. */
  reservationMinor: bigint;
  /** C: the amount the claim asked for. */
  claimedMinor: bigint;
  /** A: the amount approved, A ≤ C ≤ X; X − A returns to available. */
  approvedMinor: bigint;
}

/** A claim approved: claimed −= C, reserved −= X, approved += A (available grows by X − A). */
export function approveClaim(b: FundBalances, approval: ClaimApproval, currency: string): FundBalances {
  const x = positive(approval.reservationMinor, 'the reservation');
  const c = positive(approval.claimedMinor, 'the claimed amount');
  const a = positive(approval.approvedMinor, 'the approved amount');
  const money = (amount: bigint): string => formatMoneyText(amount, currency);
  assertBalances(b);
  if (a > c) throw conflict(`The approved amount ${money(a)} is more than the ${money(c)} claimed.`);
  if (c > x) throw conflict(`The claimed amount ${money(c)} is more than the ${money(x)} reserved for the request.`);
  if (c > b.claimedMinor) throw conflict(`The claim of ${money(c)} is more than the ${money(b.claimedMinor)} of open claims on the fund.`);
  if (x > b.reservedMinor) throw conflict(`The reservation of ${money(x)} is more than the ${money(b.reservedMinor)} reserved on the fund.`);
  return assertBalances({
    ...b,
    claimedMinor: b.claimedMinor - c,
    reservedMinor: b.reservedMinor - x,
    approvedMinor: b.approvedMinor + a,
  });
}

/** An approved claim paid: approved −= A, paid += A. */
export function payClaim(b: FundBalances, amountMinor: bigint): FundBalances {
  positive(amountMinor, 'the paid amount');
  if (amountMinor > assertBalances(b).approvedMinor) {
    throw conflict(`Cannot pay ${amountMinor} minor units: only ${b.approvedMinor} is approved and unpaid.`);
  }
  return assertBalances({ ...b, approvedMinor: b.approvedMinor - amountMinor, paidMinor: b.paidMinor + amountMinor });
}

/** A new budget (allocation changed or accrual recomputed); never below what is already committed. */
export function setBudget(b: FundBalances, newBudgetMinor: bigint, currency: string): FundBalances {
  if (newBudgetMinor < 0n) throw new RangeError(`the budget must not be negative (got ${newBudgetMinor})`);
  const committed = committedMinor(assertBalances(b));
  if (newBudgetMinor < committed) {
    throw conflict(`The budget cannot be lower than ${formatMoneyText(committed, currency)}, the amount already reserved, approved or paid.`);
  }
  return assertBalances({ ...b, budgetMinor: newBudgetMinor });
}
