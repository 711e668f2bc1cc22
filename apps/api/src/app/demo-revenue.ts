import { hashSeed, seededRandom } from '@prm/domain/common';
import { addDays, addMonths, monthOf } from '@prm/domain/revenue';
import type { SubscriptionEventData } from '@prm/server/revenue';

/** A demo end customer and the events of its subscriptions, dated relative to the day of seeding. */
export interface DemoCustomer {
  externalId: string;
  name: string;
  domain: string;
  country: string;
  partner: string;
  since: string;
  /** A later partner of record, from a date. */
  transfer?: { partner: string; from: string };
  events: SubscriptionEventData[];
}

const PRODUCTS = [
  { sku: 'ACME-BACKUP', price: '12.50', seats: [10, 80] },
  { sku: 'ACME-MAILSEC', price: '3.20', seats: [25, 400] },
  { sku: 'ACME-SIEM', price: '450.00', seats: [1, 3] },
] as const;

const NAMES = ['Bakkerij', 'Transport', 'Advocaten', 'Tandartsen', 'Makelaars', 'Zorggroep', 'Logistics', 'Installatie', 'Drukkerij', 'Accountants', 'Architecten', 'Hoveniers'];
const PLACES = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Haven', 'Markt', 'Dijk'];

/**
 * Two and a half years of subscriptions for the demo partners (a few customers each): monthly and
 * annual plans, seat growth, discounts that end, pauses, cancellations at the end of the paid period,
 * renewals (some early), one customer moving from Contoso to Northwind and one billed in USD.
 */
export function demoRevenue(today: string, partners: readonly { name: string; domain: string; country: string }[]): DemoCustomer[] {
  const customers: DemoCustomer[] = [];
  const thisMonth = monthOf(today);
  for (const partner of partners) {
    const rnd = seededRandom(hashSeed(partner.name));
    const count = 2 + Math.floor(rnd() * 6);
    for (let i = 0; i < count; i++) {
      const key = `${partner.domain.split('.')[0]}-${i + 1}`;
      const startMonth = addMonths(thisMonth, -(2 + Math.floor(rnd() * 28)));
      const start = addDays(startMonth, Math.floor(rnd() * 25));
      const product = PRODUCTS[Math.floor(rnd() * PRODUCTS.length)]!;
      const seats = product.seats[0] + Math.floor(rnd() * (product.seats[1] - product.seats[0]));
      const annual = rnd() < 0.3;
      const sub = `${key}-s1`;
      const events: SubscriptionEventData[] = [];
      const termEnd = (from: string) => addDays(addMonths(from, 12), Math.floor(rnd() * 25) - 1);
      const discounted = rnd() < 0.2;
      events.push({
        kind: 'START',
        eventId: `demo-${sub}-start`,
        customerExternalId: key,
        subscriptionExternalId: sub,
        productSku: product.sku,
        effectiveDate: start,
        quantity: seats,
        unitPrice: annual ? (Number(product.price) * 12).toFixed(2) : product.price,
        intervalMonths: annual ? 12 : 1,
        currency: 'EUR',
        ...(discounted ? { discountPercent: '20', discountEndsOn: addMonths(start, 6) } : {}),
        ...(annual ? { termEndsOn: termEnd(start), paidThrough: addDays(addMonths(start, 12), -1) } : {}),
      });
      let cursor = start;
      let term = annual ? events[0]!.termEndsOn! : null;
      let cancelled = false;
      for (let step = 1; step <= 4 && !cancelled; step++) {
        const next = addDays(cursor, 40 + Math.floor(rnd() * 200));
        if (next >= today) break;
        const roll = rnd();
        if (annual && term && term < today && next > addDays(term, -120)) {
          // Renew ahead of the term's end: sometimes 90+ days early (the behaviour the program rewards).
          const early = rnd() < 0.5;
          const renewedOn = addDays(term, early ? -100 : -20);
          if (renewedOn > cursor && renewedOn < today) {
            const newEnd = addDays(addMonths(term, 12), 0);
            events.push({ kind: 'RENEW', eventId: `demo-${sub}-renew-${step}`, subscriptionExternalId: sub, effectiveDate: renewedOn, termEndsOn: newEnd, paidThrough: newEnd });
            cursor = renewedOn;
            term = newEnd;
            continue;
          }
        }
        if (roll < 0.45) {
          events.push({ kind: 'CHANGE', eventId: `demo-${sub}-grow-${step}`, subscriptionExternalId: sub, effectiveDate: next, quantity: Math.ceil(seats * (1.2 + rnd())) });
        } else if (roll < 0.6) {
          events.push({ kind: 'CHANGE', eventId: `demo-${sub}-shrink-${step}`, subscriptionExternalId: sub, effectiveDate: next, quantity: Math.max(1, Math.floor(seats * 0.7)) });
        } else if (roll < 0.72 && !annual) {
          const paid = addDays(addMonths(next, 1), -1);
          events.push({ kind: 'CANCEL', eventId: `demo-${sub}-cancel`, subscriptionExternalId: sub, effectiveDate: next, paidThrough: paid });
          cancelled = true;
        } else if (roll < 0.78 && !annual) {
          events.push({ kind: 'PAUSE', eventId: `demo-${sub}-pause-${step}`, subscriptionExternalId: sub, effectiveDate: next });
          const resume = addDays(next, 60);
          if (resume >= today) break;
          events.push({ kind: 'RESUME', eventId: `demo-${sub}-resume-${step}`, subscriptionExternalId: sub, effectiveDate: resume });
          cursor = resume;
          continue;
        }
        cursor = next;
      }
      if (!cancelled && rnd() < 0.35) {
        // A second product bought later: expansion for an existing customer.
        const later = addDays(start, 90 + Math.floor(rnd() * 300));
        if (later < today) {
          events.push({
            kind: 'START',
            eventId: `demo-${key}-s2-start`,
            customerExternalId: key,
            subscriptionExternalId: `${key}-s2`,
            productSku: 'ACME-MAILSEC',
            effectiveDate: later,
            quantity: 20 + Math.floor(rnd() * 100),
            unitPrice: '3.20',
            intervalMonths: 1,
            currency: 'EUR',
          });
        }
      }
      customers.push({
        externalId: key,
        name: `${NAMES[Math.floor(rnd() * NAMES.length)]} ${PLACES[Math.floor(rnd() * PLACES.length)]} ${partner.country === 'BE' ? 'BV' : 'B.V.'}`,
        domain: `${key}.example`,
        country: partner.country,
        partner: partner.name,
        since: startMonth,
        events,
      });
    }
  }
  const moving = customers.find((c) => c.partner === 'Contoso Managed Services' && c.since < addMonths(thisMonth, -6));
  if (moving) moving.transfer = { partner: 'Northwind IT', from: addMonths(thisMonth, -3) };
  const tailspin = customers.find((c) => c.partner === 'Tailspin Cloud');
  if (tailspin) {
    const start = addMonths(thisMonth, -20);
    customers.push({
      externalId: 'tailspin-usd',
      name: 'Contoso Pharma US Inc.',
      domain: 'contoso-pharma.example',
      country: 'US',
      partner: 'Tailspin Cloud',
      since: start,
      events: [
        {
          kind: 'START',
          eventId: 'demo-tailspin-usd-start',
          customerExternalId: 'tailspin-usd',
          subscriptionExternalId: 'tailspin-usd-s1',
          productSku: 'ACME-SIEM',
          effectiveDate: addDays(start, 4),
          quantity: 2,
          unitPrice: '480.00',
          intervalMonths: 1,
          currency: 'USD',
        },
        { kind: 'CHANGE', eventId: 'demo-tailspin-usd-grow', subscriptionExternalId: 'tailspin-usd-s1', effectiveDate: addDays(addMonths(start, 9), 2), quantity: 3 },
      ],
    });
  }
  return customers;
}

/** Monthly USD rates for the demo window (EUR per USD), drifting between 0.88 and 0.95. */
export function demoUsdRates(today: string): { currency: string; validFrom: string; rate: string }[] {
  const thisMonth = monthOf(today);
  const rates: { currency: string; validFrom: string; rate: string }[] = [];
  for (let i = 36; i >= 0; i--) {
    const step = (36 - i) % 8;
    rates.push({ currency: 'USD', validFrom: addMonths(thisMonth, -i), rate: (0.88 + step * 0.01).toFixed(4) });
  }
  return rates;
}
