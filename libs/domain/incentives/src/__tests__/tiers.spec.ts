import fc from 'fast-check';
import { type FieldErrors } from '@prm/domain/common';
import { type Percent, PERCENT_UNITS_PER_HUNDRED } from '@prm/domain/money';
import { type AmountTier, assertValidCountTiers, assertValidTiers, type CountTier, tierIndexReached, validateCountTiers, validateTiers } from '../tiers';
import { expectError, pct } from './helpers';

const tier = (fromMinor: bigint, toMinor: bigint | null, rate: string | bigint): AmountTier => ({
  fromMinor,
  toMinor,
  ratePct: (typeof rate === 'string' ? pct(rate) : rate) as Percent,
});
const countTier = (fromCount: number, toCount: number | null, amountMinor: bigint): CountTier => ({ fromCount, toCount, reward: { kind: 'FIXED', amountMinor } });

// EUR 0–100k at 2 %, 100k–250k at 3 %, above at 4 %.
const STANDARD = [tier(0n, 10_000_000n, '2'), tier(10_000_000n, 25_000_000n, '3'), tier(25_000_000n, null, '4')];

describe('validateTiers', () => {
  it.each<[string, AmountTier[]]>([
    ['the standard three-band table', STANDARD],
    ['one open-ended tier', [tier(0n, null, '5')]],
    ['a first threshold above zero', [tier(1_000_000n, 2_000_000n, '1'), tier(2_000_000n, null, '2')]],
    ['rates of exactly 0 and 100 %', [tier(0n, 1n, '0'), tier(1n, null, '100')]],
    ['decreasing rates (allowed; only the properties assume increasing)', [tier(0n, 100n, '5'), tier(100n, null, '1')]],
    ['a one-unit band', [tier(0n, 1n, '1'), tier(1n, 2n, '2'), tier(2n, null, '3')]],
    ['rates at full precision', [tier(0n, 500n, '0.0001'), tier(500n, null, '99.9999')]],
  ])('accepts %s', (_case, tiers) => {
    expect(validateTiers(tiers)).toEqual({});
    expect(() => assertValidTiers(tiers)).not.toThrow();
  });

  it.each<[string, AmountTier[], FieldErrors]>([
    ['an empty list', [], { tiers: ['At least one tier is needed.'] }],
    ['overlapping tiers', [tier(0n, 100n, '1'), tier(50n, null, '2')], { 'tiers[1].fromMinor': ['Overlaps tiers[0], which runs to 100.'] }],
    ['two tiers with the same start', [tier(0n, 100n, '1'), tier(0n, null, '2')], { 'tiers[1].fromMinor': ['Overlaps tiers[0], which runs to 100.'] }],
    [
      'an open-ended tier before the last',
      [tier(0n, null, '1'), tier(100n, null, '2')],
      { 'tiers[0].toMinor': ['Only the last tier may be open-ended.'], 'tiers[1].fromMinor': ['Overlaps tiers[0], which is open-ended.'] },
    ],
    ['a gap', [tier(0n, 100n, '1'), tier(150n, null, '2')], { 'tiers[1].fromMinor': ['Leaves a gap after tiers[0], which ends at 100.'] }],
    [
      'tiers out of order',
      [tier(0n, 100n, '1'), tier(200n, null, '3'), tier(100n, 200n, '2')],
      {
        'tiers[1].fromMinor': ['Leaves a gap after tiers[0], which ends at 100.'],
        'tiers[1].toMinor': ['Only the last tier may be open-ended.'],
        'tiers[2].fromMinor': ['Tiers must be in ascending order; this tier starts below tiers[1].'],
        'tiers[2].toMinor': ['The last tier must be open-ended (no upper bound).'],
      },
    ],
    ['a rate above 100 %', [tier(0n, null, PERCENT_UNITS_PER_HUNDRED + 1n)], { 'tiers[0].ratePct': ['The rate must be between 0 and 100 %.'] }],
    ['a negative rate', [tier(0n, 100n, -1n), tier(100n, null, '1')], { 'tiers[0].ratePct': ['The rate must be between 0 and 100 %.'] }],
    ['a negative lower bound', [tier(-1n, null, '1')], { 'tiers[0].fromMinor': ['The lower bound must not be negative.'] }],
    [
      'an empty band',
      [tier(100n, 100n, '1'), tier(100n, null, '2')],
      { 'tiers[0].toMinor': ['The upper bound must be above the lower bound.'] },
    ],
    ['a bounded last tier', [tier(0n, 100n, '1')], { 'tiers[0].toMinor': ['The last tier must be open-ended (no upper bound).'] }],
    [
      'several problems at once',
      [tier(0n, 100n, 2_000_000n), tier(90n, null, -5n)],
      {
        'tiers[0].ratePct': ['The rate must be between 0 and 100 %.'],
        'tiers[1].fromMinor': ['Overlaps tiers[0], which runs to 100.'],
        'tiers[1].ratePct': ['The rate must be between 0 and 100 %.'],
      },
    ],
  ])('reports %s', (_case, tiers, expected) => {
    expect(validateTiers(tiers)).toEqual(expected);
    const error = expectError(() => assertValidTiers(tiers), 'BAD_USER_INPUT', /tier table is not valid/);
    expect(error.fields).toEqual(expected);
  });

  it('allows gaps only when asked', () => {
    const gapped = [tier(0n, 100n, '1'), tier(150n, null, '2')];
    expect(validateTiers(gapped, { allowGaps: true })).toEqual({});
    expect(validateTiers([tier(0n, 100n, '1'), tier(50n, null, '2')], { allowGaps: true })).not.toEqual({});
  });

  it('prefixes the field paths', () => {
    expect(validateTiers([], { field: 'plan.rebate.tiers' })).toEqual({ 'plan.rebate.tiers': ['At least one tier is needed.'] });
    expect(Object.keys(validateTiers([tier(0n, 100n, '1')], { field: 'x' }))).toEqual(['x[0].toMinor']);
  });

  const contiguous = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED })), { minLength: 1, maxLength: 6 }))
    .map(([start, bands]) => {
      let from = start;
      return bands.map(([width, rate], index) => {
        const to = index === bands.length - 1 ? null : from + width;
        const t = tier(from, to, rate);
        if (to !== null) from = to;
        return t;
      });
    });

  it('property: every contiguous ascending table with rates in 0..100 % is valid', () => {
    fc.assert(fc.property(contiguous, (tiers) => expect(validateTiers(tiers)).toEqual({})));
  });

  it('property: reversing a table of two or more tiers always makes it invalid', () => {
    fc.assert(
      fc.property(
        contiguous.filter((tiers) => tiers.length >= 2),
        (tiers) => expect(validateTiers([...tiers].reverse())).not.toEqual({}),
      ),
    );
  });

  it('property: dropping a middle tier leaves a gap that only allowGaps accepts', () => {
    fc.assert(
      fc.property(
        contiguous.filter((tiers) => tiers.length >= 3),
        (tiers) => {
          const dropped = tiers.filter((_t, index) => index !== 1);
          expect(Object.values(validateTiers(dropped)).flat().join(' ')).toMatch(/gap/);
          expect(validateTiers(dropped, { allowGaps: true })).toEqual({});
        },
      ),
    );
  });
});

describe('validateCountTiers (SPIF)', () => {
  it.each<[string, CountTier[]]>([
    ['from the first deal', [countTier(1, 5, 10_000n), countTier(5, null, 15_000n)]],
    ['from the third deal', [countTier(3, null, 5_000n)]],
    ['percentage rewards', [{ fromCount: 1, toCount: 10, reward: { kind: 'PERCENT', ratePct: pct('1.5') } }, { fromCount: 10, toCount: null, reward: { kind: 'PERCENT', ratePct: pct('100') } }]],
    ['a zero reward', [countTier(1, null, 0n)]],
  ])('accepts %s', (_case, tiers) => {
    expect(validateCountTiers(tiers)).toEqual({});
    expect(() => assertValidCountTiers(tiers)).not.toThrow();
  });

  it.each<[string, CountTier[], FieldErrors]>([
    ['an empty list', [], { tiers: ['At least one tier is needed.'] }],
    ['a count from 0', [countTier(0, null, 1n)], { 'tiers[0].fromCount': ['The lower bound must be a whole count from 1.'] }],
    ['a fractional count', [countTier(1, 2.5, 1n), countTier(3, null, 1n)], { 'tiers[0].toCount': ['The upper bound must be a whole count.'] }],
    ['a fractional start', [countTier(1.5, null, 1n)], { 'tiers[0].fromCount': ['The lower bound must be a whole count from 1.'] }],
    ['a negative reward', [countTier(1, null, -1n)], { 'tiers[0].reward.amountMinor': ['The amount must not be negative.'] }],
    [
      'a rate above 100 %',
      [{ fromCount: 1, toCount: null, reward: { kind: 'PERCENT', ratePct: (PERCENT_UNITS_PER_HUNDRED + 1n) as Percent } }],
      { 'tiers[0].reward.ratePct': ['The rate must be between 0 and 100 %.'] },
    ],
    ['overlapping counts', [countTier(1, 5, 1n), countTier(4, null, 2n)], { 'tiers[1].fromCount': ['Overlaps tiers[0], which runs to 5.'] }],
    ['a gap in counts', [countTier(1, 3, 1n), countTier(5, null, 2n)], { 'tiers[1].fromCount': ['Leaves a gap after tiers[0], which ends at 3.'] }],
    ['counts out of order', [countTier(5, null, 1n), countTier(1, 5, 2n)], {
      'tiers[0].toCount': ['Only the last tier may be open-ended.'],
      'tiers[1].fromCount': ['Tiers must be in ascending order; this tier starts below tiers[0].'],
      'tiers[1].toCount': ['The last tier must be open-ended (no upper bound).'],
    }],
  ])('reports %s', (_case, tiers, expected) => {
    expect(validateCountTiers(tiers)).toEqual(expected);
    expect(expectError(() => assertValidCountTiers(tiers), 'BAD_USER_INPUT').fields).toEqual(expected);
  });
});

describe('tierIndexReached', () => {
  const froms = [0n, 100n, 250n];
  it.each<[bigint, number]>([
    [0n, 0],
    [99n, 0],
    [100n, 1],
    [249n, 1],
    [250n, 2],
    [10n ** 15n, 2],
  ])('%p reaches tier %p', (value, index) => {
    expect(tierIndexReached(value, froms)).toBe(index);
  });

  it('is -1 below the first threshold', () => {
    expect(tierIndexReached(49n, [50n, 100n])).toBe(-1);
    expect(tierIndexReached(50n, [50n, 100n])).toBe(0);
  });
});
