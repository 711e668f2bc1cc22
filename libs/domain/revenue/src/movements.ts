import type { IsoDate } from './dates';
import { monthlyRecurringMinor, type SubscriptionTerms } from './mrr';

export const MOVEMENT_KINDS = ['NEW', 'EXPANSION', 'CONTRACTION', 'CHURN', 'REACTIVATION', 'TRANSFER_IN', 'TRANSFER_OUT'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** What made an amount change: a ledger event, the end of a discount an event set, or a partner move. */
export type MovementCause = 'EVENT' | 'DISCOUNT_END' | 'TRANSFER';

/** One effective-dated fact from the subscription ledger: the terms that apply from `effectiveDate`. */
export interface LedgerEvent {
  id: string;
  subscriptionId: string;
  effectiveDate: IsoDate;
  /** Order of recording; of two events on one date for one subscription, the later one wins. */
  sequence: number;
  terms: SubscriptionTerms;
}

/** The customer's partner of record from `from`; the earliest entry applies from the customer's start. */
export interface PartnerOfRecord {
  organisationId: string;
  from: IsoDate;
  /** The record's id, kept on transfer movements so they trace back to it. */
  id?: string;
}

export interface Movement {
  date: IsoDate;
  organisationId: string;
  subscriptionId: string;
  kind: MovementKind;
  currency: string;
  /** Signed change of MRR in minor units: positive for NEW, EXPANSION, REACTIVATION, TRANSFER_IN. */
  amountMinor: bigint;
  cause: MovementCause;
  /** The ledger event behind it (for DISCOUNT_END the event that set the discount); for TRANSFER the partner record id. */
  sourceId: string | null;
}

interface ChangePoint {
  date: IsoDate;
  currency: string;
  mrrMinor: bigint;
  cause: 'EVENT' | 'DISCOUNT_END';
  eventId: string;
}

const byDateThenSequence = (a: LedgerEvent, b: LedgerEvent): number =>
  a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.sequence - b.sequence;

/**
 * The dates on which one subscription's MRR may change, with the MRR from each: every event's
 * effective date, plus the day a discount ends while its terms still apply. Of several events on one
 * date the last recorded wins.
 */
export function subscriptionChangePoints(events: readonly LedgerEvent[]): ChangePoint[] {
  const sorted = [...events].sort(byDateThenSequence);
  const effective = sorted.filter((event, i) => sorted[i + 1]?.effectiveDate !== event.effectiveDate);
  const points: ChangePoint[] = [];
  effective.forEach((event, i) => {
    const { terms } = event;
    points.push({ date: event.effectiveDate, currency: terms.currency, mrrMinor: monthlyRecurringMinor(terms, event.effectiveDate), cause: 'EVENT', eventId: event.id });
    const next = effective[i + 1]?.effectiveDate;
    const ends = terms.discount ? terms.discountEndsOn : null;
    if (ends && ends > event.effectiveDate && (next === undefined || ends < next)) {
      points.push({ date: ends, currency: terms.currency, mrrMinor: monthlyRecurringMinor(terms, ends), cause: 'DISCOUNT_END', eventId: event.id });
    }
  });
  return points;
}

function partnerAt(history: readonly PartnerOfRecord[], date: IsoDate): PartnerOfRecord {
  let current = history[0]!;
  for (const record of history) if (record.from <= date) current = record;
  return current;
}

interface Delta {
  subscriptionId: string;
  currency: string;
  amountMinor: bigint;
  cause: 'EVENT' | 'DISCOUNT_END';
  eventId: string;
}

/**
 * Classifies every change of one customer's MRR (see docs/metrics.md):
 * - NEW: the customer's first paid MRR ever; REACTIVATION: paid MRR again after it fell to zero;
 * - EXPANSION: every other increase (more seats, a higher price, a discount ending, a second subscription);
 * - CHURN: the decrease that takes the customer's paid MRR to zero; CONTRACTION: every other decrease;
 * - a change of partner of record moves the current MRR as TRANSFER_OUT / TRANSFER_IN, per subscription.
 * On one date increases are applied before decreases, so switching plans is expansion plus
 * contraction (or the reverse), never churn plus reactivation. Ties are ordered by subscription id.
 * Amounts in different currencies are never added; "paying" means any subscription above zero.
 */
export function customerMovements(events: readonly LedgerEvent[], partners: readonly PartnerOfRecord[]): Movement[] {
  if (partners.length === 0) throw new RangeError('a customer needs a partner of record');
  const history = [...partners].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const bySubscription = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    const list = bySubscription.get(event.subscriptionId) ?? [];
    list.push(event);
    bySubscription.set(event.subscriptionId, list);
  }
  const pointsByDate = new Map<IsoDate, { subscriptionId: string; point: ChangePoint }[]>();
  for (const [subscriptionId, list] of bySubscription) {
    for (const point of subscriptionChangePoints(list)) {
      const atDate = pointsByDate.get(point.date) ?? [];
      atDate.push({ subscriptionId, point });
      pointsByDate.set(point.date, atDate);
    }
  }
  const dates = new Set<IsoDate>([...pointsByDate.keys(), ...history.slice(1).map((p) => p.from)]);

  const current = new Map<string, { currency: string; amountMinor: bigint }>();
  let paying = 0n;
  let everPaid = false;
  let partner = history[0]!;
  const movements: Movement[] = [];

  for (const date of [...dates].sort()) {
    const nextPartner = partnerAt(history, date);
    if (nextPartner.organisationId !== partner.organisationId) {
      for (const [subscriptionId, held] of [...current].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (held.amountMinor === 0n) continue;
        const common = { date, subscriptionId, currency: held.currency, cause: 'TRANSFER' as const, sourceId: nextPartner.id ?? null };
        movements.push({ ...common, organisationId: partner.organisationId, kind: 'TRANSFER_OUT', amountMinor: -held.amountMinor });
        movements.push({ ...common, organisationId: nextPartner.organisationId, kind: 'TRANSFER_IN', amountMinor: held.amountMinor });
      }
    }
    partner = nextPartner;

    const deltas: Delta[] = [];
    for (const { subscriptionId, point } of pointsByDate.get(date) ?? []) {
      const held = current.get(subscriptionId);
      const base = { subscriptionId, cause: point.cause, eventId: point.eventId };
      if (held && held.currency !== point.currency) {
        if (held.amountMinor !== 0n) deltas.push({ ...base, currency: held.currency, amountMinor: -held.amountMinor });
        if (point.mrrMinor !== 0n) deltas.push({ ...base, currency: point.currency, amountMinor: point.mrrMinor });
      } else {
        const change = point.mrrMinor - (held?.amountMinor ?? 0n);
        if (change !== 0n) deltas.push({ ...base, currency: point.currency, amountMinor: change });
      }
      current.set(subscriptionId, { currency: point.currency, amountMinor: point.mrrMinor });
    }
    deltas.sort((a, b) => {
      const up = Number(b.amountMinor > 0n) - Number(a.amountMinor > 0n);
      return up !== 0 ? up : a.subscriptionId < b.subscriptionId ? -1 : a.subscriptionId > b.subscriptionId ? 1 : 0;
    });
    for (const delta of deltas) {
      let kind: MovementKind;
      if (delta.amountMinor > 0n) {
        kind = paying === 0n ? (everPaid ? 'REACTIVATION' : 'NEW') : 'EXPANSION';
        everPaid = true;
      } else {
        kind = paying + delta.amountMinor === 0n ? 'CHURN' : 'CONTRACTION';
      }
      paying += delta.amountMinor;
      movements.push({
        date,
        organisationId: partner.organisationId,
        subscriptionId: delta.subscriptionId,
        kind,
        currency: delta.currency,
        amountMinor: delta.amountMinor,
        cause: delta.cause,
        sourceId: delta.eventId,
      });
    }
  }
  return movements;
}
