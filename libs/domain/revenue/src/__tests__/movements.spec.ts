import fc from 'fast-check';
import { addDays } from '../dates';
import { customerMovements, type LedgerEvent, MOVEMENT_KINDS, type Movement, type MovementKind, type PartnerOfRecord, subscriptionChangePoints } from '../movements';
import {
  amountOff,
  customerArb,
  customerMrrAt,
  event,
  eventId,
  mapEntries,
  movementLine,
  ONLY_PARTNER,
  organisationAt,
  partner,
  percentOff,
  probeDates,
  type RandomCustomer,
  subscriptionMrrAt,
  sumBy,
} from './builders';

type Case = [name: string, events: LedgerEvent[], partners: readonly PartnerOfRecord[], expected: string[]];

const lines = (events: readonly LedgerEvent[], partners: readonly PartnerOfRecord[] = ONLY_PARTNER): string[] =>
  customerMovements(events, partners).map(movementLine);
const expectMovements = (_name: string, events: LedgerEvent[], partners: readonly PartnerOfRecord[], expected: string[]): void => {
  expect(lines(events, partners)).toEqual(expected);
};

describe('subscriptionChangePoints', () => {
  it('is empty without events', () => {
    expect(subscriptionChangePoints([])).toEqual([]);
  });

  it('keeps, of several events on one date, the one with the highest sequence, whatever the input order', () => {
    const events = [event('s1', '2024-02-01', { quantity: 5 }, 7), event('s1', '2024-01-01', { quantity: 1 }, 9), event('s1', '2024-02-01', { quantity: 9 }, 3)];
    expect(subscriptionChangePoints(events)).toEqual([
      { date: '2024-01-01', currency: 'EUR', mrrMinor: 10_000n, cause: 'EVENT', eventId: eventId('s1', '2024-01-01', 9) },
      { date: '2024-02-01', currency: 'EUR', mrrMinor: 50_000n, cause: 'EVENT', eventId: eventId('s1', '2024-02-01', 7) },
    ]);
  });

  it('adds the day a discount ends, attributed to the event that set it', () => {
    const e = event('s1', '2024-01-01', { discount: percentOff('20'), discountEndsOn: '2024-04-01' });
    expect(subscriptionChangePoints([e])).toEqual([
      { date: '2024-01-01', currency: 'EUR', mrrMinor: 8_000n, cause: 'EVENT', eventId: e.id },
      { date: '2024-04-01', currency: 'EUR', mrrMinor: 10_000n, cause: 'DISCOUNT_END', eventId: e.id },
    ]);
  });

  it.each<[string, string | null, string, number]>([
    ['ends before the next event', '2024-03-01', '2024-05-01', 3],
    ['ends on the next event (the event takes over)', '2024-05-01', '2024-05-01', 2],
    ['ends after the next event (superseded)', '2024-06-01', '2024-05-01', 2],
    ['ended before it was set', '2023-12-01', '2024-05-01', 2],
    ['ends on the day it is set', '2024-01-01', '2024-05-01', 2],
    ['open-ended', null, '2024-05-01', 2],
  ])('discount %s: %i points', (_name, endsOn, nextDate, count) => {
    const points = subscriptionChangePoints([event('s1', '2024-01-01', { discount: amountOff(1_000n), discountEndsOn: endsOn }), event('s1', nextDate, { quantity: 2 })]);
    expect(points).toHaveLength(count);
    expect(points.filter((p) => p.cause === 'DISCOUNT_END').map((p) => p.date)).toEqual(count === 3 ? [endsOn] : []);
  });
});

describe('customerMovements: the basic kinds', () => {
  it.each<Case>([
    ['no events, no movements', [], ONLY_PARTNER, []],
    ['a first monthly subscription is NEW', [event('s1', '2024-01-15', { unitPriceMinor: 5_000n })], ONLY_PARTNER, ['2024-01-15 A s1 NEW EUR 5000']],
    [
      'a trial is 0; converting it to ACTIVE is NEW',
      [event('s1', '2024-01-01', { status: 'TRIAL', unitPriceMinor: 5_000n }), event('s1', '2024-01-15', { unitPriceMinor: 5_000n })],
      ONLY_PARTNER,
      ['2024-01-15 A s1 NEW EUR 5000'],
    ],
    [
      'a trial that ends cancelled never moves MRR',
      [event('s1', '2024-01-01', { status: 'TRIAL' }), event('s1', '2024-01-15', { status: 'CANCELLED' })],
      ONLY_PARTNER,
      [],
    ],
    [
      'a free plan is 0; upgrading to a paid plan is NEW',
      [event('s1', '2024-01-01', { unitPriceMinor: 0n, quantity: 10 }), event('s1', '2024-03-01', { unitPriceMinor: 900n, quantity: 10 })],
      ONLY_PARTNER,
      ['2024-03-01 A s1 NEW EUR 9000'],
    ],
    [
      'mid-month upgrade: 2 → 3 seats on the 17th is EXPANSION',
      [event('s1', '2024-01-01', { quantity: 2, unitPriceMinor: 5_000n }), event('s1', '2024-03-17', { quantity: 3, unitPriceMinor: 5_000n })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-03-17 A s1 EXPANSION EUR 5000'],
    ],
    [
      'mid-month downgrade: 3 → 1 seat on the 17th is CONTRACTION',
      [event('s1', '2024-01-01', { quantity: 3, unitPriceMinor: 5_000n }), event('s1', '2024-03-17', { quantity: 1, unitPriceMinor: 5_000n })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 15000', '2024-03-17 A s1 CONTRACTION EUR -10000'],
    ],
    [
      'a price rise on the same seats is EXPANSION',
      [event('s1', '2024-01-01', { unitPriceMinor: 5_000n }), event('s1', '2025-01-01', { unitPriceMinor: 5_500n })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 5000', '2025-01-01 A s1 EXPANSION EUR 500'],
    ],
    [
      'a change that leaves MRR unchanged (monthly 100 → quarterly 300) moves nothing',
      [event('s1', '2024-01-01'), event('s1', '2024-04-01', { unitPriceMinor: 30_000n, intervalMonths: 3 })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000'],
    ],
    [
      'same-month start and cancel: NEW then CHURN',
      [event('s1', '2024-02-03', { unitPriceMinor: 4_000n }), event('s1', '2024-02-20', { status: 'CANCELLED', unitPriceMinor: 4_000n })],
      ONLY_PARTNER,
      ['2024-02-03 A s1 NEW EUR 4000', '2024-02-20 A s1 CHURN EUR -4000'],
    ],
    [
      'annual plan: 1199.88 a year is 99.99 a month until cancelled',
      [event('s1', '2024-01-01', { unitPriceMinor: 119_988n, intervalMonths: 12 }), event('s1', '2025-01-01', { status: 'CANCELLED', unitPriceMinor: 119_988n, intervalMonths: 12 })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 9999', '2025-01-01 A s1 CHURN EUR -9999'],
    ],
    [
      'quarterly plan: 299.99 a quarter → 100.00 a month',
      [event('s1', '2024-01-01', { unitPriceMinor: 29_999n, intervalMonths: 3 })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000'],
    ],
    [
      'multi-year: a 24-month term of 1000.00 then renewed as 36 months at 1000.00',
      [event('s1', '2024-01-01', { unitPriceMinor: 100_000n, intervalMonths: 24 }), event('s1', '2026-01-01', { unitPriceMinor: 100_000n, intervalMonths: 36 })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 4167', '2026-01-01 A s1 CONTRACTION EUR -1389'],
    ],
    [
      'monthly to annual at the same yearly price: 100.00 → 1100.00 a year is CONTRACTION of 8.33',
      [event('s1', '2024-01-01'), event('s1', '2024-07-01', { unitPriceMinor: 110_000n, intervalMonths: 12 })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-07-01 A s1 CONTRACTION EUR -833'],
    ],
  ])('%s', expectMovements);
});

describe('customerMovements: discounts starting and ending', () => {
  it.each<Case>([
    [
      'a 20 % discount starting is CONTRACTION',
      [event('s1', '2024-01-01'), event('s1', '2024-04-01', { discount: percentOff('20') })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-04-01 A s1 CONTRACTION EUR -2000'],
    ],
    [
      'a discount ending on its end date is EXPANSION on that date',
      [event('s1', '2024-01-01', { discount: percentOff('20'), discountEndsOn: '2024-04-01' })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 8000', '2024-04-01 A s1 EXPANSION EUR 2000'],
    ],
    [
      'a fixed amount off an annual invoice, ending after the first year',
      [event('s1', '2024-01-01', { unitPriceMinor: 120_000n, intervalMonths: 12, discount: amountOff(24_000n), discountEndsOn: '2025-01-01' })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 8000', '2025-01-01 A s1 EXPANSION EUR 2000'],
    ],
    [
      'a 100 % discount: nothing until it ends, then NEW',
      [event('s1', '2024-01-01', { discount: percentOff('100'), discountEndsOn: '2024-03-01' })],
      ONLY_PARTNER,
      ['2024-03-01 A s1 NEW EUR 10000'],
    ],
    [
      'an amount discount above the charge is capped at it: nothing until it ends',
      [event('s1', '2024-01-01', { discount: amountOff(50_000n), discountEndsOn: '2024-03-01' })],
      ONLY_PARTNER,
      ['2024-03-01 A s1 NEW EUR 10000'],
    ],
    [
      'a discount superseded by an event before its end date never produces its own movement',
      [event('s1', '2024-01-01', { discount: percentOff('50'), discountEndsOn: '2024-06-01' }), event('s1', '2024-03-01', { quantity: 2 })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 5000', '2024-03-01 A s1 EXPANSION EUR 15000'],
    ],
    [
      'a discount ending while the subscription is paused moves nothing; resuming at full price is REACTIVATION',
      [
        event('s1', '2024-01-01', { discount: percentOff('50') }),
        event('s1', '2024-02-01', { status: 'PAUSED', discount: percentOff('50'), discountEndsOn: '2024-03-01' }),
        event('s1', '2024-04-01'),
      ],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 5000', '2024-02-01 A s1 CHURN EUR -5000', '2024-04-01 A s1 REACTIVATION EUR 10000'],
    ],
    [
      'a discount starting on one of two subscriptions is CONTRACTION, ending is EXPANSION',
      [event('s1', '2024-01-01'), event('s2', '2024-01-01', { unitPriceMinor: 4_000n }), event('s2', '2024-05-01', { unitPriceMinor: 4_000n, discount: amountOff(1_000n), discountEndsOn: '2024-08-01' })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-01-01 A s2 EXPANSION EUR 4000', '2024-05-01 A s2 CONTRACTION EUR -1000', '2024-08-01 A s2 EXPANSION EUR 1000'],
    ],
  ])('%s', expectMovements);

  it('a discount end carries cause DISCOUNT_END and the id of the event that set the discount', () => {
    const e = event('s1', '2024-01-01', { discount: percentOff('20'), discountEndsOn: '2024-04-01' });
    const [first, second] = customerMovements([e], ONLY_PARTNER);
    expect(first).toMatchObject({ kind: 'NEW', cause: 'EVENT', sourceId: e.id });
    expect(second).toMatchObject({ kind: 'EXPANSION', cause: 'DISCOUNT_END', sourceId: e.id, date: '2024-04-01' });
  });
});

describe('customerMovements: pauses, churn and reactivation', () => {
  it.each<Case>([
    [
      'pausing the only subscription is CHURN, resuming is REACTIVATION',
      [event('s1', '2024-01-01', { unitPriceMinor: 5_000n }), event('s1', '2024-03-10', { status: 'PAUSED', unitPriceMinor: 5_000n }), event('s1', '2024-05-10', { unitPriceMinor: 5_000n })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 5000', '2024-03-10 A s1 CHURN EUR -5000', '2024-05-10 A s1 REACTIVATION EUR 5000'],
    ],
    [
      'pausing one of two subscriptions is CONTRACTION, resuming it EXPANSION',
      [event('s1', '2024-01-01'), event('s2', '2024-01-01', { unitPriceMinor: 3_000n }), event('s2', '2024-02-01', { status: 'PAUSED', unitPriceMinor: 3_000n }), event('s2', '2024-04-01', { unitPriceMinor: 3_000n })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-01-01 A s2 EXPANSION EUR 3000', '2024-02-01 A s2 CONTRACTION EUR -3000', '2024-04-01 A s2 EXPANSION EUR 3000'],
    ],
    [
      'cancelling one of several subscriptions is CONTRACTION, the last one CHURN',
      [event('s1', '2024-01-01'), event('s2', '2024-02-01', { unitPriceMinor: 2_000n }), event('s1', '2024-06-01', { status: 'CANCELLED' }), event('s2', '2024-09-01', { status: 'CANCELLED', unitPriceMinor: 2_000n })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-02-01 A s2 EXPANSION EUR 2000', '2024-06-01 A s1 CONTRACTION EUR -10000', '2024-09-01 A s2 CHURN EUR -2000'],
    ],
    [
      'cancelling both subscriptions on one day: CONTRACTION then CHURN (by subscription id)',
      [event('s1', '2024-01-01'), event('s2', '2024-01-01', { unitPriceMinor: 2_000n }), event('s2', '2024-06-01', { status: 'CANCELLED' }), event('s1', '2024-06-01', { status: 'CANCELLED' })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-01-01 A s2 EXPANSION EUR 2000', '2024-06-01 A s1 CONTRACTION EUR -10000', '2024-06-01 A s2 CHURN EUR -2000'],
    ],
    [
      'reactivation after a gap of two years, on a new subscription',
      [event('s1', '2022-01-01', { unitPriceMinor: 5_000n }), event('s1', '2022-06-01', { status: 'CANCELLED', unitPriceMinor: 5_000n }), event('s2', '2024-06-01', { unitPriceMinor: 7_000n })],
      ONLY_PARTNER,
      ['2022-01-01 A s1 NEW EUR 5000', '2022-06-01 A s1 CHURN EUR -5000', '2024-06-01 A s2 REACTIVATION EUR 7000'],
    ],
    [
      'a second churn and reactivation are CHURN and REACTIVATION again (NEW only once)',
      [
        event('s1', '2024-01-01'),
        event('s1', '2024-02-01', { status: 'CANCELLED' }),
        event('s1', '2024-03-01'),
        event('s1', '2024-04-01', { status: 'PAUSED' }),
        event('s1', '2024-05-01'),
      ],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-02-01 A s1 CHURN EUR -10000', '2024-03-01 A s1 REACTIVATION EUR 10000', '2024-04-01 A s1 CHURN EUR -10000', '2024-05-01 A s1 REACTIVATION EUR 10000'],
    ],
    [
      'a churned customer starting a trial is not reactivated until the trial converts',
      [event('s1', '2024-01-01'), event('s1', '2024-02-01', { status: 'CANCELLED' }), event('s2', '2025-01-01', { status: 'TRIAL' }), event('s2', '2025-01-15')],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-02-01 A s1 CHURN EUR -10000', '2025-01-15 A s2 REACTIVATION EUR 10000'],
    ],
    [
      'two subscriptions starting the same day: the first is NEW, the second EXPANSION',
      [event('s2', '2024-01-01', { unitPriceMinor: 3_000n }), event('s1', '2024-01-01')],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-01-01 A s2 EXPANSION EUR 3000'],
    ],
    [
      'a second subscription is EXPANSION',
      [event('s1', '2024-01-01'), event('s2', '2024-03-12', { unitPriceMinor: 2_500n })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-03-12 A s2 EXPANSION EUR 2500'],
    ],
  ])('%s', expectMovements);
});

describe('customerMovements: same-date ordering', () => {
  it.each<Case>([
    [
      'plan switch up (cancel old, start new on one day) is EXPANSION + CONTRACTION, not CHURN + REACTIVATION',
      [event('a-old', '2024-01-01'), event('a-old', '2024-05-01', { status: 'CANCELLED' }), event('b-new', '2024-05-01', { unitPriceMinor: 15_000n })],
      ONLY_PARTNER,
      ['2024-01-01 A a-old NEW EUR 10000', '2024-05-01 A b-new EXPANSION EUR 15000', '2024-05-01 A a-old CONTRACTION EUR -10000'],
    ],
    [
      'plan switch down is also EXPANSION + CONTRACTION, increase first',
      [event('a-old', '2024-01-01'), event('a-old', '2024-05-01', { status: 'CANCELLED' }), event('b-new', '2024-05-01', { unitPriceMinor: 5_000n })],
      ONLY_PARTNER,
      ['2024-01-01 A a-old NEW EUR 10000', '2024-05-01 A b-new EXPANSION EUR 5000', '2024-05-01 A a-old CONTRACTION EUR -10000'],
    ],
    [
      'plan switch to an identical price still shows both legs',
      [event('s1', '2024-01-01'), event('s1', '2024-05-01', { status: 'CANCELLED' }), event('s2', '2024-05-01')],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-05-01 A s2 EXPANSION EUR 10000', '2024-05-01 A s1 CONTRACTION EUR -10000'],
    ],
    [
      'of several events on one date the highest sequence wins (cancelled then re-activated the same day)',
      [event('s1', '2024-01-01'), event('s1', '2024-03-01', { quantity: 2 }, 2), event('s1', '2024-03-01', { status: 'CANCELLED' }, 1)],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-03-01 A s1 EXPANSION EUR 10000'],
    ],
    [
      'of several events on one date the highest sequence wins (re-activated then cancelled the same day)',
      [event('s1', '2024-01-01'), event('s1', '2024-03-01', { quantity: 2 }, 1), event('s1', '2024-03-01', { status: 'CANCELLED' }, 2)],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-03-01 A s1 CHURN EUR -10000'],
    ],
    [
      'start and cancel on the same day by sequence: nothing at all',
      [event('s1', '2024-03-01', {}, 1), event('s1', '2024-03-01', { status: 'CANCELLED' }, 2)],
      ONLY_PARTNER,
      [],
    ],
  ])('%s', expectMovements);
});

describe('customerMovements: currencies', () => {
  it.each<Case>([
    [
      'a subscription switching EUR → USD: increase in USD before the decrease in EUR',
      [event('s1', '2024-01-01'), event('s1', '2024-06-01', { currency: 'USD', unitPriceMinor: 11_000n })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-06-01 A s1 EXPANSION USD 11000', '2024-06-01 A s1 CONTRACTION EUR -10000'],
    ],
    [
      'switching currency to a lower number is still one increase and one decrease, never churn',
      [event('s1', '2024-01-01', { currency: 'USD', unitPriceMinor: 11_000n }), event('s1', '2024-06-01', { currency: 'EUR' })],
      ONLY_PARTNER,
      ['2024-01-01 A s1 NEW USD 11000', '2024-06-01 A s1 EXPANSION EUR 10000', '2024-06-01 A s1 CONTRACTION USD -11000'],
    ],
    [
      'a trial in EUR converting to a paid USD plan is only NEW in USD',
      [event('s1', '2024-01-01', { status: 'TRIAL' }), event('s1', '2024-02-01', { currency: 'USD' })],
      ONLY_PARTNER,
      ['2024-02-01 A s1 NEW USD 10000'],
    ],
    [
      'multi-currency customer: EUR and USD are never netted; paying = any subscription above zero',
      [
        event('eur', '2024-01-01'),
        event('usd', '2024-02-01', { currency: 'USD', unitPriceMinor: 20_000n }),
        event('eur', '2024-03-01', { status: 'CANCELLED' }),
        event('usd', '2024-04-01', { currency: 'USD', status: 'CANCELLED', unitPriceMinor: 20_000n }),
        event('usd', '2024-07-01', { currency: 'USD', unitPriceMinor: 5_000n }),
      ],
      ONLY_PARTNER,
      ['2024-01-01 A eur NEW EUR 10000', '2024-02-01 A usd EXPANSION USD 20000', '2024-03-01 A eur CONTRACTION EUR -10000', '2024-04-01 A usd CHURN USD -20000', '2024-07-01 A usd REACTIVATION USD 5000'],
    ],
    [
      'multi-currency customer losing the larger USD amount keeps paying in EUR: CONTRACTION, not CHURN',
      [event('eur', '2024-01-01', { unitPriceMinor: 1n }), event('usd', '2024-01-01', { currency: 'USD', unitPriceMinor: 90_000n }), event('usd', '2024-02-01', { currency: 'USD', status: 'PAUSED' })],
      ONLY_PARTNER,
      ['2024-01-01 A eur NEW EUR 1', '2024-01-01 A usd EXPANSION USD 90000', '2024-02-01 A usd CONTRACTION USD -90000'],
    ],
    [
      'JPY and KWD subscriptions keep their own minor units',
      [event('jp', '2024-01-01', { currency: 'JPY', unitPriceMinor: 120_000n, intervalMonths: 12 }), event('kw', '2024-01-01', { currency: 'KWD', unitPriceMinor: 12_345n })],
      ONLY_PARTNER,
      ['2024-01-01 A jp NEW JPY 10000', '2024-01-01 A kw EXPANSION KWD 12345'],
    ],
  ])('%s', expectMovements);
});

describe('customerMovements: partner of record', () => {
  const AB = [partner('A', '2024-01-01', 'por-a'), partner('B', '2024-07-01', 'por-b')];

  it.each<Case>([
    [
      'a transfer moves the current MRR out of A and into B; later changes belong to B',
      [event('s1', '2024-01-01'), event('s1', '2024-09-01', { unitPriceMinor: 12_000n })],
      AB,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-07-01 A s1 TRANSFER_OUT EUR -10000', '2024-07-01 B s1 TRANSFER_IN EUR 10000', '2024-09-01 B s1 EXPANSION EUR 2000'],
    ],
    [
      'a transfer is per subscription with non-zero MRR (trials are not moved)',
      [event('s2', '2024-01-01', { currency: 'USD', unitPriceMinor: 3_000n }), event('s1', '2024-02-01'), event('s3', '2024-03-01', { status: 'TRIAL' })],
      AB,
      [
        '2024-01-01 A s2 NEW USD 3000',
        '2024-02-01 A s1 EXPANSION EUR 10000',
        '2024-07-01 A s1 TRANSFER_OUT EUR -10000',
        '2024-07-01 B s1 TRANSFER_IN EUR 10000',
        '2024-07-01 A s2 TRANSFER_OUT USD -3000',
        '2024-07-01 B s2 TRANSFER_IN USD 3000',
      ],
    ],
    [
      'a transfer on the day of a change: the change is booked with the new partner',
      [event('s1', '2024-01-01'), event('s1', '2024-07-01', { quantity: 3 })],
      AB,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-07-01 A s1 TRANSFER_OUT EUR -10000', '2024-07-01 B s1 TRANSFER_IN EUR 10000', '2024-07-01 B s1 EXPANSION EUR 20000'],
    ],
    [
      'a transfer on the day the customer churns: B receives it and records the churn',
      [event('s1', '2024-01-01'), event('s1', '2024-07-01', { status: 'CANCELLED' })],
      AB,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-07-01 A s1 TRANSFER_OUT EUR -10000', '2024-07-01 B s1 TRANSFER_IN EUR 10000', '2024-07-01 B s1 CHURN EUR -10000'],
    ],
    [
      'transfer while not paying: no transfer movement; the reactivation goes to the new partner',
      [event('s1', '2024-01-01', { unitPriceMinor: 5_000n }), event('s1', '2024-03-01', { status: 'CANCELLED' }), event('s1', '2024-08-01', { unitPriceMinor: 5_000n })],
      AB,
      ['2024-01-01 A s1 NEW EUR 5000', '2024-03-01 A s1 CHURN EUR -5000', '2024-08-01 B s1 REACTIVATION EUR 5000'],
    ],
    [
      'transfer while paused: no transfer movement; resuming is REACTIVATION for the new partner',
      [event('s1', '2024-01-01'), event('s1', '2024-06-01', { status: 'PAUSED' }), event('s1', '2024-08-01')],
      AB,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-06-01 A s1 CHURN EUR -10000', '2024-08-01 B s1 REACTIVATION EUR 10000'],
    ],
    [
      'a new record for the same organisation is no transfer',
      [event('s1', '2024-01-01')],
      [partner('A', '2024-01-01'), partner('A', '2024-07-01')],
      ['2024-01-01 A s1 NEW EUR 10000'],
    ],
    [
      'a partner record dated before the first event decides who gets NEW, without any transfer',
      [event('s1', '2024-09-01')],
      AB,
      ['2024-09-01 B s1 NEW EUR 10000'],
    ],
    [
      'the earliest record applies from the customer start even when dated later',
      [event('s1', '2023-06-01')],
      [partner('B', '2024-07-01'), partner('A', '2024-01-01')],
      ['2023-06-01 A s1 NEW EUR 10000', '2024-07-01 A s1 TRANSFER_OUT EUR -10000', '2024-07-01 B s1 TRANSFER_IN EUR 10000'],
    ],
    [
      'A → B → A moves the MRR out and back',
      [event('s1', '2024-01-01')],
      [partner('A', '2024-01-01'), partner('B', '2024-03-01'), partner('A', '2024-05-01')],
      [
        '2024-01-01 A s1 NEW EUR 10000',
        '2024-03-01 A s1 TRANSFER_OUT EUR -10000',
        '2024-03-01 B s1 TRANSFER_IN EUR 10000',
        '2024-05-01 B s1 TRANSFER_OUT EUR -10000',
        '2024-05-01 A s1 TRANSFER_IN EUR 10000',
      ],
    ],
    [
      'a transfer after the customer churned for good moves nothing',
      [event('s1', '2024-01-01'), event('s1', '2024-02-01', { status: 'CANCELLED' })],
      AB,
      ['2024-01-01 A s1 NEW EUR 10000', '2024-02-01 A s1 CHURN EUR -10000'],
    ],
  ])('%s', expectMovements);

  it('transfer movements are caused by TRANSFER and point at the partner record', () => {
    const transfers = customerMovements([event('s1', '2024-01-01')], AB).filter((m) => m.cause === 'TRANSFER');
    expect(transfers.map((m) => [m.kind, m.sourceId])).toEqual([
      ['TRANSFER_OUT', 'por-b'],
      ['TRANSFER_IN', 'por-b'],
    ]);
    const anonymous = customerMovements([event('s1', '2024-01-01')], [partner('A', '2024-01-01'), partner('B', '2024-07-01')]);
    expect(anonymous.filter((m) => m.cause === 'TRANSFER').map((m) => m.sourceId)).toEqual([null, null]);
  });

  it('refuses a customer without a partner of record', () => {
    expect(() => customerMovements([event('s1', '2024-01-01')], [])).toThrow(RangeError);
  });
});

describe('customerMovements: sources', () => {
  it('every event movement names its event; the winning event of a date is the one named', () => {
    const events = [event('s1', '2024-01-01'), event('s1', '2024-02-01', { quantity: 2 }, 5), event('s1', '2024-02-01', { quantity: 3 }, 4)];
    expect(customerMovements(events, ONLY_PARTNER).map((m) => [m.kind, m.cause, m.sourceId])).toEqual([
      ['NEW', 'EVENT', eventId('s1', '2024-01-01')],
      ['EXPANSION', 'EVENT', eventId('s1', '2024-02-01', 5)],
    ]);
  });

  it('lists the movement kinds', () => {
    expect(MOVEMENT_KINDS).toEqual(['NEW', 'EXPANSION', 'CONTRACTION', 'CHURN', 'REACTIVATION', 'TRANSFER_IN', 'TRANSFER_OUT']);
  });
});

describe('customerMovements properties (random customers)', () => {
  const POSITIVE: ReadonlySet<MovementKind> = new Set(['NEW', 'EXPANSION', 'REACTIVATION', 'TRANSFER_IN']);
  const isTransfer = (m: Movement): boolean => m.kind === 'TRANSFER_IN' || m.kind === 'TRANSFER_OUT';
  const run = ({ events, partners }: RandomCustomer): Movement[] => customerMovements(events, partners);

  it('the running sum of movements per currency up to any date is the MRR on that date', () => {
    fc.assert(
      fc.property(customerArb, (customer) => {
        const movements = run(customer);
        for (const date of probeDates(customer)) {
          const booked = sumBy(
            movements.filter((m) => m.date <= date),
            (m) => m.currency,
            (m) => m.amountMinor,
          );
          expect([date, mapEntries(booked)]).toEqual([date, mapEntries(customerMrrAt(customer.events, date))]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('all MRR sits with the partner of record on each date, none with former partners', () => {
    fc.assert(
      fc.property(customerArb, (customer) => {
        const movements = run(customer);
        for (const date of probeDates(customer)) {
          const byPartner = sumBy(
            movements.filter((m) => m.date <= date),
            (m) => `${m.organisationId}|${m.currency}`,
            (m) => m.amountMinor,
          );
          const current = organisationAt(customer.partners, date);
          const expected = new Map([...customerMrrAt(customer.events, date)].map(([currency, amount]) => [`${current}|${currency}`, amount]));
          expect([date, mapEntries(byPartner)]).toEqual([date, mapEntries(expected)]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('TRANSFER_IN and TRANSFER_OUT cancel out per date and currency at vendor level, and mirror each other per subscription', () => {
    fc.assert(
      fc.property(customerArb, (customer) => {
        const transfers = run(customer).filter(isTransfer);
        expect(mapEntries(sumBy(transfers, (m) => `${m.date}|${m.currency}`, (m) => m.amountMinor))).toEqual([]);
        expect(mapEntries(sumBy(transfers, (m) => `${m.date}|${m.subscriptionId}`, (m) => m.amountMinor))).toEqual([]);
        for (const m of transfers) expect(m.cause).toBe('TRANSFER');
      }),
      { numRuns: 300 },
    );
  });

  it('transfers happen exactly when the organisation changes, for each subscription then above zero, at its MRR of the day before', () => {
    fc.assert(
      fc.property(customerArb, (customer) => {
        const movements = run(customer);
        const expected: string[] = [];
        const subscriptions = [...new Set(customer.events.map((e) => e.subscriptionId))].sort();
        const dates = [...new Set(customer.partners.map((p) => p.from))].sort();
        for (const date of dates) {
          const from = organisationAt(customer.partners, addDays(date, -1));
          const to = organisationAt(customer.partners, date);
          if (from === to) continue;
          for (const subscriptionId of subscriptions) {
            const { currency, amountMinor } = subscriptionMrrAt(customer.events, subscriptionId, addDays(date, -1));
            if (amountMinor === 0n) continue;
            expected.push(`${date} ${from} ${subscriptionId} TRANSFER_OUT ${currency} ${-amountMinor}`, `${date} ${to} ${subscriptionId} TRANSFER_IN ${currency} ${amountMinor}`);
          }
        }
        expect(movements.filter(isTransfer).map(movementLine)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('kinds follow the paying state: NEW once and first, REACTIVATION only after a churn, CHURN leaves zero everywhere', () => {
    fc.assert(
      fc.property(customerArb, (customer) => {
        const movements = run(customer);
        const running = new Map<string, bigint>();
        const total = (): bigint => [...running.values()].reduce((a, b) => a + b, 0n);
        let news = 0;
        let churned = false;
        for (const m of movements) {
          expect(m.amountMinor !== 0n).toBe(true);
          expect(m.amountMinor > 0n).toBe(POSITIVE.has(m.kind));
          if (isTransfer(m)) continue; // they net to zero before anything else on their date
          const before = total();
          running.set(m.currency, (running.get(m.currency) ?? 0n) + m.amountMinor);
          const after = total();
          for (const amount of running.values()) expect(amount >= 0n).toBe(true);
          switch (m.kind) {
            case 'NEW':
              news += 1;
              expect([news, churned, before]).toEqual([1, false, 0n]);
              break;
            case 'REACTIVATION':
              expect([news, churned, before]).toEqual([1, true, 0n]);
              break;
            case 'EXPANSION':
              expect(before > 0n).toBe(true);
              break;
            case 'CONTRACTION':
              expect(after > 0n).toBe(true);
              break;
            case 'CHURN':
              churned = true;
              expect([...running.values()].every((amount) => amount === 0n)).toBe(true);
              break;
          }
        }
        expect(news).toBe(movements.some((m) => m.kind === 'NEW') ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it('on each date increases come before decreases, and movements are in date order', () => {
    fc.assert(
      fc.property(customerArb, (customer) => {
        const movements = run(customer).filter((m) => !isTransfer(m));
        movements.slice(1).forEach((m, i) => {
          const previous = movements[i]!;
          expect(previous.date <= m.date).toBe(true);
          if (previous.date === m.date && m.amountMinor > 0n) expect(previous.amountMinor > 0n).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('non-transfer movements are booked with the partner of record on their date, and name a real event', () => {
    fc.assert(
      fc.property(customerArb, (customer) => {
        const ids = new Set(customer.events.map((e) => e.id));
        for (const m of run(customer).filter((x) => !isTransfer(x))) {
          expect(m.organisationId).toBe(organisationAt(customer.partners, m.date));
          expect(ids.has(m.sourceId ?? '')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order events and partner records are given in', () => {
    fc.assert(
      fc.property(customerArb, fc.integer(), (customer, seed) => {
        const shuffle = <T>(items: readonly T[]): T[] =>
          items
            .map((item, i) => ({ item, key: (i * 7_919 + seed) % 104_729 }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        // Partner records sharing a date are resolved by input order, so keep those out of the shuffle.
        const partners = new Set(customer.partners.map((p) => p.from)).size === customer.partners.length ? shuffle(customer.partners) : customer.partners;
        expect(customerMovements(shuffle(customer.events), partners)).toEqual(run(customer));
      }),
      { numRuns: 200 },
    );
  });
});

