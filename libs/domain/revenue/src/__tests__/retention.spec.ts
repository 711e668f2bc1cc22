import fc from 'fast-check';
import {
  arpaMinor,
  arrMinor,
  type CohortMember,
  grossMrrChurn,
  lifetimeValue,
  logoChurnRate,
  netMrrChurn,
  ratioPercent,
  retention,
  retentionFromSums,
} from '../retention';

/** '104.17' → 10417n, '-3.50' → -350n: the exact hundredths a ratio string stands for. */
const hundredths = (text: string): bigint => BigInt(text.replace('.', ''));

describe('ratioPercent', () => {
  it.each<[bigint, bigint, string | null]>([
    [0n, 0n, null],
    [5n, 0n, null],
    [-5n, 0n, null],
    [0n, 5n, '0.00'],
    [5n, 5n, '100.00'],
    [1n, 3n, '33.33'],
    [2n, 3n, '66.67'],
    [125n, 120n, '104.17'],
    [1n, 8n, '12.50'],
    [3n, 1n, '300.00'],
    [1n, 20_000n, '0.01'], // 0.005 % → half up
    [1n, 20_001n, '0.00'],
    [-7n, 200n, '-3.50'],
    [-1n, 3n, '-33.33'],
    [-2n, 3n, '-66.67'],
    [-1n, 20_000n, '-0.01'], // −0.005 % → half away from zero
    [-1n, 20_001n, '0.00'], // never '-0.00'
    [-125n, 120n, '-104.17'],
    [10n ** 20n, 3n, '3333333333333333333333.33'],
  ])('%p / %p → %p', (numerator, denominator, expected) => {
    expect(ratioPercent(numerator, denominator)).toBe(expected);
  });

  it('refuses a negative denominator', () => {
    expect(() => ratioPercent(1n, -1n)).toThrow(RangeError);
  });

  it('is within half a hundredth of the exact ratio', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const h = hundredths(ratioPercent(n, d)!);
        // |h/100 − 100·n/d| ≤ 1/200  ⇔  |2·d·h − 20000·n| ≤ d
        const diff = 2n * d * h - 20_000n * n;
        expect((diff < 0n ? -diff : diff) <= d).toBe(true);
        // Symmetric around zero (half away from zero), and never a '-0.00'.
        expect(hundredths(ratioPercent(-n, d)!)).toBe(-h);
        expect(ratioPercent(-n, d)).not.toBe('-0.00');
      }),
    );
  });
});

describe('retention', () => {
  it.each<[string, CohortMember[], bigint, bigint, bigint, string | null, string | null]>([
    ['an empty cohort is undefined, not 0 % or 100 %', [], 0n, 0n, 0n, null, null],
    ['only customers who were not paying then: excluded, so undefined', [{ startMinor: 0n, currentMinor: 8_000n }], 0n, 0n, 0n, null, null],
    ['everyone stays flat', [{ startMinor: 10_000n, currentMinor: 10_000n }, { startMinor: 5_000n, currentMinor: 5_000n }], 15_000n, 15_000n, 15_000n, '100.00', '100.00'],
    [
      'expansion lifts NRR above 100 %, GRR stays capped at 100 %',
      [{ startMinor: 10_000n, currentMinor: 15_000n }, { startMinor: 10_000n, currentMinor: 10_000n }],
      20_000n,
      25_000n,
      20_000n,
      '125.00',
      '100.00',
    ],
    [
      'mixed: expansion, churn, contraction; a new customer (start 0) does not count',
      [
        { startMinor: 10_000n, currentMinor: 12_000n },
        { startMinor: 5_000n, currentMinor: 0n },
        { startMinor: 0n, currentMinor: 8_000n },
        { startMinor: 3_000n, currentMinor: 2_000n },
      ],
      18_000n,
      14_000n,
      12_000n,
      '77.78', // 14000 / 18000 = 77.777…
      '66.67', // 12000 / 18000 = 66.666…
    ],
    ['everybody left', [{ startMinor: 4_000n, currentMinor: 0n }, { startMinor: 6_000n, currentMinor: 0n }], 10_000n, 0n, 0n, '0.00', '0.00'],
    [
      'expansion of one customer does not hide the loss of another in GRR',
      [{ startMinor: 10_000n, currentMinor: 20_000n }, { startMinor: 10_000n, currentMinor: 0n }],
      20_000n,
      20_000n,
      10_000n,
      '100.00',
      '50.00',
    ],
    ['thirds round half away from zero', [{ startMinor: 3n, currentMinor: 2n }], 3n, 2n, 2n, '66.67', '66.67'],
    ['a member with a negative start (bad data) is left out like a zero one', [{ startMinor: -5n, currentMinor: 5n }, { startMinor: 8n, currentMinor: 1n }], 8n, 1n, 1n, '12.50', '12.50'],
  ])('%s', (_name, cohort, start, current, retained, nrr, grr) => {
    expect(retention(cohort)).toEqual({ startMinor: start, currentMinor: current, retainedMinor: retained, nrr, grr });
  });

  it('retentionFromSums formats pre-aggregated sums the same way', () => {
    expect(retentionFromSums(18_000n, 14_000n, 12_000n)).toEqual({ startMinor: 18_000n, currentMinor: 14_000n, retainedMinor: 12_000n, nrr: '77.78', grr: '66.67' });
    expect(retentionFromSums(0n, 0n, 0n)).toEqual({ startMinor: 0n, currentMinor: 0n, retainedMinor: 0n, nrr: null, grr: null });
  });

  const member = fc.record<CohortMember>({
    startMinor: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10n ** 9n })),
    currentMinor: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 2n * 10n ** 9n })),
  });

  it('0 ≤ GRR ≤ 100 % and NRR ≥ GRR, as exact fractions and after rounding', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 30 }), (cohort) => {
        const r = retention(cohort);
        const inCohort = cohort.filter((m) => m.startMinor > 0n);
        // Independent sums.
        const start = inCohort.reduce((a, m) => a + m.startMinor, 0n);
        const current = inCohort.reduce((a, m) => a + m.currentMinor, 0n);
        const retained = inCohort.reduce((a, m) => a + (m.currentMinor < m.startMinor ? m.currentMinor : m.startMinor), 0n);
        expect([r.startMinor, r.currentMinor, r.retainedMinor]).toEqual([start, current, retained]);
        if (start === 0n) {
          expect([r.nrr, r.grr]).toEqual([null, null]);
          return;
        }
        // Exact: retained/start ≤ 1, current/start ≥ retained/start, retained/start ≥ 0 (same positive denominator).
        expect(retained <= start && current >= retained && retained >= 0n).toBe(true);
        const grr = hundredths(r.grr!);
        const nrr = hundredths(r.nrr!);
        expect(grr >= 0n && grr <= 10_000n && nrr >= grr).toBe(true);
      }),
    );
  });

  it('adding a customer who was not paying at the start changes nothing', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 10 }), fc.bigInt({ min: 0n, max: 10n ** 9n }), (cohort, current) => {
        expect(retention([...cohort, { startMinor: 0n, currentMinor: current }])).toEqual(retention(cohort));
      }),
    );
  });
});

describe('churn rates', () => {
  it.each<[number, number, string | null]>([
    [3, 40, '7.50'],
    [1, 3, '33.33'],
    [0, 12, '0.00'],
    [12, 12, '100.00'],
    [0, 0, null],
    [2, 0, null],
  ])('logo churn %i of %i → %p', (churned, atStart, expected) => {
    expect(logoChurnRate(churned, atStart)).toBe(expected);
  });

  it.each<[bigint, bigint, bigint, string | null]>([
    [-5_000n, -1_000n, 100_000n, '6.00'],
    [0n, 0n, 100_000n, '0.00'],
    [-100_000n, 0n, 100_000n, '100.00'],
    [-1n, -1n, 3n, '66.67'],
    [-5_000n, 0n, 0n, null],
  ])('gross MRR churn: churn %p, contraction %p on %p → %p', (churn, contraction, opening, expected) => {
    expect(grossMrrChurn({ CHURN: churn, CONTRACTION: contraction }, opening)).toBe(expected);
  });

  it.each<[string, bigint, bigint, bigint, bigint, bigint, string | null]>([
    ['losses only', -5_000n, -1_000n, 0n, 0n, 100_000n, '6.00'],
    ['losses partly offset', -5_000n, -1_000n, 2_000n, 1_000n, 100_000n, '3.00'],
    ['expansion outweighs losses: negative', -5_000n, -1_000n, 8_000n, 500n, 100_000n, '-2.50'],
    ['pure growth', 0n, 0n, 1_000n, 0n, 3_000n, '-33.33'],
    ['exactly offset', -1_000n, 0n, 500n, 500n, 10_000n, '0.00'],
    ['no opening MRR', -1n, 0n, 0n, 0n, 0n, null],
  ])('net MRR churn: %s', (_name, churn, contraction, expansion, reactivation, opening, expected) => {
    expect(netMrrChurn({ CHURN: churn, CONTRACTION: contraction, EXPANSION: expansion, REACTIVATION: reactivation }, opening)).toBe(expected);
  });

  it('net churn never exceeds gross churn when growth is non-negative', () => {
    const amount = fc.bigInt({ min: 0n, max: 10n ** 9n });
    fc.assert(
      fc.property(amount, amount, amount, amount, fc.bigInt({ min: 1n, max: 10n ** 10n }), (churn, contraction, expansion, reactivation, opening) => {
        const gross = hundredths(grossMrrChurn({ CHURN: -churn, CONTRACTION: -contraction }, opening)!);
        const net = hundredths(netMrrChurn({ CHURN: -churn, CONTRACTION: -contraction, EXPANSION: expansion, REACTIVATION: reactivation }, opening)!);
        expect(net <= gross && gross >= 0n).toBe(true);
      }),
    );
  });
});

describe('ARR, ARPA and lifetime value', () => {
  it.each<[bigint, bigint]>([
    [0n, 0n],
    [12_345n, 148_140n],
    [9_999n, 119_988n],
    [1n, 12n],
  ])('ARR of %p = %p', (mrr, arr) => {
    expect(arrMinor(mrr)).toBe(arr);
  });

  it.each<[bigint, number, bigint | null]>([
    [100_000n, 4, 25_000n],
    [100_001n, 2, 50_001n], // 50000.5 → half up
    [10n, 3, 3n],
    [20n, 3, 7n],
    [0n, 5, 0n],
    [0n, 0, null],
    [5_000n, 0, null],
  ])('ARPA of %p over %i customers = %p', (mrr, customers, expected) => {
    expect(arpaMinor(mrr, customers)).toBe(expected);
  });

  it.each<[bigint | null, number, number, bigint]>([
    [5_000n, 2, 120, 300_000n], // 5000 × 120 ÷ 2
    [5_000n, 3, 100, 166_667n], // 500000 ÷ 3 = 166666.67
    [1n, 2, 1, 1n], // 0.5 → half up
    [2_500n, 12, 12, 2_500n], // every customer churned each month: LTV = one month
  ])('LTV(ARPA %p, churned %i, customer-months %i) = %p', (arpa, churned, months, expected) => {
    expect(lifetimeValue(arpa, churned, months)).toEqual({ defined: true, ltvMinor: expected });
  });

  it.each<[string, bigint | null, number, number, RegExp]>([
    ['no customers (no ARPA)', null, 0, 0, /No paying customers/],
    ['no customer-months at risk', 5_000n, 1, 0, /No paying customers/],
    ['no ARPA even with churn', null, 3, 10, /No paying customers/],
    ['no churn', 5_000n, 0, 120, /unbounded/],
  ])('LTV is undefined, with a reason, for %s — never Infinity', (_name, arpa, churned, months, reason) => {
    const ltv = lifetimeValue(arpa, churned, months);
    expect(ltv).toEqual({ defined: false, reason: expect.stringMatching(reason) });
    expect(JSON.stringify(ltv, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toMatch(/Infinity|NaN/);
  });
});
