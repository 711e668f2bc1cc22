import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import {
  approveClaim,
  assertBalances,
  availableMinor,
  BALANCE_COLUMNS,
  committedMinor,
  emptyBalances,
  type FundBalances,
  payClaim,
  releaseReservation,
  reserve,
  setBudget,
  submitClaim,
  withdrawClaim,
} from '../balances';

const balances = (budget: bigint, reserved = 0n, claimed = 0n, approved = 0n, paid = 0n): FundBalances => ({
  budgetMinor: budget,
  reservedMinor: reserved,
  claimedMinor: claimed,
  approvedMinor: approved,
  paidMinor: paid,
});

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

function conflictMessage(run: () => unknown): string {
  const error = errorOf(run);
  expect(error.code).toBe('CONFLICT');
  expect(error.fields).toBeUndefined();
  return error.message;
}

describe('availableMinor / committedMinor / emptyBalances', () => {
  it.each<[FundBalances, bigint, bigint]>([
    [balances(0n), 0n, 0n],
    [balances(1_000_000n), 1_000_000n, 0n],
    [balances(1_000_000n, 300_000n, 100_000n), 700_000n, 300_000n], // claimed is inside reserved: not subtracted twice
    [balances(1_000_000n, 300_000n, 300_000n, 200_000n, 100_000n), 400_000n, 600_000n],
    [balances(1_000_000n, 0n, 0n, 0n, 1_000_000n), 0n, 1_000_000n],
  ])('%p → available %p, committed %p', (b, available, committed) => {
    expect(availableMinor(b)).toBe(available);
    expect(committedMinor(b)).toBe(committed);
    expect(b.budgetMinor).toBe(available + committed);
  });

  it('a new fund has only a budget', () => {
    expect(emptyBalances(5_000n)).toEqual(balances(5_000n));
    expect(emptyBalances()).toEqual(balances(0n));
    expect(() => emptyBalances(-1n)).toThrow(DomainError);
  });

  it('names the five columns', () => {
    expect(BALANCE_COLUMNS).toEqual(['budgetMinor', 'reservedMinor', 'claimedMinor', 'approvedMinor', 'paidMinor']);
  });
});

describe('assertBalances', () => {
  it.each<[string, FundBalances]>([
    ['all zero', balances(0n)],
    ['fully reserved', balances(100n, 100n, 100n)],
    ['fully paid', balances(100n, 0n, 0n, 0n, 100n)],
    ['a mix', balances(1_000n, 400n, 150n, 300n, 200n)],
  ])('accepts %s', (_case, b) => {
    expect(assertBalances(b)).toBe(b);
  });

  it.each<[string, FundBalances, RegExp]>([
    ['a negative budget', balances(-1n), /budgetMinor would be negative/],
    ['a negative reserved', balances(100n, -1n), /reservedMinor would be negative/],
    ['a negative claimed', balances(100n, 0n, -1n), /claimedMinor would be negative/],
    ['a negative approved', balances(100n, 0n, 0n, -1n), /approvedMinor would be negative/],
    ['a negative paid', balances(100n, 0n, 0n, 0n, -1n), /paidMinor would be negative/],
    ['more committed than the budget', balances(100n, 50n, 0n, 30n, 21n), /more than the budget/],
    ['claims above the reservations', balances(100n, 50n, 51n), /Open claims \(51\) would exceed the reserved amount \(50\)/],
  ])('refuses %s with CONFLICT', (_case, b, message) => {
    expect(conflictMessage(() => assertBalances(b))).toMatch(message);
  });
});

describe('reserve', () => {
  it.each<[string, FundBalances, bigint, FundBalances]>([
    ['into an empty fund', balances(1_000_000n), 250_000n, balances(1_000_000n, 250_000n)],
    ['exactly what is available', balances(1_000_000n, 200_000n, 0n, 300_000n, 100_000n), 400_000n, balances(1_000_000n, 600_000n, 0n, 300_000n, 100_000n)],
    ['next to an open claim', balances(1_000n, 500n, 500n), 1n, balances(1_000n, 501n, 500n)],
  ])('%s', (_case, before, amount, after) => {
    expect(reserve(before, amount, 'EUR')).toEqual(after);
  });

  it.each<[FundBalances, bigint, string, string]>([
    [balances(123_450n), 123_451n, 'EUR', 'insufficient funds: €1,234.50 available'],
    [balances(1_000_000n, 500_000n, 0n, 200_000n, 176_550n), 200_000n, 'EUR', 'insufficient funds: €1,234.50 available'],
    [balances(2_200n, 1_000n), 1_201n, 'CHF', 'insufficient funds: CHF 12.00 available'],
    [balances(5_000n, 0n, 0n, 0n, 5_000n), 1n, 'USD', 'insufficient funds: $0.00 available'],
    [balances(1_001n), 2_000n, 'JPY', 'insufficient funds: JPY 1,001 available'],
  ])('%p + %p %s is refused: %s', (before, amount, currency, message) => {
    expect(conflictMessage(() => reserve(before, amount, currency))).toBe(message);
  });

  it('does not change its argument', () => {
    const before = balances(1_000n);
    reserve(before, 10n, 'EUR');
    expect(before).toEqual(balances(1_000n));
  });

  it.each([0n, -1n])('refuses a non-positive amount %p with RangeError', (amount) => {
    expect(() => reserve(balances(1_000n), amount, 'EUR')).toThrow(RangeError);
  });

  it('refuses balances that already break an invariant', () => {
    expect(conflictMessage(() => reserve(balances(100n, 50n, 60n), 1n, 'EUR'))).toMatch(/Open claims/);
  });
});

describe('releaseReservation', () => {
  it.each<[string, FundBalances, bigint, FundBalances]>([
    ['a whole reservation', balances(1_000n, 400n), 400n, balances(1_000n)],
    ['one of several', balances(1_000n, 400n, 100n), 300n, balances(1_000n, 100n, 100n)],
  ])('%s', (_case, before, amount, after) => {
    expect(releaseReservation(before, amount)).toEqual(after);
  });

  it.each<[FundBalances, bigint, string]>([
    [balances(1_000n, 400n), 401n, 'Cannot release 401 minor units: only 400 of the reservation is free of open claims.'],
    [balances(1_000n, 400n, 100n), 301n, 'Cannot release 301 minor units: only 300 of the reservation is free of open claims.'],
    [balances(1_000n), 1n, 'Cannot release 1 minor units: only 0 of the reservation is free of open claims.'],
  ])('%p − %p is a CONFLICT', (before, amount, message) => {
    expect(conflictMessage(() => releaseReservation(before, amount))).toBe(message);
  });

  it.each([0n, -5n])('refuses a non-positive amount %p', (amount) => {
    expect(() => releaseReservation(balances(1_000n, 400n), amount)).toThrow(RangeError);
  });
});

describe('submitClaim / withdrawClaim', () => {
  it.each<[string, FundBalances, bigint, FundBalances]>([
    ['a claim below its reservation', balances(1_000n, 400n), 300n, balances(1_000n, 400n, 300n)],
    ['a claim for the whole reservation', balances(1_000n, 400n), 400n, balances(1_000n, 400n, 400n)],
    ['a second claim on another request', balances(1_000n, 700n, 300n), 400n, balances(1_000n, 700n, 700n)],
  ])('submit: %s', (_case, before, amount, after) => {
    const submitted = submitClaim(before, amount);
    expect(submitted).toEqual(after);
    expect(availableMinor(submitted)).toBe(availableMinor(before)); // claiming does not touch available
    expect(withdrawClaim(submitted, amount)).toEqual(before);
  });

  it.each<[FundBalances, bigint, string]>([
    [balances(1_000n, 400n), 401n, 'Cannot claim 401 minor units: only 400 of the reservation is not claimed yet.'],
    [balances(1_000n, 400n, 300n), 101n, 'Cannot claim 101 minor units: only 100 of the reservation is not claimed yet.'],
    [balances(1_000n), 1n, 'Cannot claim 1 minor units: only 0 of the reservation is not claimed yet.'],
  ])('submit %p + %p is a CONFLICT', (before, amount, message) => {
    expect(conflictMessage(() => submitClaim(before, amount))).toBe(message);
  });

  it.each<[FundBalances, bigint, string]>([
    [balances(1_000n, 400n, 300n), 301n, 'Cannot withdraw a claim of 301 minor units: only 300 is claimed.'],
    [balances(1_000n, 400n), 1n, 'Cannot withdraw a claim of 1 minor units: only 0 is claimed.'],
  ])('withdraw %p − %p is a CONFLICT', (before, amount, message) => {
    expect(conflictMessage(() => withdrawClaim(before, amount))).toBe(message);
  });

  it.each([0n, -1n])('both refuse a non-positive amount %p', (amount) => {
    expect(() => submitClaim(balances(1_000n, 400n), amount)).toThrow(RangeError);
    expect(() => withdrawClaim(balances(1_000n, 400n, 400n), amount)).toThrow(RangeError);
  });
});

describe('approveClaim', () => {
  it.each<[string, FundBalances, [bigint, bigint, bigint], FundBalances, bigint]>([
    // [reservation X, claimed C, approved A]
    ['in full: X = C = A', balances(1_000_000n, 400_000n, 400_000n), [400_000n, 400_000n, 400_000n], balances(1_000_000n, 0n, 0n, 400_000n), 600_000n],
    ['claim below the reservation: X − C returns', balances(1_000_000n, 400_000n, 300_000n), [400_000n, 300_000n, 300_000n], balances(1_000_000n, 0n, 0n, 300_000n), 700_000n],
    ['partial: X − A returns to available', balances(1_000_000n, 400_000n, 300_000n), [400_000n, 300_000n, 123_457n], balances(1_000_000n, 0n, 0n, 123_457n), 876_543n],
    [
      'with other requests and claims on the fund',
      balances(1_000_000n, 700_000n, 500_000n, 100_000n, 50_000n),
      [400_000n, 300_000n, 250_000n],
      balances(1_000_000n, 300_000n, 200_000n, 350_000n, 50_000n),
      300_000n,
    ],
  ])('%s', (_case, before, [x, c, a], after, available) => {
    const result = approveClaim(before, { reservationMinor: x, claimedMinor: c, approvedMinor: a }, 'EUR');
    expect(result).toEqual(after);
    expect(availableMinor(result)).toBe(available);
    expect(availableMinor(result) - availableMinor(before)).toBe(x - a);
  });

  it.each<[string, FundBalances, [bigint, bigint, bigint], string, string]>([
    ['A > C', balances(1_000n, 400n, 300n), [400n, 300n, 301n], 'EUR', 'The approved amount €3.01 is more than the €3.00 claimed.'],
    ['C > X', balances(1_000n, 400n, 400n), [300n, 400n, 300n], 'EUR', 'The claimed amount €4.00 is more than the €3.00 reserved for the request.'],
    ['C above the open claims', balances(1_000n, 400n, 100n), [400n, 300n, 300n], 'EUR', 'The claim of €3.00 is more than the €1.00 of open claims on the fund.'],
    ['X above the reserved total', balances(1_000n, 300n, 300n, 200n), [400n, 300n, 300n], 'EUR', 'The reservation of €4.00 is more than the €3.00 reserved on the fund.'],
    ['JPY amounts in messages', balances(10_000n, 4_000n, 3_000n), [4_000n, 3_000n, 3_001n], 'JPY', 'The approved amount JPY 3,001 is more than the JPY 3,000 claimed.'],
  ])('refuses %s with CONFLICT', (_case, before, [x, c, a], currency, message) => {
    expect(conflictMessage(() => approveClaim(before, { reservationMinor: x, claimedMinor: c, approvedMinor: a }, currency))).toBe(message);
  });

  it('refuses when the other open claims would no longer fit in the remaining reservations', () => {
    // Two claims (300 + 300) on reservations of 400 + 300 … approving against a 400 reservation leaves 300 claimed in 300 reserved: fine.
    expect(approveClaim(balances(1_000n, 700n, 600n), { reservationMinor: 400n, claimedMinor: 300n, approvedMinor: 300n }, 'EUR')).toEqual(
      balances(1_000n, 300n, 300n, 300n),
    );
    // Inconsistent caller input: X = 500 would leave 300 claimed against 200 reserved.
    expect(conflictMessage(() => approveClaim(balances(1_000n, 700n, 600n), { reservationMinor: 500n, claimedMinor: 300n, approvedMinor: 300n }, 'EUR'))).toMatch(
      /Open claims \(300\) would exceed the reserved amount \(200\)/,
    );
  });

  it.each<[bigint, bigint, bigint]>([
    [0n, 300n, 300n],
    [400n, 0n, 0n],
    [400n, 300n, 0n],
    [400n, 300n, -1n],
  ])('refuses non-positive amounts X=%p C=%p A=%p with RangeError', (x, c, a) => {
    expect(() => approveClaim(balances(1_000n, 400n, 300n), { reservationMinor: x, claimedMinor: c, approvedMinor: a }, 'EUR')).toThrow(RangeError);
  });
});

describe('payClaim', () => {
  it.each<[FundBalances, bigint, FundBalances]>([
    [balances(1_000n, 0n, 0n, 300n), 300n, balances(1_000n, 0n, 0n, 0n, 300n)],
    [balances(1_000n, 100n, 50n, 500n, 200n), 300n, balances(1_000n, 100n, 50n, 200n, 500n)],
  ])('%p pay %p', (before, amount, after) => {
    const paid = payClaim(before, amount);
    expect(paid).toEqual(after);
    expect(availableMinor(paid)).toBe(availableMinor(before));
  });

  it('refuses to pay more than is approved', () => {
    expect(conflictMessage(() => payClaim(balances(1_000n, 0n, 0n, 300n), 301n))).toBe('Cannot pay 301 minor units: only 300 is approved and unpaid.');
  });

  it.each([0n, -1n])('refuses a non-positive amount %p', (amount) => {
    expect(() => payClaim(balances(1_000n, 0n, 0n, 300n), amount)).toThrow(RangeError);
  });
});

describe('setBudget', () => {
  it.each<[string, FundBalances, bigint, FundBalances]>([
    ['raise', balances(1_000n, 400n), 2_000n, balances(2_000n, 400n)],
    ['lower to exactly the committed amount', balances(1_000n, 400n, 100n, 300n, 200n), 900n, balances(900n, 400n, 100n, 300n, 200n)],
    ['to zero on an unused fund', balances(1_000n), 0n, balances(0n)],
    ['unchanged', balances(1_000n, 1_000n), 1_000n, balances(1_000n, 1_000n)],
  ])('%s', (_case, before, budget, after) => {
    expect(setBudget(before, budget, 'EUR')).toEqual(after);
  });

  it.each<[FundBalances, bigint, string, string]>([
    [balances(200_000n, 100_000n, 0n, 23_450n, 0n), 123_449n, 'EUR', 'The budget cannot be lower than €1,234.50, the amount already reserved, approved or paid.'],
    [balances(1_000n, 0n, 0n, 0n, 1n), 0n, 'USD', 'The budget cannot be lower than $0.01, the amount already reserved, approved or paid.'],
    [balances(5_000n, 2_000n), 1_999n, 'JPY', 'The budget cannot be lower than JPY 2,000, the amount already reserved, approved or paid.'],
  ])('%p → %p %s is a CONFLICT', (before, budget, currency, message) => {
    expect(conflictMessage(() => setBudget(before, budget, currency))).toBe(message);
  });

  it('refuses a negative budget with RangeError', () => {
    expect(() => setBudget(balances(1_000n), -1n, 'EUR')).toThrow(RangeError);
  });
});

describe('the whole life of one request', () => {
  it('reserve → claim → reject → claim again → approve partially → pay', () => {
    let b = emptyBalances(1_000_000n); // €10,000.00
    b = reserve(b, 400_000n, 'EUR');
    expect(availableMinor(b)).toBe(600_000n);
    b = submitClaim(b, 350_000n);
    b = withdrawClaim(b, 350_000n); // rejected: the request stays approved
    expect(b).toEqual(balances(1_000_000n, 400_000n));
    b = submitClaim(b, 380_000n);
    b = approveClaim(b, { reservationMinor: 400_000n, claimedMinor: 380_000n, approvedMinor: 300_000n }, 'EUR');
    expect(b).toEqual(balances(1_000_000n, 0n, 0n, 300_000n));
    expect(availableMinor(b)).toBe(700_000n);
    b = payClaim(b, 300_000n);
    expect(b).toEqual(balances(1_000_000n, 0n, 0n, 0n, 300_000n));
    expect(conflictMessage(() => reserve(b, 700_001n, 'EUR'))).toBe('insufficient funds: €7,000.00 available');
  });
});

// A model of the fund: open requests with their reservation and optional open claim.
type Op =
  | { kind: 'reserve'; amount: bigint }
  | { kind: 'release'; index: number }
  | { kind: 'submit'; index: number; percent: number }
  | { kind: 'reject'; index: number }
  | { kind: 'approve'; index: number; percent: number }
  | { kind: 'pay'; index: number }
  | { kind: 'budget'; amount: bigint }
  | { kind: 'raw'; column: number; amount: bigint };

const amountArb = fc.bigInt({ min: 1n, max: 2_000_000n });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('reserve' as const), amount: amountArb }),
  fc.record({ kind: fc.constant('release' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('submit' as const), index: fc.nat(20), percent: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('reject' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('approve' as const), index: fc.nat(20), percent: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('pay' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('budget' as const), amount: fc.bigInt({ min: 0n, max: 5_000_000n }) }),
  // Arbitrary, possibly inconsistent calls straight at the balance functions.
  fc.record({ kind: fc.constant('raw' as const), column: fc.nat(4), amount: fc.bigInt({ min: 1n, max: 2_000_000n }) }),
);

function checkInvariants(b: FundBalances): void {
  for (const column of BALANCE_COLUMNS) expect(b[column] >= 0n).toBe(true);
  expect(availableMinor(b) >= 0n).toBe(true);
  expect(b.claimedMinor <= b.reservedMinor).toBe(true);
  expect(b.budgetMinor).toBe(availableMinor(b) + b.reservedMinor + b.approvedMinor + b.paidMinor);
}

describe('properties over random sequences of operations', () => {
  it('no column goes negative, available stays ≥ 0, budget = available + reserved + approved + paid, paid only grows, and refusals change nothing', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 3_000_000n }), fc.array(opArb, { maxLength: 60 }), (budget, ops) => {
        let b = emptyBalances(budget);
        const requests: { reserved: bigint; claim: bigint | null }[] = [];
        const approvedClaims: bigint[] = [];
        for (const op of ops) {
          const before = b;
          const snapshot = { ...b };
          try {
            switch (op.kind) {
              case 'reserve':
                b = reserve(b, op.amount, 'EUR');
                requests.push({ reserved: op.amount, claim: null });
                break;
              case 'release': {
                const request = requests[op.index % Math.max(requests.length, 1)];
                if (!request || request.claim !== null) break;
                b = releaseReservation(b, request.reserved);
                requests.splice(requests.indexOf(request), 1);
                break;
              }
              case 'submit': {
                const request = requests[op.index % Math.max(requests.length, 1)];
                if (!request || request.claim !== null) break;
                const claim = (request.reserved * BigInt(op.percent)) / 100n;
                if (claim <= 0n) break;
                b = submitClaim(b, claim); // above 100 % of the reservation it must be refused
                request.claim = claim;
                break;
              }
              case 'reject': {
                const request = requests[op.index % Math.max(requests.length, 1)];
                if (!request || request.claim === null) break;
                b = withdrawClaim(b, request.claim);
                request.claim = null;
                break;
              }
              case 'approve': {
                const request = requests[op.index % Math.max(requests.length, 1)];
                if (!request || request.claim === null) break;
                const approved = (request.claim * BigInt(op.percent)) / 100n;
                if (approved <= 0n) break;
                b = approveClaim(b, { reservationMinor: request.reserved, claimedMinor: request.claim, approvedMinor: approved }, 'EUR');
                requests.splice(requests.indexOf(request), 1);
                approvedClaims.push(approved);
                break;
              }
              case 'pay': {
                const amount = approvedClaims[op.index % Math.max(approvedClaims.length, 1)];
                if (amount === undefined) break;
                b = payClaim(b, amount);
                approvedClaims.splice(approvedClaims.indexOf(amount), 1);
                break;
              }
              case 'budget':
                b = setBudget(b, op.amount, 'EUR');
                break;
              case 'raw': {
                const call = [
                  () => reserve(b, op.amount, 'EUR'),
                  () => releaseReservation(b, op.amount),
                  () => submitClaim(b, op.amount),
                  () => withdrawClaim(b, op.amount),
                  () => payClaim(b, op.amount),
                ][op.column]!;
                b = call();
                // Raw calls desynchronise the model, so the model is dropped from here on.
                requests.length = 0;
                approvedClaims.length = 0;
                break;
              }
            }
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('CONFLICT');
            expect(b).toBe(before);
          }
          expect(before).toEqual(snapshot); // pure: the old balances are never mutated
          checkInvariants(b);
          expect(b.paidMinor >= before.paidMinor).toBe(true);
        }
        // The model agrees with the balances while it is in sync.
        if (ops.every((op) => op.kind !== 'raw')) {
          expect(b.reservedMinor).toBe(requests.reduce((sum, r) => sum + r.reserved, 0n));
          expect(b.claimedMinor).toBe(requests.reduce((sum, r) => sum + (r.claim ?? 0n), 0n));
          expect(b.approvedMinor).toBe(approvedClaims.reduce((sum, a) => sum + a, 0n));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reserve fits exactly when the amount ≤ available, and the message gives the available amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), amountArb, (budget, reserved, amount) => {
        const b = balances(budget + reserved, reserved);
        if (amount <= budget) {
          expect(availableMinor(reserve(b, amount, 'EUR'))).toBe(budget - amount);
        } else {
          expect(conflictMessage(() => reserve(b, amount, 'EUR'))).toBe(`insufficient funds: ${formatEur(budget)} available`);
        }
      }),
    );
  });

  it('setBudget succeeds exactly when the new budget covers the committed amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 4n * 10n ** 9n }), (r, a, p, budget) => {
        const b = balances(r + a + p, r, 0n, a, p);
        if (budget >= r + a + p) expect(availableMinor(setBudget(b, budget, 'EUR'))).toBe(budget - r - a - p);
        else expect(() => setBudget(b, budget, 'EUR')).toThrow(DomainError);
      }),
    );
  });
});

function formatEur(minor: bigint): string {
  const whole = (minor / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  return `€${whole}.${(minor % 100n).toString().padStart(2, '0')}`;
}
