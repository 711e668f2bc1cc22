import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import { decideTierChange, demotionDue, MAX_GRACE_DAYS, MS_PER_DAY, type PendingDemotion, type TierDecision } from '../tier-change';
import { evaluateQualification } from '../tier-qualification';
import type { MetricsSnapshot } from '../tier-model';
import { LADDER, ladderArb, metricsArb } from './tier-test-data';

const NOW = new Date('2025-03-30T00:30:00.000Z'); // the night EU clocks change: UTC days must still be 24 h
const REGISTERED: MetricsSnapshot = {};
const SILVER: MetricsSnapshot = { WON_DEALS: '5', CERTIFIED_PEOPLE: '2' };
const GOLD: MetricsSnapshot = { WON_DEALS: '20', CERTIFIED_PEOPLE: '5', T12M_ARR_SOLD: '500000' };
const PLATINUM: MetricsSnapshot = { WON_DEALS: '50', CERTIFIED_PEOPLE: '10', T12M_ARR_SOLD: '1500000', NRR_PCT: '96' };
const PENDING: PendingDemotion = { toRank: 1, proposedAt: new Date('2025-03-01T00:00:00Z') };

describe('decideTierChange', () => {
  it.each<[string, number, MetricsSnapshot, PendingDemotion | null, number, TierDecision]>([
    ['steady, nothing pending', 1, SILVER, null, 30, { kind: 'NONE' }],
    ['steady at the bottom', 0, REGISTERED, null, 30, { kind: 'NONE' }],
    ['steady at the top', 3, PLATINUM, null, 30, { kind: 'NONE' }],
    ['promote one step', 1, GOLD, null, 30, { kind: 'PROMOTE', toRank: 2 }],
    ['promote skipping tiers', 0, PLATINUM, null, 30, { kind: 'PROMOTE', toRank: 3 }],
    ['promote wins over a pending demotion', 2, PLATINUM, PENDING, 30, { kind: 'PROMOTE', toRank: 3 }],
    [
      'demote one step after 30 days',
      2,
      SILVER,
      null,
      30,
      { kind: 'DEMOTE', toRank: 1, effectiveAfter: new Date('2025-04-29T00:30:00.000Z') },
    ],
    [
      'demote several steps',
      3,
      REGISTERED,
      null,
      14,
      { kind: 'DEMOTE', toRank: 0, effectiveAfter: new Date('2025-04-13T00:30:00.000Z') },
    ],
    ['demote with no grace is effective now', 1, REGISTERED, null, 0, { kind: 'DEMOTE', toRank: 0, effectiveAfter: NOW }],
    ['still below with a pending demotion', 2, SILVER, PENDING, 30, { kind: 'KEEP_PENDING_DEMOTION' }],
    ['fell further while pending: keep the existing one', 2, REGISTERED, PENDING, 30, { kind: 'KEEP_PENDING_DEMOTION' }],
    ['recovered while pending', 2, GOLD, PENDING, 30, { kind: 'CANCEL_PENDING_DEMOTION' }],
  ])('%s', (_label, currentRank, metrics, pendingDemotion, graceDays, expected) => {
    expect(decideTierChange({ tiers: LADDER, currentRank, metrics, pendingDemotion, graceDays, now: NOW })).toEqual(expected);
  });

  it.each<[string, Partial<Parameters<typeof decideTierChange>[0]>, string]>([
    ['negative grace', { graceDays: -1 }, 'graceDays'],
    ['fractional grace', { graceDays: 1.5 }, 'graceDays'],
    ['grace too long', { graceDays: MAX_GRACE_DAYS + 1 }, 'graceDays'],
    ['invalid now', { now: new Date(Number.NaN) }, 'now'],
    ['rank not on ladder', { currentRank: 4 }, 'currentRank'],
    ['negative rank', { currentRank: -1 }, 'currentRank'],
  ])('rejects %s', (_label, override, field) => {
    const input = { tiers: LADDER, currentRank: 1, metrics: SILVER, pendingDemotion: null, graceDays: 30, now: NOW, ...override };
    try {
      decideTierChange(input);
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(Object.keys((error as DomainError).fields ?? {})).toEqual([field]);
    }
  });

  it('accepts the maximum grace period', () => {
    const decision = decideTierChange({
      tiers: LADDER, currentRank: 1, metrics: REGISTERED, pendingDemotion: null, graceDays: MAX_GRACE_DAYS, now: NOW,
    });
    expect(decision.kind === 'DEMOTE' && decision.effectiveAfter.getTime() - NOW.getTime()).toBe(MAX_GRACE_DAYS * MS_PER_DAY);
  });

  const scenario = ladderArb.chain((tiers) =>
    fc.record({
      tiers: fc.constant(tiers),
      currentRank: fc.integer({ min: 0, max: tiers.length - 1 }),
      metrics: metricsArb,
      pendingDemotion: fc.option(
        fc.record({
          toRank: fc.integer({ min: 0, max: tiers.length - 1 }),
          proposedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        }),
        { nil: null },
      ),
      graceDays: fc.integer({ min: 0, max: MAX_GRACE_DAYS }),
      now: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
    }),
  );

  it('never proposes the current rank, and moves towards the qualified rank', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const decision = decideTierChange(input);
        const qualified = evaluateQualification(input.tiers, input.metrics).qualifiedTier.rank;
        switch (decision.kind) {
          case 'PROMOTE':
            expect(decision.toRank).toBe(qualified);
            expect(decision.toRank).toBeGreaterThan(input.currentRank);
            break;
          case 'DEMOTE':
            expect(decision.toRank).toBe(qualified);
            expect(decision.toRank).toBeLessThan(input.currentRank);
            expect(input.pendingDemotion).toBeNull();
            break;
          case 'KEEP_PENDING_DEMOTION':
            expect(qualified).toBeLessThan(input.currentRank);
            expect(input.pendingDemotion).not.toBeNull();
            break;
          case 'CANCEL_PENDING_DEMOTION':
            expect(qualified).toBe(input.currentRank);
            expect(input.pendingDemotion).not.toBeNull();
            break;
          case 'NONE':
            expect(qualified).toBe(input.currentRank);
            expect(input.pendingDemotion).toBeNull();
            break;
        }
      }),
    );
  });

  it('DEMOTE takes effect exactly graceDays × 24 h after now', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const decision = decideTierChange({ ...input, pendingDemotion: null });
        if (decision.kind === 'DEMOTE') {
          expect(decision.effectiveAfter.getTime() - input.now.getTime()).toBe(input.graceDays * MS_PER_DAY);
          expect(demotionDue(decision.effectiveAfter, input.now)).toBe(input.graceDays === 0);
          expect(demotionDue(decision.effectiveAfter, decision.effectiveAfter)).toBe(true);
        }
      }),
    );
  });
});

describe('demotionDue', () => {
  const effectiveAfter = new Date('2025-04-29T00:30:00.000Z');
  it.each([
    ['2025-04-29T00:29:59.999Z', false],
    ['2025-04-29T00:30:00.000Z', true],
    ['2025-04-29T00:30:00.001Z', true],
    ['2025-01-01T00:00:00.000Z', false],
    ['2026-01-01T00:00:00.000Z', true],
  ])('at %s → %p', (now, expected) => {
    expect(demotionDue(effectiveAfter, new Date(now))).toBe(expected);
  });

  it('rejects invalid dates', () => {
    expect(() => demotionDue(new Date(Number.NaN), NOW)).toThrow(DomainError);
    expect(() => demotionDue(NOW, new Date('nope'))).toThrow(DomainError);
  });
});
