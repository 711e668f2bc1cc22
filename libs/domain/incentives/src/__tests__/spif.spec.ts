import fc from 'fast-check';
import { type Percent } from '@prm/domain/money';
import { type SpifCampaign, type SpifDeal, type SpifFilter, spifLines, type SpifPayout, spifPredicate, spifRefusal, validateSpifCampaign } from '../spif';
import { type CountTier } from '../tiers';
import { expectError, pct, sum } from './helpers';

let sequence = 0;
function deal(repId: string, closedAt: string, valueMinor: bigint, overrides: Partial<SpifDeal> = {}): SpifDeal {
  sequence += 1;
  return {
    dealId: `d${String(sequence).padStart(3, '0')}`,
    repId,
    closedAt,
    valueMinor,
    currency: 'EUR',
    productIds: ['p-cloud'],
    programId: 'resell',
    partnerTier: 'GOLD',
    country: 'NL',
    ...overrides,
  };
}

// March 2026, cloud product only, deals of EUR 1,000.00 or more.
function campaign(payout: SpifPayout, overrides: Partial<SpifCampaign> = {}): SpifCampaign {
  return { currency: 'EUR', startsOn: '2026-03-01', endsOn: '2026-03-31', filter: { productIds: ['p-cloud'], minValueMinor: 100_000n }, payout, ...overrides };
}
const FIXED_250: SpifPayout = { kind: 'FIXED', amountMinor: 25_000n };
const fixed = (amountMinor: bigint): SpifPayout => ({ kind: 'FIXED', amountMinor });
const countTier = (fromCount: number, toCount: number | null, amountMinor: bigint): CountTier => ({ fromCount, toCount, reward: { kind: 'FIXED', amountMinor } });
const day = (d: number, time = '10:00:00'): string => `2026-03-${String(d).padStart(2, '0')}T${time}Z`;
const amounts = (lines: { amountMinor: bigint }[]): bigint[] => lines.map((line) => line.amountMinor);

describe('spifRefusal / spifPredicate', () => {
  const base = deal('rep-a', day(2), 500_000n);
  it.each<[string, SpifFilter, Partial<SpifDeal>, string | null]>([
    ['no filter at all', {}, {}, null],
    ['empty lists mean any', { productIds: [], programIds: [], partnerTiers: [], countries: [] }, {}, null],
    ['a listed product', { productIds: ['p-x', 'p-cloud'] }, {}, null],
    ['one of several products', { productIds: ['p-x'] }, { productIds: ['p-cloud', 'p-x'] }, null],
    ['an unlisted product', { productIds: ['p-x'] }, {}, 'No product of the deal is in the campaign.'],
    ['a deal without products', { productIds: ['p-x'] }, { productIds: [] }, 'No product of the deal is in the campaign.'],
    ['an unlisted program', { programIds: ['msp'] }, {}, 'Program resell is not in the campaign.'],
    ['a listed program', { programIds: ['msp', 'resell'] }, {}, null],
    ['an unlisted partner tier', { partnerTiers: ['PLATINUM'] }, {}, 'Tier GOLD is not in the campaign.'],
    ['an unlisted country', { countries: ['BE', 'DE'] }, {}, 'Country NL is not in the campaign.'],
    ['a listed country', { countries: ['NL'] }, {}, null],
    ['exactly the minimum value', { minValueMinor: 500_000n }, {}, null],
    ['one cent below the minimum value', { minValueMinor: 500_001n }, {}, 'The deal is below the minimum value.'],
    ['the first failing filter wins', { productIds: ['p-x'], countries: ['BE'] }, {}, 'No product of the deal is in the campaign.'],
  ])('%s', (_case, filter, overrides, reason) => {
    const candidate = { ...base, ...overrides };
    expect(spifRefusal(filter, candidate)).toBe(reason);
    expect(spifPredicate(filter)(candidate)).toBe(reason === null);
  });
});

describe('spifLines: flat payouts', () => {
  it('pays a fixed amount per qualifying deal in the window, in close-time order', () => {
    const d1 = deal('rep-a', day(2), 500_000n);
    const small = deal('rep-a', day(5), 50_000n);
    const otherProduct = deal('rep-b', day(3), 200_000n, { productIds: ['p-onprem'] });
    const april = deal('rep-b', '2026-04-01T00:00:00Z', 200_000n);
    const february = deal('rep-b', '2026-02-28T23:59:59Z', 200_000n);
    const lastSecond = deal('rep-b', '2026-03-31T23:59:59Z', 200_000n);
    const lines = spifLines(campaign(FIXED_250), [lastSecond, april, small, otherProduct, february, d1]);
    expect(lines).toEqual([
      { dealId: d1.dealId, repId: 'rep-a', closedAt: d1.closedAt, ordinal: 1, rule: 'FIXED', tierIndex: null, baseMinor: null, ratePct: null, uncappedMinor: 25_000n, amountMinor: 25_000n, cappedBy: null },
      { dealId: lastSecond.dealId, repId: 'rep-b', closedAt: lastSecond.closedAt, ordinal: 1, rule: 'FIXED', tierIndex: null, baseMinor: null, ratePct: null, uncappedMinor: 25_000n, amountMinor: 25_000n, cappedBy: null },
    ]);
  });

  it('compares the window with the UTC day of the close time', () => {
    // 00:30 on 1 April in Amsterdam is still 31 March in UTC.
    const lines = spifLines(campaign(FIXED_250), [deal('rep-a', '2026-04-01T00:30:00+02:00', 500_000n)]);
    expect(lines).toHaveLength(1);
  });

  it.each<[string, bigint, string, bigint]>([
    ['EUR 5,000.00 at 2.5 %', 500_000n, '2.5', 12_500n],
    ['EUR 1,234.57 at 2.5 % (30.864… → 30.86)', 123_457n, '2.5', 3_086n],
    ['EUR 1,000.20 at 2.5 % (exactly 25.005 → 25.01)', 100_020n, '2.5', 2_501n],
    ['EUR 1,000.00 at 0 %', 100_000n, '0', 0n],
    ['EUR 1,000.00 at 100 %', 100_000n, '100', 100_000n],
    ['EUR 9,999.99 at 12.3456 % (1,234.55876… → 1,234.56; the rate is never rounded first)', 999_999n, '12.3456', 123_456n],
  ])('pays a percentage of the deal value: %s', (_case, value, rate, expected) => {
    const [line] = spifLines(campaign({ kind: 'PERCENT', ratePct: pct(rate) }), [deal('rep-a', day(10), value)]);
    expect(line).toMatchObject({ rule: 'PERCENT', baseMinor: value, ratePct: pct(rate), amountMinor: expected, uncappedMinor: expected });
  });

  it('pays JPY in whole yen', () => {
    const jpy = campaign({ kind: 'PERCENT', ratePct: pct('7.5') }, { currency: 'JPY', filter: {} });
    expect(amounts(spifLines(jpy, [deal('rep-a', day(3), 1_001n, { currency: 'JPY' })]))).toEqual([75n]);
  });

  it('orders deals closed at the same instant by deal id', () => {
    const lines = spifLines(campaign(FIXED_250), [
      { ...deal('rep-a', day(4), 500_000n), dealId: 'z' },
      { ...deal('rep-a', day(4), 500_000n), dealId: 'a' },
    ]);
    expect(lines.map((line) => [line.dealId, line.ordinal])).toEqual([
      ['a', 1],
      ['z', 2],
    ]);
  });
});

describe('spifLines: tiered by the rep\'s count of qualifying deals', () => {
  // 1st and 2nd deal EUR 100.00, from the 3rd EUR 200.00.
  const TIERS = [countTier(1, 3, 10_000n), countTier(3, null, 20_000n)];
  const repA = () => [1, 2, 3, 4].map((d) => deal('rep-a', day(d), 500_000n));
  const repB = () => [5, 6].map((d) => deal('rep-b', day(d), 500_000n));

  it.each<[string, 'RETROACTIVE' | 'ABOVE_THRESHOLD', bigint[], (number | null)[], bigint[]]>([
    ['RETROACTIVE: the higher tier pays all four of rep A\'s deals', 'RETROACTIVE', [20_000n, 20_000n, 20_000n, 20_000n], [1, 1, 1, 1], [10_000n, 10_000n]],
    ['ABOVE_THRESHOLD: only the 3rd and 4th deal get the higher tier', 'ABOVE_THRESHOLD', [10_000n, 10_000n, 20_000n, 20_000n], [0, 0, 1, 1], [10_000n, 10_000n]],
  ])('%s', (_case, mode, expectedA, tiersA, expectedB) => {
    const lines = spifLines(campaign({ kind: 'TIERED', mode, tiers: TIERS }), [...repB(), ...repA()]);
    const a = lines.filter((line) => line.repId === 'rep-a');
    const b = lines.filter((line) => line.repId === 'rep-b');
    expect(amounts(a)).toEqual(expectedA);
    expect(a.map((line) => line.tierIndex)).toEqual(tiersA);
    expect(a.map((line) => line.ordinal)).toEqual([1, 2, 3, 4]);
    expect(amounts(b)).toEqual(expectedB);
    expect(b.map((line) => line.tierIndex)).toEqual([0, 0]);
  });

  it.each<['RETROACTIVE' | 'ABOVE_THRESHOLD', bigint[]]>([
    ['RETROACTIVE', [2_000n, 4_000n, 6_000n, 8_000n]],
    ['ABOVE_THRESHOLD', [1_000n, 2_000n, 6_000n, 8_000n]],
  ])('percentage tiers (1 %% for deals 1–2, 2 %% from the 3rd), %s', (mode, expected) => {
    const tiers: CountTier[] = [
      { fromCount: 1, toCount: 3, reward: { kind: 'PERCENT', ratePct: pct('1') } },
      { fromCount: 3, toCount: null, reward: { kind: 'PERCENT', ratePct: pct('2') } },
    ];
    const deals = [100_000n, 200_000n, 300_000n, 400_000n].map((value, i) => deal('rep-a', day(i + 1), value));
    const lines = spifLines(campaign({ kind: 'TIERED', mode, tiers }), deals);
    expect(amounts(lines)).toEqual(expected);
    expect(lines.every((line) => line.rule === 'PERCENT')).toBe(true);
  });

  it.each<['RETROACTIVE' | 'ABOVE_THRESHOLD', number, bigint[]]>([
    ['RETROACTIVE', 2, []],
    ['ABOVE_THRESHOLD', 2, []],
    ['RETROACTIVE', 3, [5_000n, 5_000n, 5_000n]], // back to deal one
    ['ABOVE_THRESHOLD', 3, [5_000n]],
    ['ABOVE_THRESHOLD', 5, [5_000n, 5_000n, 5_000n]],
  ])('a first tier from the 3rd deal, %s with %p deals', (mode, count, expected) => {
    const deals = Array.from({ length: count }, (_v, i) => deal('rep-a', day(i + 1), 500_000n));
    expect(amounts(spifLines(campaign({ kind: 'TIERED', mode, tiers: [countTier(3, null, 5_000n)] }), deals))).toEqual(expected);
  });

  it('counts only qualifying deals', () => {
    const deals = [deal('rep-a', day(1), 500_000n), deal('rep-a', day(2), 10n), deal('rep-a', day(3), 500_000n), deal('rep-a', day(4), 500_000n)];
    const lines = spifLines(campaign({ kind: 'TIERED', mode: 'ABOVE_THRESHOLD', tiers: TIERS }), deals);
    expect(amounts(lines)).toEqual([10_000n, 10_000n, 20_000n]);
  });
});

describe('spifLines: caps', () => {
  const four = (rep: string, firstDay: number) => [0, 1, 2, 3].map((i) => deal(rep, day(firstDay + i), 500_000n));

  it.each<[string, bigint, bigint[], (string | null)[]]>([
    ['a rep cap of EUR 500.00 cuts the third EUR 200.00 line to 100.00', 50_000n, [20_000n, 20_000n, 10_000n, 0n], [null, null, 'REP_CAP', 'REP_CAP']],
    ['a cap hit exactly by the second line leaves it whole', 40_000n, [20_000n, 20_000n, 0n, 0n], [null, null, 'REP_CAP', 'REP_CAP']],
    ['a cap above the total changes nothing', 1_000_000n, [20_000n, 20_000n, 20_000n, 20_000n], [null, null, null, null]],
    ['a cap of exactly the total changes nothing', 80_000n, [20_000n, 20_000n, 20_000n, 20_000n], [null, null, null, null]],
    ['a zero cap pays nothing but keeps the lines', 0n, [0n, 0n, 0n, 0n], ['REP_CAP', 'REP_CAP', 'REP_CAP', 'REP_CAP']],
  ])('%s', (_case, cap, expected, cappedBy) => {
    const lines = spifLines(campaign(fixed(20_000n), { repCapMinor: cap }), four('rep-a', 1));
    expect(amounts(lines)).toEqual(expected);
    expect(lines.map((line) => line.cappedBy)).toEqual(cappedBy);
    expect(lines.every((line) => line.uncappedMinor === 20_000n)).toBe(true);
  });

  it('applies the rep cap per rep', () => {
    const lines = spifLines(campaign(fixed(20_000n), { repCapMinor: 30_000n }), [...four('rep-a', 1), ...four('rep-b', 10)]);
    expect(amounts(lines)).toEqual([20_000n, 10_000n, 0n, 0n, 20_000n, 10_000n, 0n, 0n]);
  });

  it('runs the budget out in close-time order across reps, with a partial last line', () => {
    const [a1, a2] = [deal('rep-a', day(1), 500_000n), deal('rep-a', day(3), 500_000n)];
    const [b1, b2] = [deal('rep-b', day(2), 500_000n), deal('rep-b', day(4), 500_000n)];
    const lines = spifLines(campaign(fixed(20_000n), { budgetMinor: 50_000n }), [b2, a2, b1, a1]);
    expect(lines.map((line) => [line.dealId, line.amountMinor, line.cappedBy])).toEqual([
      [a1.dealId, 20_000n, null],
      [b1.dealId, 20_000n, null],
      [a2.dealId, 10_000n, 'BUDGET'],
      [b2.dealId, 0n, 'BUDGET'],
    ]);
  });

  it('applies the rep cap first, then the budget', () => {
    const [a1, a2, b1, b2] = [1, 2, 3, 4].map((d) => deal(d <= 2 ? 'rep-a' : 'rep-b', day(d), 500_000n)) as [SpifDeal, SpifDeal, SpifDeal, SpifDeal];
    const lines = spifLines(campaign(fixed(20_000n), { repCapMinor: 30_000n, budgetMinor: 45_000n }), [a1, a2, b1, b2]);
    expect(lines.map((line) => [line.amountMinor, line.cappedBy])).toEqual([
      [20_000n, null],
      [10_000n, 'REP_CAP'],
      [15_000n, 'BUDGET'],
      [0n, 'BUDGET'],
    ]);
  });

  it('a budget hit exactly leaves the last paid line whole', () => {
    const lines = spifLines(campaign(fixed(20_000n), { budgetMinor: 40_000n }), four('rep-a', 1));
    expect(lines.map((line) => [line.amountMinor, line.cappedBy])).toEqual([
      [20_000n, null],
      [20_000n, null],
      [0n, 'BUDGET'],
      [0n, 'BUDGET'],
    ]);
  });
});

describe('spifLines / validateSpifCampaign: bad input', () => {
  it.each<[string, SpifCampaign, RegExp | Record<string, string[]>]>([
    ['an end before the start', campaign(FIXED_250, { startsOn: '2026-03-31', endsOn: '2026-03-01' }), { endsOn: ['The campaign ends before it starts.'] }],
    ['no period', campaign(FIXED_250, { startsOn: '', endsOn: '2026-02-30' }), { startsOn: ['The campaign needs a start date.'], endsOn: ['The campaign needs an end date.'] }],
    ['a bad currency', campaign(FIXED_250, { currency: 'eur' }), { currency: ['The currency must be an ISO 4217 code.'] }],
    ['a negative fixed amount', campaign(fixed(-1n)), { 'payout.amountMinor': ['The amount must not be negative.'] }],
    ['a rate above 100 %', campaign({ kind: 'PERCENT', ratePct: 1_000_001n as Percent }), { 'payout.ratePct': ['The rate must be between 0 and 100 %.'] }],
    ['an unknown tier mode', campaign({ kind: 'TIERED', mode: 'SOMETIMES' as never, tiers: [countTier(1, null, 1n)] }), { 'payout.mode': ['The mode must be RETROACTIVE or ABOVE_THRESHOLD.'] }],
    ['overlapping count tiers', campaign({ kind: 'TIERED', mode: 'RETROACTIVE', tiers: [countTier(1, 5, 1n), countTier(3, null, 2n)] }), { 'payout.tiers[1].fromCount': ['Overlaps payout.tiers[0], which runs to 5.'] }],
    ['no count tiers', campaign({ kind: 'TIERED', mode: 'RETROACTIVE', tiers: [] }), { 'payout.tiers': ['At least one tier is needed.'] }],
    ['a negative rep cap', campaign(FIXED_250, { repCapMinor: -1n }), { repCapMinor: ['A cap must not be negative.'] }],
    ['a negative budget', campaign(FIXED_250, { budgetMinor: -1n }), { budgetMinor: ['A cap must not be negative.'] }],
    ['a negative minimum value', campaign(FIXED_250, { filter: { minValueMinor: -1n } }), { 'filter.minValueMinor': ['The minimum value must not be negative.'] }],
  ])('refuses %s', (_case, bad, fields) => {
    const error = expectError(() => validateSpifCampaign(bad), 'BAD_USER_INPUT', /SPIF campaign is not valid/);
    expect(error.fields).toEqual(fields);
    expectError(() => spifLines(bad, []), 'BAD_USER_INPUT');
  });

  it('allows gaps between count tiers (deals there earn nothing)', () => {
    const gapped = campaign({ kind: 'TIERED', mode: 'ABOVE_THRESHOLD', tiers: [countTier(1, 2, 1_000n), countTier(3, null, 3_000n)] });
    expect(amounts(spifLines(gapped, [1, 2, 3].map((d) => deal('rep-a', day(d), 500_000n))))).toEqual([1_000n, 3_000n]);
  });

  it.each<[string, SpifDeal[], RegExp]>([
    ['a deal in another currency', [deal('rep-a', day(2), 500_000n, { currency: 'USD' })], /is in USD; the campaign pays in EUR/],
    ['a deal listed twice', [{ ...deal('rep-a', day(2), 500_000n), dealId: 'x' }, { ...deal('rep-a', day(3), 500_000n), dealId: 'x' }], /Deal x is listed twice/],
    ['a close time that is not a time', [deal('rep-a', 'yesterday', 500_000n)], /no valid close time/],
    ['a negative deal value', [deal('rep-a', day(2), -1n)], /negative value/],
  ])('refuses %s', (_case, deals, message) => {
    expectError(() => spifLines(campaign(FIXED_250), deals), 'BAD_USER_INPUT', message);
  });

  it('ignores a deal in another currency that does not qualify anyway', () => {
    expect(spifLines(campaign(FIXED_250), [deal('rep-a', '2026-05-01T00:00:00Z', 500_000n, { currency: 'USD' })])).toEqual([]);
  });
});

describe('spifLines properties', () => {
  const dealsArb = fc.array(
    fc.record({
      rep: fc.constantFrom('rep-a', 'rep-b', 'rep-c'),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      value: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    }),
    { maxLength: 25 },
  );
  const toDeals = (raw: { rep: string; day: number; hour: number; value: bigint }[]): SpifDeal[] =>
    raw.map((r, i) => ({ ...deal(r.rep, day(r.day, `${String(r.hour).padStart(2, '0')}:00:00`), r.value), dealId: `deal-${String(i).padStart(2, '0')}` }));
  const tiersArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.bigInt({ min: 0n, max: 50_000n })), { minLength: 1, maxLength: 4 }).map((bands) => {
    let from = 1;
    const rewards = bands.map(([, amount]) => amount).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return bands.map(([width], index): CountTier => {
      const to = index === bands.length - 1 ? null : from + width;
      const t = countTier(from, to, rewards[index] as bigint);
      if (to !== null) from = to;
      return t;
    });
  });
  const capArb = fc.option(fc.bigInt({ min: 0n, max: 200_000n }), { nil: null });

  it('never pays a rep more than the cap or the campaign more than the budget, and never more than the rule gives', () => {
    fc.assert(
      fc.property(dealsArb, tiersArb, fc.constantFrom('RETROACTIVE' as const, 'ABOVE_THRESHOLD' as const), capArb, capArb, (raw, tiers, mode, repCap, budget) => {
        const lines = spifLines(campaign({ kind: 'TIERED', mode, tiers }, { repCapMinor: repCap, budgetMinor: budget, filter: {} }), toDeals(raw));
        if (budget !== null) expect(sum(amounts(lines)) <= budget).toBe(true);
        if (repCap !== null) {
          for (const rep of ['rep-a', 'rep-b', 'rep-c']) expect(sum(amounts(lines.filter((line) => line.repId === rep))) <= repCap).toBe(true);
        }
        for (const line of lines) {
          expect(line.amountMinor >= 0n && line.amountMinor <= line.uncappedMinor).toBe(true);
          expect(line.cappedBy === null).toBe(line.amountMinor === line.uncappedMinor);
        }
      }),
    );
  });

  it('gives the same lines whatever order the deals arrive in', () => {
    fc.assert(
      fc.property(dealsArb, capArb, capArb, fc.integer(), (raw, repCap, budget, seed) => {
        const deals = toDeals(raw);
        const shuffled = [...deals].sort((a, b) => ((a.dealId.charCodeAt(6) * 31 + seed) % 7) - ((b.dealId.charCodeAt(6) * 31 + seed) % 7));
        const c = campaign({ kind: 'PERCENT', ratePct: pct('3.3') }, { repCapMinor: repCap, budgetMinor: budget, filter: {} });
        expect(spifLines(c, shuffled)).toEqual(spifLines(c, deals));
      }),
    );
  });

  it('RETROACTIVE pays at least ABOVE_THRESHOLD for non-decreasing tier rewards (before caps)', () => {
    fc.assert(
      fc.property(dealsArb, tiersArb, (raw, tiers) => {
        const deals = toDeals(raw);
        const total = (mode: 'RETROACTIVE' | 'ABOVE_THRESHOLD') => sum(amounts(spifLines(campaign({ kind: 'TIERED', mode, tiers }, { filter: {} }), deals)));
        expect(total('RETROACTIVE') >= total('ABOVE_THRESHOLD')).toBe(true);
      }),
    );
  });

  it('with one tier from the first deal both modes equal the flat payout', () => {
    fc.assert(
      fc.property(dealsArb, fc.bigInt({ min: 0n, max: 100_000n }), (raw, amount) => {
        const deals = toDeals(raw);
        const flat = spifLines(campaign(fixed(amount), { filter: {} }), deals);
        for (const mode of ['RETROACTIVE', 'ABOVE_THRESHOLD'] as const) {
          expect(amounts(spifLines(campaign({ kind: 'TIERED', mode, tiers: [countTier(1, null, amount)] }, { filter: {} }), deals))).toEqual(amounts(flat));
        }
      }),
    );
  });
});
