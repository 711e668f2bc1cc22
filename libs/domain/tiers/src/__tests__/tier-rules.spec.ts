import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import { validateRules, validateTierLadder } from '../tier-rules';
import type { TierDefinition } from '../tier-model';
import { LADDER, ladderArb } from './tier-test-data';

function fieldsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    return (error as DomainError).fields ?? {};
  }
  throw new Error('expected a DomainError');
}

describe('validateRules', () => {
  it.each([
    [[], []],
    [[{ metric: 'WON_DEALS', min: '10' }], [{ metric: 'WON_DEALS', min: '10' }]],
    [
      [
        { metric: 'T12M_ARR_SOLD', min: '1500000.00' },
        { metric: 'NRR_PCT', min: '95.50' },
        { metric: 'CERTIFIED_PEOPLE', min: '0' },
        { metric: 'MDF_UTILISATION_PCT', min: '0.0001' },
      ],
      [
        { metric: 'T12M_ARR_SOLD', min: '1500000' },
        { metric: 'NRR_PCT', min: '95.5' },
        { metric: 'CERTIFIED_PEOPLE', min: '0' },
        { metric: 'MDF_UTILISATION_PCT', min: '0.0001' },
      ],
    ],
    [[{ metric: 'WON_DEALS', min: '007', extra: true }], [{ metric: 'WON_DEALS', min: '7' }]],
    [[{ metric: 'WON_DEALS', min: '999999999999999999.9999' }], [{ metric: 'WON_DEALS', min: '999999999999999999.9999' }]],
  ])('accepts %j', (input, expected) => {
    expect(validateRules(input)).toEqual(expected);
  });

  it.each<[unknown, Record<string, string[]>]>([
    [null, { rules: ['Rules must be a list.'] }],
    [{ metric: 'WON_DEALS', min: '1' }, { rules: ['Rules must be a list.'] }],
    [[null], { 'rules[0]': ['Each rule needs a metric and a min.'] }],
    [['WON_DEALS'], { 'rules[0]': ['Each rule needs a metric and a min.'] }],
    [
      [{ metric: 'REVENUE', min: '1' }],
      {
        'rules[0].metric': [
          'Unknown metric "REVENUE"; expected one of WON_DEALS, CERTIFIED_PEOPLE, T12M_ARR_SOLD, NRR_PCT, MDF_UTILISATION_PCT.',
        ],
      },
    ],
    [[{ metric: 'won_deals', min: '1' }], { 'rules[0].metric': [expect.stringContaining('Unknown metric "won_deals"')] }],
    [[{ min: '1' }], { 'rules[0].metric': [expect.stringContaining('Unknown metric (missing)')] }],
    [[{ metric: 'WON_DEALS', min: '-1' }], { 'rules[0].min': ['Minimum "-1" must not be negative.'] }],
    [[{ metric: 'WON_DEALS', min: 'ten' }], { 'rules[0].min': ['Minimum "ten" must be a decimal number such as "10" or "95.5".'] }],
    [[{ metric: 'WON_DEALS', min: 10 }], { 'rules[0].min': [expect.stringContaining('Minimum 10 must be a decimal')] }],
    [[{ metric: 'WON_DEALS' }], { 'rules[0].min': [expect.stringContaining('Minimum (missing)')] }],
    [[{ metric: 'WON_DEALS', min: '' }], { 'rules[0].min': [expect.stringContaining('must be a decimal')] }],
    [[{ metric: 'WON_DEALS', min: '1e3' }], { 'rules[0].min': [expect.stringContaining('must be a decimal')] }],
    [[{ metric: 'WON_DEALS', min: '1.23456' }], { 'rules[0].min': [expect.stringContaining('at most 18 digits before and 4 after')] }],
    [[{ metric: 'WON_DEALS', min: '1'.repeat(19) }], { 'rules[0].min': [expect.stringContaining('at most 18 digits')] }],
    [
      [
        { metric: 'WON_DEALS', min: '1' },
        { metric: 'NRR_PCT', min: '90' },
        { metric: 'WON_DEALS', min: '2' },
      ],
      { 'rules[2].metric': ['Metric WON_DEALS is already used by rules[0].'] },
    ],
    [
      [
        { metric: 'NOPE', min: '-5' },
        { metric: 'NRR_PCT', min: 'x' },
      ],
      {
        'rules[0].metric': [expect.stringContaining('Unknown metric "NOPE"')],
        'rules[0].min': ['Minimum "-5" must not be negative.'],
        'rules[1].min': [expect.stringContaining('Minimum "x"')],
      },
    ],
  ])('rejects %j', (input, expectedFields) => {
    expect(fieldsOf(() => validateRules(input))).toEqual(expectedFields);
  });

  it('uses the given field prefix', () => {
    expect(Object.keys(fieldsOf(() => validateRules([{ metric: 'X', min: '1' }], 'input.rules')))).toEqual([
      'input.rules[0].metric',
    ]);
  });
});

describe('validateTierLadder', () => {
  const tier = (rank: number, id = `t${rank}`): TierDefinition => ({ id, name: id, rank, rules: [] });

  it('sorts by rank and canonicalises rule mins without touching the input', () => {
    const snapshot = JSON.stringify(LADDER);
    const ladder = validateTierLadder(LADDER);
    expect(ladder.map((t) => t.id)).toEqual(['registered', 'silver', 'gold', 'platinum']);
    expect(ladder[3]?.rules.find((r) => r.metric === 'T12M_ARR_SOLD')?.min).toBe('1500000');
    expect(JSON.stringify(LADDER)).toBe(snapshot);
  });

  it.each<[TierDefinition[], Record<string, string[]>]>([
    [[], { tiers: ['A program needs at least one tier.'] }],
    [[tier(1)], { tiers: ['Ranks must run from 0 to 0 without gaps; missing 0.'] }],
    [[tier(0), tier(2)], { tiers: ['Ranks must run from 0 to 1 without gaps; missing 1.'] }],
    [[tier(0), tier(0, 'other')], { 'tiers[1].rank': ['Rank 0 is already used by tiers[0].'] }],
    [[tier(0), tier(-1)], { 'tiers[1].rank': ['Rank must be a whole number from 0.'] }],
    [[tier(0), tier(1.5)], { 'tiers[1].rank': ['Rank must be a whole number from 0.'] }],
    [[tier(0, 'same'), tier(1, 'same')], { 'tiers[1].id': ['Tier id "same" is already used by tiers[0].'] }],
    [
      [{ id: 'a', name: 'A', rank: 0, rules: [{ metric: 'WON_DEALS', min: '-1' }] }],
      { 'tiers[0].rules[0].min': ['Minimum "-1" must not be negative.'] },
    ],
  ])('rejects ladder %#', (tiers, expectedFields) => {
    expect(fieldsOf(() => validateTierLadder(tiers))).toEqual(expectedFields);
  });

  it('accepts every well-formed ladder in any order and returns ranks 0..n-1', () => {
    fc.assert(
      fc.property(ladderArb, (tiers) => {
        const ladder = validateTierLadder(tiers);
        expect(ladder.map((t) => t.rank)).toEqual(tiers.map((_, i) => i));
      }),
    );
  });
});
