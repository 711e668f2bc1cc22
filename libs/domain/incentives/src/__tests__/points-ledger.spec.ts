import fc from 'fast-check';
import { addDays } from '@prm/domain/revenue';
import { applyRedemption, DEFAULT_POINTS_EXPIRY_MONTHS, entryLegs, expirePoints, openLots, type PointsEntry, pointsBalance, redemptionAges } from '../points-ledger';
import { expectError, sum } from './helpers';

const entry = (id: string, kind: PointsEntry['kind'], points: bigint, on: string): PointsEntry => ({ id, kind, points, on });

const LEDGER = [
  entry('e1', 'EARN', 1_000n, '2024-01-10'),
  entry('e2', 'EARN', 500n, '2024-06-01'),
  entry('r1', 'REDEEM', -300n, '2024-07-01'),
  entry('a1', 'ADJUST', -100n, '2025-01-01'),
  entry('e3', 'EARN', 200n, '2025-12-01'),
];

describe('entryLegs', () => {
  it.each<[PointsEntry, string]>([
    [entry('e', 'EARN', 10n, '2026-01-01'), 'ISSUED'],
    [entry('r', 'REDEEM', -10n, '2026-01-01'), 'REDEEMED'],
    [entry('x', 'EXPIRE', -10n, '2026-01-01'), 'EXPIRED'],
    [entry('a', 'ADJUST', 10n, '2026-01-01'), 'ADJUSTMENTS'],
    [entry('a', 'ADJUST', -10n, '2026-01-01'), 'ADJUSTMENTS'],
  ])('%p has a wallet leg and a %s leg summing to zero', (e, counter) => {
    const legs = entryLegs(e);
    expect(legs).toEqual([
      { account: 'WALLET', points: e.points },
      { account: counter, points: -e.points },
    ]);
    expect(sum(legs.map((leg) => leg.points))).toBe(0n);
  });

  it.each<[PointsEntry]>([
    [entry('e', 'EARN', -1n, '2026-01-01')],
    [entry('e', 'EARN', 0n, '2026-01-01')],
    [entry('r', 'REDEEM', 5n, '2026-01-01')],
    [entry('x', 'EXPIRE', 5n, '2026-01-01')],
    [entry('a', 'ADJUST', 0n, '2026-01-01')],
    [entry('g', 'GIFT' as PointsEntry['kind'], 5n, '2026-01-01')],
    [entry('e', 'EARN', 5n, 'yesterday')],
  ])('refuses %p', (e) => {
    expectError(() => entryLegs(e), 'BAD_USER_INPUT');
  });
});

describe('pointsBalance', () => {
  it.each<[string, PointsEntry[], bigint]>([
    ['an empty ledger', [], 0n],
    ['the sample ledger', LEDGER, 1_300n],
    ['a full redemption', [entry('e', 'EARN', 10n, '2026-01-01'), entry('r', 'REDEEM', -10n, '2026-01-02')], 0n],
    ['a positive adjustment', [entry('a', 'ADJUST', 25n, '2026-01-01')], 25n],
  ])('%s → %p', (_case, entries, balance) => {
    expect(pointsBalance(entries)).toBe(balance);
  });

  it('refuses a ledger whose running balance goes below zero (CONFLICT)', () => {
    expectError(() => pointsBalance([entry('e', 'EARN', 100n, '2026-01-01'), entry('r', 'REDEEM', -150n, '2026-01-02')]), 'CONFLICT', /Entry r would take the points balance below zero/);
    expectError(() => pointsBalance([entry('r', 'REDEEM', -1n, '2026-01-01'), entry('e', 'EARN', 100n, '2026-01-02')]), 'CONFLICT');
  });
});

describe('applyRedemption', () => {
  it.each<[bigint, bigint, bigint]>([
    [1_000n, 300n, 700n],
    [300n, 300n, 0n], // exactly the balance
    [1n, 1n, 0n],
  ])('balance %p − %p = %p', (balance, points, after) => {
    expect(applyRedemption(balance, points)).toBe(after);
  });

  it.each<[bigint, bigint, 'CONFLICT' | 'BAD_USER_INPUT']>([
    [299n, 300n, 'CONFLICT'],
    [0n, 1n, 'CONFLICT'],
    [100n, 0n, 'BAD_USER_INPUT'],
    [100n, -5n, 'BAD_USER_INPUT'],
    [-1n, 1n, 'BAD_USER_INPUT'],
  ])('balance %p, redeem %p → %s', (balance, points, code) => {
    expectError(() => applyRedemption(balance, points), code);
  });

  it('says what was asked and what was there', () => {
    expectError(() => applyRedemption(299n, 300n), 'CONFLICT', /^Cannot redeem 300 points with a balance of 299\.$/);
  });
});

describe('expirePoints (FIFO)', () => {
  it.each<[string, [string, bigint][]]>([
    ['2026-01-09', []], // e1 is 24 months old only tomorrow
    ['2026-01-10', [['e1', -600n]]], // 1,000 − 300 redeemed − 100 adjusted, oldest first
    ['2026-06-01', [['e1', -600n], ['e2', -500n]]],
    ['2027-12-01', [['e1', -600n], ['e2', -500n], ['e3', -200n]]],
  ])('on %s', (asOf, expected) => {
    const expiries = expirePoints(LEDGER, asOf);
    expect(expiries.map((e) => [e.lotId, e.points])).toEqual(expected);
    expect(expiries.every((e) => e.kind === 'EXPIRE' && e.on === asOf && e.id === `expire:${e.lotId}`)).toBe(true);
  });

  it('is idempotent: once the expiries are recorded nothing more expires that day', () => {
    const first = expirePoints(LEDGER, '2026-06-01');
    const after = [...LEDGER, ...first];
    expect(expirePoints(after, '2026-06-01')).toEqual([]);
    expect(pointsBalance(after)).toBe(200n);
    expect(openLots(after).map((lot) => [lot.id, lot.left])).toEqual([['e3', 200n]]);
  });

  it('honours another policy length', () => {
    expect(expirePoints(LEDGER, '2025-01-10', 12).map((e) => [e.lotId, e.points])).toEqual([['e1', -600n]]);
    expect(DEFAULT_POINTS_EXPIRY_MONTHS).toBe(24);
  });

  it('treats a positive adjustment as a lot of its own', () => {
    const ledger = [entry('a1', 'ADJUST', 40n, '2024-01-01'), entry('e1', 'EARN', 10n, '2025-01-01')];
    expect(expirePoints(ledger, '2026-01-01').map((e) => [e.lotId, e.points])).toEqual([['a1', -40n]]);
  });

  it('refuses a bad policy or date, and a corrupt ledger', () => {
    expectError(() => expirePoints(LEDGER, '2026-01-01', 0), 'BAD_USER_INPUT');
    expectError(() => expirePoints(LEDGER, 'tomorrow'), 'BAD_USER_INPUT');
    expectError(() => expirePoints([entry('r', 'REDEEM', -1n, '2026-01-01')], '2026-01-01'), 'CONFLICT');
  });
});

describe('redemptionAges', () => {
  it('splits a redemption over the lots it used, oldest first', () => {
    const ledger = [entry('e1', 'EARN', 100n, '2026-01-01'), entry('r1', 'REDEEM', -60n, '2026-01-11'), entry('e2', 'EARN', 100n, '2026-02-01'), entry('r2', 'REDEEM', -100n, '2026-03-03')];
    expect(redemptionAges(ledger)).toEqual([
      { redeemId: 'r1', lotId: 'e1', points: 60n, days: 10 },
      { redeemId: 'r2', lotId: 'e1', points: 40n, days: 61 },
      { redeemId: 'r2', lotId: 'e2', points: 60n, days: 30 },
    ]);
  });
});

describe('ledger properties', () => {
  // A random run of earns, redemption attempts (through applyRedemption) and expiry runs, 1–40 days apart.
  const steps = fc.array(
    fc.record({ kind: fc.constantFrom('EARN', 'REDEEM', 'EXPIRE', 'ADJUST'), points: fc.bigInt({ min: 1n, max: 5_000n }), gap: fc.integer({ min: 1, max: 40 }), up: fc.boolean() }),
    { maxLength: 60 },
  );

  function run(raw: { kind: string; points: bigint; gap: number; up: boolean }[], months: number): { ledger: PointsEntry[]; earned: bigint; spent: bigint; expired: bigint } {
    const ledger: PointsEntry[] = [];
    let day = '2024-01-01';
    let earned = 0n;
    let spent = 0n;
    let expired = 0n;
    raw.forEach((step, i) => {
      day = addDays(day, step.gap);
      const balance = pointsBalance(ledger);
      if (step.kind === 'EARN' || (step.kind === 'ADJUST' && step.up)) {
        ledger.push(entry(`s${i}`, step.kind === 'EARN' ? 'EARN' : 'ADJUST', step.points, day));
        earned += step.points;
      } else if (step.kind === 'REDEEM' || step.kind === 'ADJUST') {
        if (step.points > balance) {
          expectError(() => applyRedemption(balance, step.points), 'CONFLICT');
          return;
        }
        applyRedemption(balance, step.points);
        ledger.push(entry(`s${i}`, step.kind === 'REDEEM' ? 'REDEEM' : 'ADJUST', -step.points, day));
        spent += step.points;
      } else {
        const expiries = expirePoints(ledger, day, months);
        expired += -sum(expiries.map((e) => e.points));
        ledger.push(...expiries);
      }
    });
    return { ledger, earned, spent, expired };
  }

  it('the balance never goes negative and equals earned − spent − expired', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 24 }), (raw, months) => {
        const { ledger, earned, spent, expired } = run(raw, months);
        let balance = 0n;
        for (const e of ledger) {
          balance += e.points;
          expect(balance >= 0n).toBe(true);
        }
        expect(pointsBalance(ledger)).toBe(earned - spent - expired);
      }),
    );
  });

  it('expiry never takes more than was earned and unspent, and running it twice adds nothing', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 2000 }), (raw, months, later) => {
        const { ledger } = run(raw, months);
        const asOf = addDays('2024-01-01', later + 2400);
        const expiries = expirePoints(ledger, asOf, months);
        expect(-sum(expiries.map((e) => e.points)) <= pointsBalance(ledger)).toBe(true);
        expect(expiries.every((e) => e.points < 0n)).toBe(true);
        const after = [...ledger, ...expiries];
        expect(pointsBalance(after) >= 0n).toBe(true);
        expect(expirePoints(after, asOf, months)).toEqual([]);
      }),
    );
  });

  it('every leg pair sums to zero, so the ledger as a whole balances', () => {
    fc.assert(
      fc.property(steps, (raw) => {
        const { ledger } = run(raw, 24);
        expect(sum(ledger.flatMap(entryLegs).map((leg) => leg.points))).toBe(0n);
      }),
    );
  });
});
