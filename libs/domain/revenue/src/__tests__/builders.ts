import fc from 'fast-check';
import { parsePercent, percentFromUnits } from '@prm/domain/money';
import { addDays, type IsoDate } from '../dates';
import type { CustomerMonth } from '../customer-months';
import type { LedgerEvent, Movement, MovementKind, PartnerOfRecord } from '../movements';
import type { Discount, SubscriptionTerms } from '../mrr';

// ---------------------------------------------------------------------------------------------
// Hand-written fixtures
// ---------------------------------------------------------------------------------------------

/** Monthly, one seat at 100.00 EUR, no discount — override what a case is about. */
export function terms(overrides: Partial<SubscriptionTerms> = {}): SubscriptionTerms {
  return {
    status: 'ACTIVE',
    quantity: 1,
    unitPriceMinor: 10_000n,
    intervalMonths: 1,
    currency: 'EUR',
    discount: null,
    discountEndsOn: null,
    ...overrides,
  };
}

export const percentOff = (text: string): Discount => ({ kind: 'PERCENT', percent: parsePercent(text) });
export const amountOff = (amountMinor: bigint): Discount => ({ kind: 'AMOUNT', amountMinor });

/** A ledger event; its id spells subscription, date and sequence so expectations can name it. */
export function event(subscriptionId: string, effectiveDate: IsoDate, overrides: Partial<SubscriptionTerms> = {}, sequence = 0): LedgerEvent {
  return { id: eventId(subscriptionId, effectiveDate, sequence), subscriptionId, effectiveDate, sequence, terms: terms(overrides) };
}

export const eventId = (subscriptionId: string, effectiveDate: IsoDate, sequence = 0): string => `${subscriptionId}@${effectiveDate}#${sequence}`;

export function partner(organisationId: string, from: IsoDate, id?: string): PartnerOfRecord {
  return id === undefined ? { organisationId, from } : { organisationId, from, id };
}

/** The default partner of record in single-partner cases. */
export const ONLY_PARTNER: readonly PartnerOfRecord[] = [partner('A', '2020-01-01')];

/** One movement as a line: `date org subscription KIND CURRENCY amount`. */
export const movementLine = (m: Movement): string => `${m.date} ${m.organisationId} ${m.subscriptionId} ${m.kind} ${m.currency} ${m.amountMinor}`;

/** A movement for the customer-month tables (cause and source do not matter there). */
export function movement(date: IsoDate, organisationId: string, kind: MovementKind, currency: string, amountMinor: bigint, subscriptionId = 's1'): Movement {
  return { date, organisationId, subscriptionId, kind, currency, amountMinor, cause: 'EVENT', sourceId: null };
}

/** One customer month as a line: `month org CURRENCY opening → closing | KIND:amount …` (non-zero totals only). */
export function monthLine(row: CustomerMonth): string {
  const totals = Object.entries(row.movements)
    .filter(([, amount]) => amount !== 0n)
    .map(([kind, amount]) => `${kind}:${amount}`)
    .join(' ');
  return `${row.month} ${row.organisationId} ${row.currency} ${row.openingMinor} → ${row.closingMinor}${totals ? ` | ${totals}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Independent reference model (no library arithmetic), used by the property tests
// ---------------------------------------------------------------------------------------------

/** Half away from zero for a non-negative fraction, written out rather than taken from divRound. */
function roundHalfUpNonNegative(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** MRR straight from the rules: ACTIVE only, charge net of a capped discount, ÷ months, rounded once. */
export function referenceMrr(t: SubscriptionTerms, date: IsoDate): bigint {
  if (t.status !== 'ACTIVE') return 0n;
  const gross = BigInt(t.quantity) * t.unitPriceMinor;
  if (gross <= 0n) return 0n;
  const months = BigInt(t.intervalMonths);
  const discounted = t.discount !== null && (t.discountEndsOn === null || date < t.discountEndsOn);
  if (!discounted || t.discount === null) return roundHalfUpNonNegative(gross, months);
  if (t.discount.kind === 'AMOUNT') {
    return roundHalfUpNonNegative(gross > t.discount.amountMinor ? gross - t.discount.amountMinor : 0n, months);
  }
  return roundHalfUpNonNegative(gross * (1_000_000n - t.discount.percent), 1_000_000n * months);
}

/** The event in force for one subscription on `date`: latest date on or before it, then highest sequence. */
export function effectiveEvent(events: readonly LedgerEvent[], subscriptionId: string, date: IsoDate): LedgerEvent | undefined {
  let best: LedgerEvent | undefined;
  for (const e of events) {
    if (e.subscriptionId !== subscriptionId || e.effectiveDate > date) continue;
    if (!best || e.effectiveDate > best.effectiveDate || (e.effectiveDate === best.effectiveDate && e.sequence > best.sequence)) best = e;
  }
  return best;
}

/** One subscription's MRR on `date` with its currency (0 before its first event). */
export function subscriptionMrrAt(events: readonly LedgerEvent[], subscriptionId: string, date: IsoDate): { currency: string; amountMinor: bigint } {
  const e = effectiveEvent(events, subscriptionId, date);
  return e ? { currency: e.terms.currency, amountMinor: referenceMrr(e.terms, date) } : { currency: '', amountMinor: 0n };
}

/** The customer's MRR per currency on `date`, zero currencies left out. */
export function customerMrrAt(events: readonly LedgerEvent[], date: IsoDate): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const subscriptionId of new Set(events.map((e) => e.subscriptionId))) {
    const { currency, amountMinor } = subscriptionMrrAt(events, subscriptionId, date);
    if (amountMinor !== 0n) totals.set(currency, (totals.get(currency) ?? 0n) + amountMinor);
  }
  return totals;
}

/** The partner organisation of record on `date`: the latest record from on or before it, else the earliest. */
export function organisationAt(partners: readonly PartnerOfRecord[], date: IsoDate): string {
  const sorted = [...partners].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return sorted.filter((p) => p.from <= date).pop()?.organisationId ?? sorted[0]!.organisationId;
}

/** Sums signed amounts per key, dropping zero sums. */
export function sumBy<T>(items: readonly T[], key: (item: T) => string, amount: (item: T) => bigint): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0n) + amount(item));
  for (const [k, v] of sums) if (v === 0n) sums.delete(k);
  return sums;
}

// ---------------------------------------------------------------------------------------------
// Random customers for fast-check
// ---------------------------------------------------------------------------------------------

export const START: IsoDate = '2023-01-01';
/** About 36 months of days after START. */
export const SPAN_DAYS = 1_100;
export const ORGANISATIONS = ['org-a', 'org-b', 'org-c'] as const;

/** Mostly any day, sometimes one of a few shared days so events, discount ends and transfers collide. */
const dayOffset = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: SPAN_DAYS }), weight: 3 },
  { arbitrary: fc.constantFrom(0, 31, 59, 365, 366, 400, 730), weight: 1 },
);
export const dayArb: fc.Arbitrary<IsoDate> = dayOffset.map((d) => addDays(START, d));

const discountArb: fc.Arbitrary<Discount | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.bigInt({ min: 0n, max: 1_000_000n }).map((u): Discount => ({ kind: 'PERCENT', percent: percentFromUnits(u) })), weight: 1 },
  { arbitrary: fc.bigInt({ min: 0n, max: 300_000n }).map(amountOff), weight: 1 },
);

function termsArb(currencies: readonly string[]): fc.Arbitrary<SubscriptionTerms> {
  return fc.record({
    status: fc.constantFrom<SubscriptionTerms['status']>('ACTIVE', 'ACTIVE', 'ACTIVE', 'TRIAL', 'PAUSED', 'CANCELLED'),
    quantity: fc.integer({ min: 0, max: 5 }),
    unitPriceMinor: fc.oneof({ arbitrary: fc.constant(0n), weight: 1 }, { arbitrary: fc.bigInt({ min: 1n, max: 200_000n }), weight: 5 }),
    intervalMonths: fc.constantFrom(1, 3, 12, 24, 36),
    currency: fc.constantFrom(...currencies),
    discount: discountArb,
    discountEndsOn: fc.option(dayArb, { nil: null }),
  });
}

export interface RandomCustomer {
  events: LedgerEvent[];
  partners: PartnerOfRecord[];
}

/** 1–4 subscriptions with 1–6 events each over ~36 months, 1–3 partner records, sometimes EUR and USD. */
export const customerArb: fc.Arbitrary<RandomCustomer> = fc
  .constantFrom<readonly string[]>(['EUR'], ['EUR', 'USD'], ['USD', 'EUR'])
  .chain((currencies) =>
    fc.record({
      subscriptions: fc.array(
        fc.array(fc.record({ date: dayArb, rank: fc.integer({ min: 0, max: 3 }), terms: termsArb(currencies) }), { minLength: 1, maxLength: 6 }),
        { minLength: 1, maxLength: 4 },
      ),
      partners: fc.array(fc.record({ organisationId: fc.constantFrom(...ORGANISATIONS), date: dayArb }), { minLength: 1, maxLength: 3 }),
    }),
  )
  .map(({ subscriptions, partners }) => {
    let counter = 0;
    const events = subscriptions.flatMap((list, s) =>
      list.map(({ date, rank, terms: t }) => {
        counter += 1;
        // rank × 1000 + counter keeps sequences unique while letting a later-listed event lose.
        return { id: `e${counter}`, subscriptionId: `sub-${s}`, effectiveDate: date, sequence: rank * 1_000 + counter, terms: t };
      }),
    );
    return { events, partners: partners.map((p, i) => ({ organisationId: p.organisationId, from: p.date, id: `por-${i}` })) };
  });

/** Every date a customer's figures can change, the day before each, and a few fixed probes. */
export function probeDates(customer: RandomCustomer): IsoDate[] {
  const key = new Set<IsoDate>([START, addDays(START, SPAN_DAYS + 40)]);
  for (const e of customer.events) {
    key.add(e.effectiveDate);
    if (e.terms.discountEndsOn) key.add(e.terms.discountEndsOn);
  }
  for (const p of customer.partners) key.add(p.from);
  const all = new Set<IsoDate>();
  for (const d of key) {
    all.add(d);
    all.add(addDays(d, -1));
  }
  return [...all].sort();
}

/** Stable text form of a map for equality assertions. */
export const mapEntries = (m: Map<string, bigint>): [string, bigint][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
