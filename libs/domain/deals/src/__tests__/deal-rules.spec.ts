import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import {
  assertMeetsMinimum,
  type DealRules,
  DEFAULT_DEAL_RULES,
  extendedProtectionEnd,
  firstYearValueMinor,
  protectionEndsAt,
  reviewDueAt,
} from '../deal-rules';

const DAY = 86_400_000;
const at = (iso: string): Date => new Date(iso);
const rules = (override: Partial<DealRules>): DealRules => ({ ...DEFAULT_DEAL_RULES, ...override });
const EUR_5000 = rules({ minimumValueMinor: 500_000n, minimumValueCurrency: 'EUR' });
const MINIMUM_MESSAGE = 'This program registers deals from EUR 5000.00 in first-year value (MRR × 12 + one-time).';
const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('DEFAULT_DEAL_RULES', () => {
  it('holds the documented defaults', () => {
    expect(DEFAULT_DEAL_RULES).toEqual({
      protectionDays: 90,
      maxExtensions: 1,
      extensionDays: 30,
      reviewSlaBusinessDays: 2,
      minimumValueMinor: 0n,
      minimumValueCurrency: 'EUR',
      allowHouseAccounts: false,
      reminderDays: [14, 3],
    });
  });

  it('is frozen, reminder list included, so no caller can change the defaults for everyone', () => {
    expect(Object.isFrozen(DEFAULT_DEAL_RULES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_DEAL_RULES.reminderDays)).toBe(true);
    expect(() => {
      (DEFAULT_DEAL_RULES as { protectionDays: number }).protectionDays = 1;
    }).toThrow(TypeError);
    expect(() => (DEFAULT_DEAL_RULES.reminderDays as number[]).push(1)).toThrow(TypeError);
    expect(DEFAULT_DEAL_RULES.protectionDays).toBe(90);
  });
});

describe('reviewDueAt', () => {
  it.each<[string, DealRules, string, string]>([
    ['default SLA, Thursday 15:00 → Monday 15:00', DEFAULT_DEAL_RULES, '2025-01-02T15:00:00.000Z', '2025-01-06T15:00:00.000Z'],
    ['default SLA, Monday 09:00 → Wednesday 09:00', DEFAULT_DEAL_RULES, '2025-01-06T09:00:00.000Z', '2025-01-08T09:00:00.000Z'],
    ['default SLA, sent on Saturday → Wednesday 00:00', DEFAULT_DEAL_RULES, '2025-01-04T20:00:00.000Z', '2025-01-08T00:00:00.000Z'],
    ['default SLA, Friday → Tuesday', DEFAULT_DEAL_RULES, '2025-01-03T16:30:00.000Z', '2025-01-07T16:30:00.000Z'],
    ['0-day SLA on a weekday → immediately', rules({ reviewSlaBusinessDays: 0 }), '2025-01-06T09:00:00.000Z', '2025-01-06T09:00:00.000Z'],
    ['5-day SLA → a week later', rules({ reviewSlaBusinessDays: 5 }), '2025-01-08T09:00:00.000Z', '2025-01-15T09:00:00.000Z'],
  ])('%s', (_label, dealRules, submittedAt, expected) => {
    expect(reviewDueAt(dealRules, at(submittedAt)).toISOString()).toBe(expected);
  });

  it('rejects an SLA that is not a whole number of days', () => {
    expect(() => reviewDueAt(rules({ reviewSlaBusinessDays: 1.5 }), at('2025-01-06T09:00:00Z'))).toThrow(RangeError);
  });
});

describe('protectionEndsAt', () => {
  it.each<[string, DealRules, string, string]>([
    ['default 90 calendar days', DEFAULT_DEAL_RULES, '2025-03-01T10:00:00.000Z', '2025-05-30T10:00:00.000Z'],
    ['across the year end and a leap day', DEFAULT_DEAL_RULES, '2023-12-15T08:00:00.000Z', '2024-03-14T08:00:00.000Z'],
    ['ends on a weekend if that is where 90 days lands', DEFAULT_DEAL_RULES, '2025-01-06T12:00:00.000Z', '2025-04-06T12:00:00.000Z'],
    ['30 days', rules({ protectionDays: 30 }), '2025-01-31T23:00:00.000Z', '2025-03-02T23:00:00.000Z'],
    ['0 days', rules({ protectionDays: 0 }), '2025-01-31T23:00:00.000Z', '2025-01-31T23:00:00.000Z'],
  ])('%s', (_label, dealRules, approvedAt, expected) => {
    expect(protectionEndsAt(dealRules, at(approvedAt)).toISOString()).toBe(expected);
  });

  it('property: ends exactly protectionDays × 24 h after approval', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 730 }), (approvedAt, protectionDays) => {
        expect(protectionEndsAt(rules({ protectionDays }), approvedAt).getTime()).toBe(approvedAt.getTime() + protectionDays * DAY);
      }),
    );
  });
});

describe('firstYearValueMinor', () => {
  it.each<[bigint, bigint, bigint]>([
    [0n, 0n, 0n],
    [100n, 0n, 1_200n],
    [0n, 250_00n, 250_00n],
    [41_667n, 0n, 500_004n],
    [41_666n, 8n, 500_000n],
    [1_000_00n, 5_000_00n, 17_000_00n],
    [9_007_199_254_740_993n, 1n, 108_086_391_056_891_917n],
    [-100n, 50n, -1_150n],
  ])('mrr %p, one-time %p → %p', (mrr, oneTime, expected) => {
    expect(firstYearValueMinor(mrr, oneTime)).toBe(expected);
  });

  it('property: equals mrr × 12 + one-time, exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), (mrr, oneTime) => {
        expect(firstYearValueMinor(mrr, oneTime)).toBe(mrr * 12n + oneTime);
      }),
    );
  });
});

describe('assertMeetsMinimum', () => {
  it.each<[string, DealRules, string, bigint, bigint]>([
    ['both zero, no minimum', DEFAULT_DEAL_RULES, 'EUR', 0n, 0n],
    ['both zero, with a minimum', EUR_5000, 'EUR', 0n, 0n],
    ['both zero, other currency', EUR_5000, 'USD', 0n, 0n],
    ['both negative', DEFAULT_DEAL_RULES, 'EUR', -1n, -1n],
    ['zero MRR, negative one-time', DEFAULT_DEAL_RULES, 'EUR', 0n, -500n],
  ])('%s → BAD_USER_INPUT on estimatedMrr', (_label, dealRules, currency, mrr, oneTime) => {
    const error = errorOf(() => assertMeetsMinimum(dealRules, currency, mrr, oneTime));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual({ estimatedMrr: ['Enter a recurring (MRR) or a one-time value.'] });
  });

  it.each<[string, bigint, bigint]>([
    ['one-time 1 cent short', 0n, 499_999n],
    ['MRR only, × 12 just short', 41_666n, 0n],
    ['MRR and one-time 1 cent short', 41_666n, 7n],
    ['tiny MRR', 1n, 0n],
  ])('below the minimum in the same currency (%s) → BAD_USER_INPUT naming EUR 5000.00', (_label, mrr, oneTime) => {
    const error = errorOf(() => assertMeetsMinimum(EUR_5000, 'EUR', mrr, oneTime));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.fields ?? {})).toEqual(['estimatedMrr']);
    expect(error.fields?.estimatedMrr).toEqual([MINIMUM_MESSAGE]);
    expect(error.fields?.estimatedMrr[0]).toContain('EUR 5000.00');
  });

  it.each<[string, DealRules, string, bigint, bigint]>([
    ['exactly at the minimum with one-time', EUR_5000, 'EUR', 0n, 500_000n],
    ['exactly at the minimum with MRR and one-time', EUR_5000, 'EUR', 41_666n, 8n],
    ['just over with MRR only', EUR_5000, 'EUR', 41_667n, 0n],
    ['far over', EUR_5000, 'EUR', 1_000_000n, 1_000_000n],
    ['other currency is not checked', EUR_5000, 'USD', 1n, 0n],
    ['currency codes are compared exactly', EUR_5000, 'GBP', 0n, 1n],
    ['no minimum, so every positive value passes', DEFAULT_DEAL_RULES, 'EUR', 0n, 1n],
    ['no minimum: MRR only', DEFAULT_DEAL_RULES, 'EUR', 1n, 0n],
    ['a negative one-time is allowed when MRR carries the value', DEFAULT_DEAL_RULES, 'EUR', 1n, -1n],
  ])('%s → passes', (_label, dealRules, currency, mrr, oneTime) => {
    expect(() => assertMeetsMinimum(dealRules, currency, mrr, oneTime)).not.toThrow();
  });

  it('formats the minimum with the currency’s own digits', () => {
    const jpy = rules({ minimumValueMinor: 5_000n, minimumValueCurrency: 'JPY' });
    const error = errorOf(() => assertMeetsMinimum(jpy, 'JPY', 0n, 4_999n));
    expect(error.fields?.estimatedMrr).toEqual(['This program registers deals from JPY 5000 in first-year value (MRR × 12 + one-time).']);
    expect(() => assertMeetsMinimum(jpy, 'JPY', 0n, 5_000n)).not.toThrow();
  });

  it('property: in the minimum’s currency it throws exactly when mrr × 12 + one-time is below the minimum', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        fc.bigInt({ min: 0n, max: 20_000_000n }),
        (minimum, mrr, oneTime) => {
          fc.pre(mrr > 0n || oneTime > 0n);
          const run = () => assertMeetsMinimum(rules({ minimumValueMinor: minimum }), 'EUR', mrr, oneTime);
          if (mrr * 12n + oneTime < minimum) expect(errorOf(run).code).toBe('BAD_USER_INPUT');
          else expect(run).not.toThrow();
        },
      ),
    );
  });

  it('property: another currency than the minimum’s is never held to it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.constantFrom('USD', 'GBP', 'JPY', 'CHF', 'eur'), (minimum, oneTime, currency) => {
        expect(() => assertMeetsMinimum(rules({ minimumValueMinor: minimum }), currency, 0n, oneTime)).not.toThrow();
      }),
    );
  });
});

describe('extendedProtectionEnd', () => {
  const END = at('2025-06-30T12:00:00.000Z');

  it.each<[string, DealRules, number, string]>([
    ['default: first extension adds 30 days', DEFAULT_DEAL_RULES, 0, '2025-07-30T12:00:00.000Z'],
    ['custom extension length', rules({ extensionDays: 14 }), 0, '2025-07-14T12:00:00.000Z'],
    ['third of three extensions', rules({ maxExtensions: 3, extensionDays: 10 }), 2, '2025-07-10T12:00:00.000Z'],
  ])('%s', (_label, dealRules, used, expected) => {
    expect(extendedProtectionEnd(dealRules, END, used).toISOString()).toBe(expected);
  });

  it('crosses a year end in calendar days', () => {
    expect(extendedProtectionEnd(DEFAULT_DEAL_RULES, at('2025-12-15T00:00:00.000Z'), 0).toISOString()).toBe('2026-01-14T00:00:00.000Z');
  });

  it.each<[string, DealRules, number, string]>([
    ['default, the one extension already used', DEFAULT_DEAL_RULES, 1, 'This registration already had the one extension the program allows.'],
    ['default, somehow over the maximum', DEFAULT_DEAL_RULES, 2, 'This registration already had the one extension the program allows.'],
    ['three allowed, three used', rules({ maxExtensions: 3 }), 3, 'This registration already had the 3 extensions the program allows.'],
    ['two allowed, two used', rules({ maxExtensions: 2 }), 2, 'This registration already had the 2 extensions the program allows.'],
    ['no extensions allowed', rules({ maxExtensions: 0 }), 0, 'This program does not allow extensions.'],
    ['no extensions allowed, even when some were recorded', rules({ maxExtensions: 0 }), 4, 'This program does not allow extensions.'],
  ])('%s → CONFLICT', (_label, dealRules, used, message) => {
    const error = errorOf(() => extendedProtectionEnd(dealRules, END, used));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(message);
    expect(error.fields).toBeUndefined();
  });

  it('does not modify the current end', () => {
    const end = at('2025-06-30T12:00:00.000Z');
    extendedProtectionEnd(DEFAULT_DEAL_RULES, end, 0);
    expect(end.toISOString()).toBe('2025-06-30T12:00:00.000Z');
  });

  it('property: below the maximum it adds exactly extensionDays; at or above it is a CONFLICT', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 8 }),
        (currentEnd, maxExtensions, extensionDays, used) => {
          const run = () => extendedProtectionEnd(rules({ maxExtensions, extensionDays }), currentEnd, used);
          if (used < maxExtensions) {
            expect(run().getTime()).toBe(currentEnd.getTime() + extensionDays * DAY);
          } else {
            const error = errorOf(run);
            expect(error.code).toBe('CONFLICT');
            if (maxExtensions === 0) expect(error.message).toContain('does not allow extensions');
          }
        },
      ),
    );
  });
});
