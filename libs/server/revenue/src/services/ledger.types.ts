import type { PartnerOfRecord, SubscriptionStatus, SubscriptionTerms } from '@prm/domain/revenue';
import type { Percent } from '@prm/domain/money';

export const EVENT_KINDS = ['START', 'CHANGE', 'PAUSE', 'RESUME', 'CANCEL', 'RENEW'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type EventSource = 'API' | 'CSV' | 'BILLING' | 'DEAL';

/**
 * One subscription event as a sender states it — from GraphQL, a CSV row or a billing system.
 * START creates the subscription; every other kind names it and changes only what it gives.
 */
export interface SubscriptionEventData {
  kind: EventKind;
  /** The sender's id for this event: a retry with the same id is applied once. */
  eventId?: string | null;
  customerId?: string | null;
  customerExternalId?: string | null;
  subscriptionId?: string | null;
  subscriptionExternalId?: string | null;
  productId?: string | null;
  productSku?: string | null;
  /** The day the change takes effect; for CANCEL the day the customer cancelled. */
  effectiveDate: string;
  status?: 'TRIAL' | 'ACTIVE' | null;
  quantity?: number | null;
  /** Price of one unit per billing interval, in major units ("99.90"), without tax. */
  unitPrice?: string | null;
  intervalMonths?: number | null;
  currency?: string | null;
  discountPercent?: string | null;
  discountAmount?: string | null;
  discountEndsOn?: string | null;
  removeDiscount?: boolean | null;
  paidThrough?: string | null;
  termEndsOn?: string | null;
  cancelledOn?: string | null;
}

export interface EventRow {
  id: string;
  sequence: string;
  subscriptionId: string;
  customerId: string;
  kind: EventKind;
  effectiveDate: string;
  recordedOn: string;
  status: SubscriptionStatus;
  quantity: number;
  unitPriceMinor: bigint;
  intervalMonths: number;
  currency: string;
  discountKind: 'PERCENT' | 'AMOUNT' | null;
  discountValue: bigint | null;
  discountEndsOn: string | null;
  paidThrough: string | null;
  termEndsOn: string | null;
  cancelledOn: string | null;
  earlyRenewal: boolean;
  source: EventSource;
  externalEventId: string | null;
  recordedAt: Date;
}

export const EVENT_COLUMNS = `e.id, e.sequence::text AS sequence, e.subscription_id, s.customer_id, e.kind, e.effective_date::text AS effective_date,
  e.recorded_on::text AS recorded_on, e.status, e.quantity, e.unit_price_minor::text AS unit_price_minor, e.interval_months, e.currency,
  e.discount_kind, e.discount_value::text AS discount_value, e.discount_ends_on::text AS discount_ends_on, e.paid_through::text AS paid_through,
  e.term_ends_on::text AS term_ends_on, e.cancelled_on::text AS cancelled_on, e.early_renewal, e.source, e.external_event_id, e.recorded_at`;

interface RawEventRow {
  id: string;
  sequence: string;
  subscription_id: string;
  customer_id: string;
  kind: EventKind;
  effective_date: string;
  recorded_on: string;
  status: SubscriptionStatus;
  quantity: number;
  unit_price_minor: string;
  interval_months: number;
  currency: string;
  discount_kind: 'PERCENT' | 'AMOUNT' | null;
  discount_value: string | null;
  discount_ends_on: string | null;
  paid_through: string | null;
  term_ends_on: string | null;
  cancelled_on: string | null;
  early_renewal: boolean;
  source: EventSource;
  external_event_id: string | null;
  recorded_at: Date;
}

export function toEventRow(r: RawEventRow): EventRow {
  return {
    id: r.id,
    sequence: r.sequence,
    subscriptionId: r.subscription_id,
    customerId: r.customer_id,
    kind: r.kind,
    effectiveDate: r.effective_date,
    recordedOn: r.recorded_on,
    status: r.status,
    quantity: Number(r.quantity),
    unitPriceMinor: BigInt(r.unit_price_minor),
    intervalMonths: Number(r.interval_months),
    currency: r.currency,
    discountKind: r.discount_kind,
    discountValue: r.discount_value === null ? null : BigInt(r.discount_value),
    discountEndsOn: r.discount_ends_on,
    paidThrough: r.paid_through,
    termEndsOn: r.term_ends_on,
    cancelledOn: r.cancelled_on,
    earlyRenewal: r.early_renewal,
    source: r.source,
    externalEventId: r.external_event_id,
    recordedAt: new Date(r.recorded_at),
  };
}

export function termsOf(row: Pick<EventRow, 'status' | 'quantity' | 'unitPriceMinor' | 'intervalMonths' | 'currency' | 'discountKind' | 'discountValue' | 'discountEndsOn'>): SubscriptionTerms {
  const discount =
    row.discountKind === 'PERCENT' && row.discountValue !== null
      ? { kind: 'PERCENT' as const, percent: row.discountValue as Percent }
      : row.discountKind === 'AMOUNT' && row.discountValue !== null
        ? { kind: 'AMOUNT' as const, amountMinor: row.discountValue }
        : null;
  return {
    status: row.status,
    quantity: row.quantity,
    unitPriceMinor: row.unitPriceMinor,
    intervalMonths: row.intervalMonths,
    currency: row.currency,
    discount,
    discountEndsOn: discount ? row.discountEndsOn : null,
  };
}

export interface CustomerRow {
  id: string;
  externalId: string | null;
  name: string;
  domain: string | null;
  country: string | null;
  organisationId: string;
  createdAt: Date;
}

export const CUSTOMER_COLUMNS = `c.id, c.external_id AS "externalId", c.name, c.domain, c.country, c.organisation_id AS "organisationId", c.created_at AS "createdAt"`;

export interface PartnerRecordRow extends PartnerOfRecord {
  id: string;
  customerId: string;
  recordedAt: Date;
}
