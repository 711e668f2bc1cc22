import fc from 'fast-check';
import { applyPercent, type Percent, PERCENT_UNITS_PER_HUNDRED } from '@prm/domain/money';
import { type AccrualLine, bookLine, clawbackLine, clawbacksFor, isWithinClawbackWindow } from '../clawbacks';
import { expectError, pct, sum } from './helpers';

function line(sourceId: string, rule: string, baseMinor: bigint | null, rate: Percent | null, amountMinor?: bigint): AccrualLine {
  return {
    sourceType: 'DEAL',
    sourceId,
    rule,
    unit: 'EUR',
    baseMinor,
    ratePct: rate,
    amountMinor: amountMinor ?? applyPercent(baseMinor as bigint, rate as Percent),
    reason: null,
    reverses: null,
    periodKey: '2026-Q1',
  };
}

describe('clawbackLine', () => {
  it.each<[string, bigint, string, bigint]>([
    ['EUR 1,234.50 at 12.5 % (154.3125 → 154.31)', 123_450n, '12.5', -15_431n],
    ['EUR 0.05 at 10 % (half a cent → 0.01, mirrored −0.01)', 5n, '10', -1n],
    ['JPY 1,001 at 7.5 %', 1_001n, '7.5', -75n],
    ['KWD 10.000 at 3.3333 %', 10_000n, '3.3333', -333n],
  ])('mirrors a percentage line: %s', (_case, base, rate, expected) => {
    const original = line('d1', 'SPIF/PERCENT', base, pct(rate));
    const clawback = clawbackLine(original, 'Deal reversed');
    expect(clawback).toEqual({ ...original, baseMinor: -base, amountMinor: expected, reason: 'Deal reversed', reverses: 'SPIF/PERCENT' });
    expect(clawback.amountMinor).toBe(applyPercent(-base, pct(rate)));
  });

  it('mirrors a fixed line and a capped partial line by their amounts', () => {
    expect(clawbackLine(line('d1', 'SPIF/FIXED', null, null, 25_000n), 'Deal reversed').amountMinor).toBe(-25_000n);
    // The rule gave 200.00 but the rep cap left 100.00: the clawback takes back what was accrued.
    const capped = line('d2', 'SPIF/PERCENT', 1_000_000n, pct('2'), 10_000n);
    expect(clawbackLine(capped, 'Deal reversed')).toMatchObject({ baseMinor: -1_000_000n, amountMinor: -10_000n });
  });

  it('needs a reason and refuses to claw back a clawback', () => {
    expectError(() => clawbackLine(line('d1', 'R', 100n, pct('1')), '  '), 'BAD_USER_INPUT', /needs a reason/);
    const clawback = clawbackLine(line('d1', 'R', 100n, pct('1')), 'Reversed');
    expectError(() => clawbackLine(clawback, 'Again'), 'CONFLICT');
  });

  it('property: original + clawback = 0, and the clawback equals applyPercent(−base, rate)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED }), (base, rate) => {
        const original = line('d', 'R', base, rate as Percent);
        const clawback = clawbackLine(original, 'Churned');
        expect(original.amountMinor + clawback.amountMinor).toBe(0n);
        expect(clawback.amountMinor).toBe(applyPercent(-base, rate as Percent));
      }),
    );
  });
});

describe('clawbacksFor', () => {
  const lines = [line('d1', 'SPIF', 100_000n, pct('5')), line('d1', 'REBATE', 100_000n, pct('2')), line('d2', 'SPIF', 50_000n, pct('5')), { ...line('c1', 'REFERRAL', 1_000n, pct('10')), sourceType: 'SUBSCRIPTION' }];

  it('reverses every line of a reversed source once', () => {
    const clawbacks = clawbacksFor(lines, [{ sourceType: 'DEAL', sourceId: 'd1', reason: 'Deal d1 reversed' }]);
    expect(clawbacks.map((c) => [c.sourceId, c.reverses, c.amountMinor, c.reason])).toEqual([
      ['d1', 'SPIF', -5_000n, 'Deal d1 reversed'],
      ['d1', 'REBATE', -2_000n, 'Deal d1 reversed'],
    ]);
    // Idempotent: with the clawbacks recorded, asking again adds nothing.
    expect(clawbacksFor([...lines, ...clawbacks], [{ sourceType: 'DEAL', sourceId: 'd1', reason: 'Deal d1 reversed' }])).toEqual([]);
  });

  it('matches on source type as well as id, and ignores unknown sources', () => {
    expect(clawbacksFor(lines, [{ sourceType: 'DEAL', sourceId: 'c1', reason: 'x' }])).toEqual([]);
    expect(clawbacksFor(lines, [{ sourceType: 'SUBSCRIPTION', sourceId: 'c1', reason: 'Churned within 30 days' }]).map((c) => c.amountMinor)).toEqual([-100n]);
    expect(clawbacksFor(lines, [{ sourceType: 'DEAL', sourceId: 'nope', reason: 'x' }])).toEqual([]);
  });

  it('a reversal listed twice still claws back once', () => {
    const reversal = { sourceType: 'DEAL', sourceId: 'd2', reason: 'Reversed' };
    expect(clawbacksFor(lines, [reversal, reversal])).toHaveLength(1);
  });

  it('property: after clawing back every source the lines sum to zero', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('d1', 'd2', 'd3'), fc.constantFrom('A', 'B'), fc.bigInt({ min: 0n, max: 10n ** 9n })), { maxLength: 15 }), (raw) => {
        const seen = new Set<string>();
        const accrued = raw.filter(([id, rule]) => !seen.has(id + rule) && seen.add(id + rule)).map(([id, rule, base]) => line(id, rule, base, pct('7.5')));
        const clawbacks = clawbacksFor(accrued, ['d1', 'd2', 'd3'].map((sourceId) => ({ sourceType: 'DEAL', sourceId, reason: 'Reversed' })));
        expect(sum([...accrued, ...clawbacks].map((l) => l.amountMinor))).toBe(0n);
      }),
    );
  });
});

describe('isWithinClawbackWindow', () => {
  it.each<[string, string, number, boolean]>([
    ['2026-01-01', '2026-01-01', 30, true], // churned the same day
    ['2026-01-01', '2026-01-31', 30, true], // day 30
    ['2026-01-01', '2026-02-01', 30, false], // day 31
    ['2026-01-01', '2026-01-01', 0, true],
    ['2026-01-01', '2026-01-02', 0, false],
    ['2026-01-10', '2026-01-09', 30, false], // churn before the qualifying event is not a clawback
    ['2024-02-01', '2024-03-01', 29, true], // leap February
  ])('qualified %s, churned %s, window %p days → %p', (qualifiedOn, churnedOn, days, expected) => {
    expect(isWithinClawbackWindow(qualifiedOn, churnedOn, days)).toBe(expected);
  });

  it('refuses a negative or fractional window', () => {
    expectError(() => isWithinClawbackWindow('2026-01-01', '2026-01-02', -1), 'BAD_USER_INPUT');
    expectError(() => isWithinClawbackWindow('2026-01-01', '2026-01-02', 1.5), 'BAD_USER_INPUT');
  });
});

describe('bookLine (late events)', () => {
  const accrued = { ...line('d9', 'SPIF', 100_000n, pct('5')), periodKey: null };
  it.each<[string, string[], string, string | null]>([
    ['2026-03-15', [], '2026-Q1', null],
    ['2026-03-15', ['2026-Q1'], '2026-Q2', 'Late event for closed period 2026-Q1.'],
    ['2026-03-15', ['2026-Q1', '2026-Q2'], '2026-Q3', 'Late event for closed period 2026-Q1.'],
    ['2026-04-15', ['2026-Q1'], '2026-Q2', null],
  ])('an event on %s with %p closed → %s', (eventOn, closed, periodKey, reason) => {
    const booked = bookLine(accrued, eventOn, 'QUARTER', closed);
    expect(booked).toEqual({ ...accrued, periodKey, reason });
  });

  it('keeps an existing reason, so a late clawback says both', () => {
    const clawback = clawbackLine(line('d1', 'SPIF', 100_000n, pct('5')), 'Deal reversed.');
    expect(bookLine(clawback, '2026-01-20', 'MONTH', ['2026-01']).reason).toBe('Deal reversed. Late event for closed period 2026-01.');
    expect(bookLine(clawback, '2026-01-20', 'MONTH', ['2026-01']).periodKey).toBe('2026-02');
  });
});
