import fc from 'fast-check';
import { customerMonths, zeroTotals } from '../customer-months';
import { addDays, addMonths, endOfMonth, type IsoDate, monthOf } from '../dates';
import { customerMovements, type LedgerEvent, MOVEMENT_KINDS, type Movement, type PartnerOfRecord } from '../movements';
import { customerArb, customerMrrAt, event, mapEntries, monthLine, movement, ONLY_PARTNER, organisationAt, partner, START, sumBy } from './builders';

describe('customerMonths from movements', () => {
  it.each<[string, Movement[], IsoDate, string[]]>([
    ['no movements, no rows', [], '2024-12-01', []],
    [
      'a paying customer has a row every month up to the last month asked for',
      [movement('2024-01-15', 'A', 'NEW', 'EUR', 5_000n)],
      '2024-04-01',
      ['2024-01-01 A EUR 0 → 5000 | NEW:5000', '2024-02-01 A EUR 5000 → 5000', '2024-03-01 A EUR 5000 → 5000', '2024-04-01 A EUR 5000 → 5000'],
    ],
    [
      'none after churn until the reactivation',
      [movement('2024-01-15', 'A', 'NEW', 'EUR', 5_000n), movement('2024-03-10', 'A', 'CHURN', 'EUR', -5_000n), movement('2024-06-05', 'A', 'REACTIVATION', 'EUR', 7_000n)],
      '2024-07-01',
      ['2024-01-01 A EUR 0 → 5000 | NEW:5000', '2024-02-01 A EUR 5000 → 5000', '2024-03-01 A EUR 5000 → 0 | CHURN:-5000', '2024-06-01 A EUR 0 → 7000 | REACTIVATION:7000', '2024-07-01 A EUR 7000 → 7000'],
    ],
    [
      'same-month start and cancel: one row, zero to zero, showing both',
      [movement('2024-02-03', 'A', 'NEW', 'EUR', 4_000n), movement('2024-02-20', 'A', 'CHURN', 'EUR', -4_000n)],
      '2024-04-01',
      ['2024-02-01 A EUR 0 → 0 | NEW:4000 CHURN:-4000'],
    ],
    [
      'movements of one kind in one month are summed',
      [
        movement('2024-01-01', 'A', 'NEW', 'EUR', 10_000n),
        movement('2024-01-10', 'A', 'EXPANSION', 'EUR', 2_000n),
        movement('2024-01-20', 'A', 'EXPANSION', 'EUR', 3_000n, 's2'),
        movement('2024-01-25', 'A', 'CONTRACTION', 'EUR', -1_000n),
      ],
      '2024-01-01',
      ['2024-01-01 A EUR 0 → 14000 | NEW:10000 EXPANSION:5000 CONTRACTION:-1000'],
    ],
    [
      'movements that cancel out still keep the month visible',
      [movement('2024-01-01', 'A', 'NEW', 'EUR', 10_000n), movement('2024-02-05', 'A', 'EXPANSION', 'EUR', 2_000n), movement('2024-02-25', 'A', 'CONTRACTION', 'EUR', -2_000n)],
      '2024-02-01',
      ['2024-01-01 A EUR 0 → 10000 | NEW:10000', '2024-02-01 A EUR 10000 → 10000 | EXPANSION:2000 CONTRACTION:-2000'],
    ],
    [
      'a transfer month has a row for each partner',
      [
        movement('2024-01-10', 'A', 'NEW', 'EUR', 10_000n),
        movement('2024-03-01', 'A', 'TRANSFER_OUT', 'EUR', -10_000n),
        movement('2024-03-01', 'B', 'TRANSFER_IN', 'EUR', 10_000n),
        movement('2024-04-15', 'B', 'EXPANSION', 'EUR', 2_000n),
      ],
      '2024-05-01',
      [
        '2024-01-01 A EUR 0 → 10000 | NEW:10000',
        '2024-02-01 A EUR 10000 → 10000',
        '2024-03-01 A EUR 10000 → 0 | TRANSFER_OUT:-10000',
        '2024-03-01 B EUR 0 → 10000 | TRANSFER_IN:10000',
        '2024-04-01 B EUR 10000 → 12000 | EXPANSION:2000',
        '2024-05-01 B EUR 12000 → 12000',
      ],
    ],
    [
      'currencies are separate rows, never added',
      [movement('2024-01-05', 'A', 'NEW', 'EUR', 10_000n), movement('2024-02-05', 'A', 'EXPANSION', 'USD', 20_000n, 's2'), movement('2024-03-05', 'A', 'CONTRACTION', 'EUR', -10_000n)],
      '2024-04-01',
      [
        '2024-01-01 A EUR 0 → 10000 | NEW:10000',
        '2024-02-01 A EUR 10000 → 10000',
        '2024-02-01 A USD 0 → 20000 | EXPANSION:20000',
        '2024-03-01 A EUR 10000 → 0 | CONTRACTION:-10000',
        '2024-03-01 A USD 20000 → 20000',
        '2024-04-01 A USD 20000 → 20000',
      ],
    ],
    [
      'movements after the last month are ignored; the last month may be any day of it',
      [movement('2024-01-31', 'A', 'NEW', 'EUR', 1_000n), movement('2024-03-01', 'A', 'EXPANSION', 'EUR', 500n)],
      '2024-02-29',
      ['2024-01-01 A EUR 0 → 1000 | NEW:1000', '2024-02-01 A EUR 1000 → 1000'],
    ],
    ['a last month before the first movement gives nothing', [movement('2024-05-01', 'A', 'NEW', 'EUR', 1_000n)], '2024-04-30', []],
    [
      'across a year end, and 29 February belongs to February',
      [movement('2023-12-31', 'A', 'NEW', 'EUR', 1_000n), movement('2024-02-29', 'A', 'EXPANSION', 'EUR', 1n)],
      '2024-03-01',
      ['2023-12-01 A EUR 0 → 1000 | NEW:1000', '2024-01-01 A EUR 1000 → 1000', '2024-02-01 A EUR 1000 → 1001 | EXPANSION:1', '2024-03-01 A EUR 1001 → 1001'],
    ],
    [
      'input order does not matter',
      [movement('2024-02-10', 'A', 'CHURN', 'EUR', -1_000n), movement('2024-01-10', 'A', 'NEW', 'EUR', 1_000n)],
      '2024-03-01',
      ['2024-01-01 A EUR 0 → 1000 | NEW:1000', '2024-02-01 A EUR 1000 → 0 | CHURN:-1000'],
    ],
  ])('%s', (_name, movements, until, expected) => {
    expect(customerMonths(movements, until).map(monthLine)).toEqual(expected);
  });

  it('rows carry all seven totals, zero where nothing happened', () => {
    const [row] = customerMonths([movement('2024-01-10', 'A', 'NEW', 'EUR', 1_000n)], '2024-01-01');
    expect(row).toEqual({ month: '2024-01-01', organisationId: 'A', currency: 'EUR', openingMinor: 0n, movements: { ...zeroTotals(), NEW: 1_000n }, closingMinor: 1_000n });
    expect(Object.keys(zeroTotals()).sort()).toEqual([...MOVEMENT_KINDS].sort());
  });

  it('zeroTotals gives a fresh object each time', () => {
    const a = zeroTotals();
    a.NEW = 5n;
    expect(zeroTotals().NEW).toBe(0n);
  });
});

describe('customerMonths from ledger events', () => {
  const AB = [partner('A', '2024-01-01'), partner('B', '2024-05-01')];
  it.each<[string, LedgerEvent[], readonly PartnerOfRecord[], IsoDate, string[]]>([
    [
      'a pause leaves a gap in the rows',
      [event('s1', '2024-01-01'), event('s1', '2024-02-15', { status: 'PAUSED' }), event('s1', '2024-05-01')],
      ONLY_PARTNER,
      '2024-06-01',
      ['2024-01-01 A EUR 0 → 10000 | NEW:10000', '2024-02-01 A EUR 10000 → 0 | CHURN:-10000', '2024-05-01 A EUR 0 → 10000 | REACTIVATION:10000', '2024-06-01 A EUR 10000 → 10000'],
    ],
    [
      'transfer while not paying: the old partner keeps the churn, the new one gets the reactivation',
      [event('s1', '2024-01-01', { unitPriceMinor: 5_000n }), event('s1', '2024-03-01', { status: 'CANCELLED' }), event('s1', '2024-08-01', { unitPriceMinor: 5_000n })],
      AB,
      '2024-09-01',
      ['2024-01-01 A EUR 0 → 5000 | NEW:5000', '2024-02-01 A EUR 5000 → 5000', '2024-03-01 A EUR 5000 → 0 | CHURN:-5000', '2024-08-01 B EUR 0 → 5000 | REACTIVATION:5000', '2024-09-01 B EUR 5000 → 5000'],
    ],
    [
      'reactivation after two years: nothing in between',
      [event('s1', '2022-01-10'), event('s1', '2022-03-10', { status: 'CANCELLED' }), event('s1', '2024-03-10', { unitPriceMinor: 12_000n })],
      ONLY_PARTNER,
      '2024-04-01',
      ['2022-01-01 A EUR 0 → 10000 | NEW:10000', '2022-02-01 A EUR 10000 → 10000', '2022-03-01 A EUR 10000 → 0 | CHURN:-10000', '2024-03-01 A EUR 0 → 12000 | REACTIVATION:12000', '2024-04-01 A EUR 12000 → 12000'],
    ],
    [
      'an annual plan with a first-year discount: flat monthly rows, expansion in month 13',
      [event('s1', '2024-01-01', { unitPriceMinor: 120_000n, intervalMonths: 12, discount: { kind: 'AMOUNT', amountMinor: 12_000n }, discountEndsOn: '2025-01-01' })],
      ONLY_PARTNER,
      '2025-01-01',
      [
        '2024-01-01 A EUR 0 → 9000 | NEW:9000',
        ...['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2024-${m}-01 A EUR 9000 → 9000`),
        '2025-01-01 A EUR 9000 → 10000 | EXPANSION:1000',
      ],
    ],
  ])('%s', (_name, events, partners, until, expected) => {
    expect(customerMonths(customerMovements(events, partners), until).map(monthLine)).toEqual(expected);
  });
});

describe('customerMonths properties (random customers)', () => {
  const untilArb = fc.integer({ min: 0, max: 40 }).map((k) => addMonths(START, k));
  const key = (org: string, currency: string): string => `${org}|${currency}`;

  it('closing − opening = the month’s movements, opening = last month’s closing, no gaps while closing ≠ 0', () => {
    fc.assert(
      fc.property(customerArb, untilArb, ({ events, partners }, until) => {
        const movements = customerMovements(events, partners);
        const rows = customerMonths(movements, until);
        const lastClosing = new Map<string, { month: IsoDate; closing: bigint }>();
        for (const row of rows) {
          const k = key(row.organisationId, row.currency);
          const totals = Object.values(row.movements).reduce((a, b) => a + b, 0n);
          expect(row.closingMinor - row.openingMinor).toBe(totals);
          const previous = lastClosing.get(k);
          const carried = previous && previous.month === addMonths(row.month, -1) ? previous.closing : 0n;
          expect([row.month, k, row.openingMinor]).toEqual([row.month, k, carried]);
          // A non-zero closing must be picked up by the very next month's row.
          if (previous && previous.month !== addMonths(row.month, -1)) expect(previous.closing).toBe(0n);
          expect(row.openingMinor !== 0n || row.closingMinor !== 0n || Object.values(row.movements).some((v) => v !== 0n)).toBe(true);
          lastClosing.set(k, { month: row.month, closing: row.closingMinor });
        }
        for (const { month, closing } of lastClosing.values()) if (closing !== 0n) expect(month).toBe(monthOf(until));
      }),
      { numRuns: 300 },
    );
  });

  it('each total is the sum of that kind’s movements in the month, and no movement up to the last month is lost', () => {
    fc.assert(
      fc.property(customerArb, untilArb, ({ events, partners }, until) => {
        const movements = customerMovements(events, partners).filter((m) => monthOf(m.date) <= until);
        const expected = sumBy(movements, (m) => `${monthOf(m.date)}|${m.organisationId}|${m.currency}|${m.kind}`, (m) => m.amountMinor);
        const rows = customerMonths(movements, until);
        const actual = new Map<string, bigint>();
        for (const row of rows) {
          for (const [kind, amount] of Object.entries(row.movements)) if (amount !== 0n) actual.set(`${row.month}|${row.organisationId}|${row.currency}|${kind}`, amount);
        }
        expect(mapEntries(actual)).toEqual(mapEntries(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('the last month’s closing is the MRR at its end, all with the partner of record then', () => {
    fc.assert(
      fc.property(customerArb, untilArb, ({ events, partners }, until) => {
        const rows = customerMonths(customerMovements(events, partners), until).filter((r) => r.month === until && r.closingMinor !== 0n);
        const owner = organisationAt(partners, endOfMonth(until));
        const expected = new Map([...customerMrrAt(events, endOfMonth(until))].map(([currency, amount]) => [key(owner, currency), amount]));
        expect(mapEntries(new Map(rows.map((r) => [key(r.organisationId, r.currency), r.closingMinor])))).toEqual(mapEntries(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('incremental equals rebuild: months up to M are the same whether computed until M or until a later month', () => {
    fc.assert(
      fc.property(customerArb, untilArb, fc.integer({ min: 0, max: 24 }), ({ events, partners }, until, more) => {
        const movements = customerMovements(events, partners);
        const later = addMonths(until, more);
        const prefix = customerMonths(movements, later).filter((row) => row.month <= until);
        expect(customerMonths(movements, until)).toEqual(prefix);
        // …and feeding only the movements known by M (as an incremental job would) gives the same rows too.
        expect(customerMonths(movements.filter((m) => m.date <= endOfMonth(until)), until)).toEqual(prefix);
      }),
      { numRuns: 300 },
    );
  });

  it('does not care about the day within the last month', () => {
    fc.assert(
      fc.property(customerArb, untilArb, fc.integer({ min: 0, max: 27 }), ({ events, partners }, until, day) => {
        const movements = customerMovements(events, partners);
        expect(customerMonths(movements, addDays(until, day))).toEqual(customerMonths(movements, until));
      }),
      { numRuns: 100 },
    );
  });
});
