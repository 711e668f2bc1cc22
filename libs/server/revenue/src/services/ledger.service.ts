import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, FieldErrorCollector, isDomainError, normaliseDomain } from '@prm/domain/common';
import { formatMoneyPlain, isCurrencyCode as isCurrencyShape, minorUnitDigits, money, parseDecimal, parseMoney, parsePercent } from '@prm/domain/money';
import { cancellationEffectiveDate, isEarlyRenewal, isIsoDate, MAX_INTERVAL_MONTHS, monthOf, RATE_MAX_FRACTION_DIGITS } from '@prm/domain/revenue';
import { AppConfig, Clock, type Connection, type CsvRowError, JobsService, parseCursor, pgCode, readCsv, RequestContext, toConnection } from '@prm/server/core';
import { DealRegistrationsService, DealSetupService } from '@prm/server/deals';
import { AuditService, OrganisationsService } from '@prm/server/identity';
import { isISO4217CurrencyCode } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CUSTOMER_COLUMNS,
  type CustomerRow,
  EVENT_COLUMNS,
  EVENT_KINDS,
  type EventKind,
  type EventRow,
  type EventSource,
  type PartnerRecordRow,
  type SubscriptionEventData,
  toEventRow,
} from './ledger.types';

export const REVENUE_ROLLUP_JOB = 'revenue-rollup';
/** Rows per CSV file; larger histories go through the billing endpoint or several files. */
export const MAX_IMPORT_ROWS = 20_000;
const MAX_QUANTITY = 1_000_000;
/** Largest charge per billing interval (quantity × unit price) in minor units: 10^15, leaving room for sums. */
const MAX_CHARGE_MINOR = 1_000_000_000_000_000n;

export interface CreateCustomerData {
  name: string;
  externalId?: string | null;
  domain?: string | null;
  country?: string | null;
  organisationId: string;
  /** First day with this partner of record; defaults to today. */
  since?: string | null;
}

export interface ImportReport {
  rows: number;
  applied: number;
  duplicates: number;
  errors: CsvRowError[];
}

export interface ExchangeRateRow {
  currency: string;
  validFrom: string;
  rate: string;
  updatedAt: Date;
}

const EVENT_CSV = {
  required: ['kind', 'effective_date'],
  optional: [
    'event_id',
    'customer_external_id',
    'subscription_external_id',
    'product_sku',
    'status',
    'quantity',
    'unit_price',
    'interval_months',
    'currency',
    'discount_percent',
    'discount_amount',
    'discount_ends_on',
    'paid_through',
    'term_ends_on',
    'cancelled_on',
  ],
} as const;

/** CSV column for each field of SubscriptionEventData, so row errors name the column the user sees. */
const CSV_COLUMN: Record<string, string> = {
  eventId: 'event_id',
  customerId: 'customer_external_id',
  customerExternalId: 'customer_external_id',
  subscriptionId: 'subscription_external_id',
  subscriptionExternalId: 'subscription_external_id',
  productId: 'product_sku',
  productSku: 'product_sku',
  effectiveDate: 'effective_date',
  unitPrice: 'unit_price',
  intervalMonths: 'interval_months',
  discountPercent: 'discount_percent',
  discountAmount: 'discount_amount',
  discountEndsOn: 'discount_ends_on',
  paidThrough: 'paid_through',
  termEndsOn: 'term_ends_on',
  cancelledOn: 'cancelled_on',
};

/** An ISO 4217 code in use (CSV and billing input are checked as strictly as the GraphQL inputs). */
const isCurrencyCode = (code: string): boolean => isCurrencyShape(code) && isISO4217CurrencyCode(code);
const todayOf = (date: Date): string => date.toISOString().slice(0, 10);
const blank = (value: string | null | undefined): boolean => value === null || value === undefined || value === '';

/**
 * The recurring-revenue ledger: customers and their partner of record, subscriptions and their
 * effective-dated events, exchange rates. Facts are only ever added; every write marks the customers
 * whose rollups must be recomputed (revenue_pending), in the same transaction.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly deals: DealSetupService,
    private readonly registrations: DealRegistrationsService,
  ) {}

  get baseCurrency(): string {
    return this.config.REVENUE_BASE_CURRENCY;
  }

  today(): string {
    return todayOf(this.clock.now());
  }

  // ---- customers ----

  async customers(ctx: RequestContext, filter: { organisationId?: string; search?: string }, first: number, after?: string): Promise<Connection<CustomerRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Partner');
    const org = ctx.partnerScope ?? filter.organisationId ?? null;
    const cursor = parseCursor(after, ['text', 'uuid']);
    const rows: CustomerRow[] = await this.dataSource.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM revenue_customers c
        WHERE ($1::uuid IS NULL OR c.organisation_id = $1)
          AND ($2::text IS NULL OR c.name ILIKE '%' || $2 || '%' OR c.external_id = $6 OR c.domain = lower($6))
          AND ($3::text IS NULL OR (lower(c.name), c.id) > ($3, $4::uuid))
        ORDER BY lower(c.name), c.id LIMIT $5`,
      [org, filter.search ? filter.search.replace(/[%_\\]/g, '\\$&') : null, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1, filter.search ?? null],
    );
    return toConnection(rows, first, (r) => [r.name.toLowerCase(), r.id]);
  }

  async customer(ctx: RequestContext, id: string): Promise<CustomerRow> {
    const [row]: CustomerRow[] = await this.dataSource.query(`SELECT ${CUSTOMER_COLUMNS} FROM revenue_customers c WHERE c.id = $1`, [id]);
    // A partner asking for another partner's customer learns nothing, not even that it exists.
    if (!row || (ctx.partnerScope && row.organisationId !== ctx.partnerScope)) throw new DomainError('NOT_FOUND', 'Customer not found.');
    return row;
  }

  async customersByIds(ctx: RequestContext, ids: readonly string[]): Promise<CustomerRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM revenue_customers c WHERE c.id = ANY($1) AND ($2::uuid IS NULL OR c.organisation_id = $2)`,
      [ids, ctx.partnerScope],
    );
  }

  async partnerHistory(customerIds: readonly string[]): Promise<PartnerRecordRow[]> {
    if (customerIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT id, customer_id AS "customerId", organisation_id AS "organisationId", effective_from::text AS "from", recorded_at AS "recordedAt"
         FROM revenue_customer_partners WHERE customer_id = ANY($1) ORDER BY customer_id, effective_from`,
      [customerIds],
    );
  }

  async createCustomer(ctx: RequestContext, input: CreateCustomerData): Promise<CustomerRow> {
    const since = input.since ?? this.today();
    const errors = new FieldErrorCollector();
    if (!isIsoDate(since)) errors.add('since', 'Enter a date as YYYY-MM-DD.');
    else if (since > this.today()) errors.add('since', 'The partner of record cannot start in the future.');
    const domain = blank(input.domain) ? null : normaliseDomain(input.domain ?? '');
    if (!blank(input.domain) && !domain) errors.add('domain', 'Enter a domain such as example.com.');
    await this.assertPartner(ctx, input.organisationId, errors);
    errors.throwIfAny('The customer is not valid.');
    try {
      return await this.dataSource.transaction(async (em) => {
        const [created]: CustomerRow[] = await em.query(
          `INSERT INTO revenue_customers AS c (external_id, name, domain, country, organisation_id) VALUES ($1, $2, $3, $4, $5)
           RETURNING ${CUSTOMER_COLUMNS}`,
          [input.externalId ?? null, input.name, domain, input.country ?? null, input.organisationId],
        );
        await em.query(
          `INSERT INTO revenue_customer_partners (customer_id, organisation_id, effective_from, recorded_by_user_id) VALUES ($1, $2, $3, $4)`,
          [created!.id, input.organisationId, since, ctx.actor?.userId ?? null],
        );
        await this.audit.record(em, ctx, { operation: 'createRevenueCustomer', entityType: 'RevenueCustomer', entityId: created!.id, before: null, after: { ...created!, since } });
        return created!;
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', 'A customer with that external id exists.', { externalId: ['This external id is already used.'] });
      throw err;
    }
  }

  /** Moves a customer to another partner of record from a date (today or earlier, after its last move). */
  async transferCustomer(ctx: RequestContext, input: { customerId: string; organisationId: string; effectiveFrom: string }): Promise<CustomerRow> {
    const errors = new FieldErrorCollector();
    if (!isIsoDate(input.effectiveFrom)) errors.add('effectiveFrom', 'Enter a date as YYYY-MM-DD.');
    else if (input.effectiveFrom > this.today()) errors.add('effectiveFrom', 'A transfer cannot take effect in the future.');
    await this.assertPartner(ctx, input.organisationId, errors, 'organisationId');
    errors.throwIfAny('The transfer is not valid.');
    return this.dataSource.transaction(async (em) => {
      const [before]: CustomerRow[] = await em.query(`SELECT ${CUSTOMER_COLUMNS} FROM revenue_customers c WHERE c.id = $1 FOR UPDATE`, [input.customerId]);
      if (!before) throw new DomainError('NOT_FOUND', 'Customer not found.');
      if (before.organisationId === input.organisationId) {
        throw new DomainError('CONFLICT', 'The customer is already with this partner.', { organisationId: ['Choose another partner.'] });
      }
      const [last]: { from: string }[] = await em.query(
        `SELECT effective_from::text AS "from" FROM revenue_customer_partners WHERE customer_id = $1 ORDER BY effective_from DESC LIMIT 1`,
        [input.customerId],
      );
      if (last && input.effectiveFrom <= last.from) {
        throw new DomainError('BAD_USER_INPUT', 'The transfer is not valid.', { effectiveFrom: [`Must be after the last change of partner (${last.from}).`] });
      }
      await em.query(
        `INSERT INTO revenue_customer_partners (customer_id, organisation_id, effective_from, recorded_by_user_id) VALUES ($1, $2, $3, $4)`,
        [input.customerId, input.organisationId, input.effectiveFrom, ctx.actor?.userId ?? null],
      );
      // An UPDATE through TypeORM's query() answers [rows, count].
      const [[after]]: [CustomerRow[], number] = await em.query(
        `UPDATE revenue_customers c SET organisation_id = $2 WHERE c.id = $1 RETURNING ${CUSTOMER_COLUMNS}`,
        [input.customerId, input.organisationId],
      );
      await this.markPending(em, [input.customerId], monthOf(input.effectiveFrom));
      await this.audit.record(em, ctx, {
        operation: 'transferRevenueCustomer',
        entityType: 'RevenueCustomer',
        entityId: input.customerId,
        before: { ...before },
        after: { ...after!, effectiveFrom: input.effectiveFrom },
      });
      return after!;
    });
  }

  private async assertPartner(ctx: RequestContext, organisationId: string, errors: FieldErrorCollector, field = 'organisationId'): Promise<void> {
    const [org] = await this.organisations.byIds(ctx, [organisationId]);
    if (!org || org.kind !== 'PARTNER') errors.add(field, 'Unknown partner organisation.');
    else if (org.status !== 'ACTIVE') errors.add(field, 'This partner is not active.');
  }

  // ---- subscriptions and events ----

  async subscriptionsOf(ctx: RequestContext, customerIds: readonly string[]): Promise<{ id: string; customerId: string; productId: string; externalId: string | null; createdAt: Date }[]> {
    const visible = (await this.customersByIds(ctx, customerIds)).map((c) => c.id);
    if (visible.length === 0) return [];
    return this.dataSource.query(
      `SELECT id, customer_id AS "customerId", product_id AS "productId", external_id AS "externalId", created_at AS "createdAt"
         FROM revenue_subscriptions WHERE customer_id = ANY($1) ORDER BY created_at, id`,
      [visible],
    );
  }

  async eventsOf(subscriptionIds: readonly string[], manager?: EntityManager): Promise<EventRow[]> {
    if (subscriptionIds.length === 0) return [];
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT ${EVENT_COLUMNS} FROM revenue_subscription_events e JOIN revenue_subscriptions s ON s.id = e.subscription_id
        WHERE e.subscription_id = ANY($1) ORDER BY e.subscription_id, e.effective_date, e.sequence`,
      [subscriptionIds],
    );
    return rows.map(toEventRow);
  }

  /** Every event of the given customers, for the rollups. */
  async eventsOfCustomers(customerIds: readonly string[], manager?: EntityManager): Promise<EventRow[]> {
    if (customerIds.length === 0) return [];
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT ${EVENT_COLUMNS} FROM revenue_subscription_events e JOIN revenue_subscriptions s ON s.id = e.subscription_id
        WHERE s.customer_id = ANY($1) ORDER BY s.customer_id, e.subscription_id, e.effective_date, e.sequence`,
      [customerIds],
    );
    return rows.map(toEventRow);
  }

  /** Records one event (GraphQL or billing endpoint). A repeated sender event id returns the first result. */
  async recordEvent(ctx: RequestContext, data: SubscriptionEventData, source: EventSource): Promise<{ event: EventRow; duplicate: boolean }> {
    try {
      const result = await this.dataSource.transaction((em) => this.apply(em, ctx, data, source, true));
      this.nudge();
      return result;
    } catch (err) {
      // Two deliveries of one event at once: the second loses the unique race, or (having checked for the
      // event id just before the first committed) is refused by the state the first left, and reports the first.
      if (data.eventId && (pgCode(err) === '23505' || isDomainError(err))) {
        const existing = await this.eventByExternalId(this.dataSource.manager, data.eventId);
        if (existing) return { event: existing, duplicate: true };
      }
      if (pgCode(err) === '23505') {
        throw new DomainError('CONFLICT', 'A subscription with that external id exists.', { subscriptionExternalId: ['Use CHANGE for an existing subscription.'] });
      }
      throw err;
    }
  }

  /**
   * CSV import with a row-level report. All or nothing by default: one bad row and nothing is applied.
   * With importValidRows, each row is applied on its own (a savepoint each) and bad rows are reported.
   */
  async importEventsCsv(ctx: RequestContext, csv: string, importValidRows: boolean): Promise<ImportReport> {
    const rows = readCsv(csv, EVENT_CSV, MAX_IMPORT_ROWS);
    const report: ImportReport = { rows: rows.length, applied: 0, duplicates: 0, errors: [] };
    const rollback = new Error('rollback');
    try {
      await this.dataSource.transaction(async (em) => {
        for (const row of rows) {
          const data = eventFromCsv(row.get.bind(row), report.errors, row.row);
          if (!data) continue;
          await em.query('SAVEPOINT csv_row');
          try {
            const { duplicate } = await this.apply(em, ctx, data, 'CSV', false);
            await em.query('RELEASE SAVEPOINT csv_row');
            if (duplicate) report.duplicates += 1;
            else report.applied += 1;
          } catch (err) {
            await em.query('ROLLBACK TO SAVEPOINT csv_row');
            report.errors.push(...rowErrors(err, row.row));
          }
        }
        if (report.errors.length > 0 && !importValidRows) throw rollback;
        await this.audit.record(em, ctx, {
          operation: 'importSubscriptionEvents',
          entityType: 'SubscriptionEventImport',
          entityId: randomUUID(),
          before: null,
          after: { rows: report.rows, applied: report.applied, duplicates: report.duplicates, rejected: report.errors.length },
        });
      });
    } catch (err) {
      if (err !== rollback) throw err;
      return { ...report, applied: 0, duplicates: 0, errors: report.errors.sort((a, b) => a.row - b.row) };
    }
    this.nudge();
    return { ...report, errors: report.errors.sort((a, b) => a.row - b.row) };
  }

  private async eventByExternalId(em: EntityManager, externalId: string): Promise<EventRow | null> {
    const [row] = await em.query(
      `SELECT ${EVENT_COLUMNS} FROM revenue_subscription_events e JOIN revenue_subscriptions s ON s.id = e.subscription_id WHERE e.external_event_id = $1`,
      [externalId],
    );
    return row ? toEventRow(row) : null;
  }

  private async apply(em: EntityManager, ctx: RequestContext, data: SubscriptionEventData, source: EventSource, audited: boolean): Promise<{ event: EventRow; duplicate: boolean }> {
    if (data.eventId) {
      const existing = await this.eventByExternalId(em, data.eventId);
      if (existing) return { event: existing, duplicate: true };
    }
    const errors = new FieldErrorCollector();
    if (!(EVENT_KINDS as readonly string[]).includes(data.kind)) errors.add('kind', `Use one of ${EVENT_KINDS.join(', ')}.`);
    for (const field of ['effectiveDate', 'discountEndsOn', 'paidThrough', 'termEndsOn', 'cancelledOn'] as const) {
      const value = data[field];
      if ((field === 'effectiveDate' || !blank(value)) && !isIsoDate(value)) errors.add(field, 'Enter a date as YYYY-MM-DD.');
    }
    errors.throwIfAny('The subscription event is not valid.');

    const kind = data.kind;
    const target = kind === 'START' ? await this.resolveNew(em, data, errors) : await this.resolveExisting(em, data, errors);
    errors.throwIfAny('The subscription event is not valid.');
    const { customerId } = target;
    await em.query(`SELECT id FROM revenue_customers WHERE id = $1 FOR UPDATE`, [customerId]);

    const base = target.base;
    const currency = data.currency ?? base?.currency ?? target.productCurrency ?? '';
    if (!isCurrencyCode(currency)) errors.add('currency', 'Use a currency code such as EUR.');
    const amount = (field: 'unitPrice' | 'discountAmount', text: string): bigint | null => {
      try {
        const value = parseMoney(text, currency, field).amountMinor;
        if (value < 0n) errors.add(field, 'Must not be negative.');
        return value;
      } catch (err) {
        if (isDomainError(err)) for (const message of err.fields?.[field] ?? [err.message]) errors.add(field, message);
        return null;
      }
    };
    let unitPriceMinor = base?.unitPriceMinor ?? null;
    if (!blank(data.unitPrice)) unitPriceMinor = isCurrencyCode(currency) ? amount('unitPrice', data.unitPrice!) : null;
    else if (!base) errors.add('unitPrice', 'Give the price of one unit per billing interval.');
    else if (currency !== base.currency) errors.add('unitPrice', `Give the unit price in ${currency} when the currency changes.`);

    const quantity = data.quantity ?? base?.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) errors.add('quantity', `Use a whole number from 0 to ${MAX_QUANTITY}.`);
    else if (unitPriceMinor !== null && BigInt(quantity) * unitPriceMinor > MAX_CHARGE_MINOR) {
      // Beyond this the rollups' sums (bigint minor units) could overflow; refused before anything is stored.
      errors.add(blank(data.unitPrice) ? 'quantity' : 'unitPrice', 'Quantity × unit price is too large for one subscription.');
    }
    const intervalMonths = data.intervalMonths ?? base?.intervalMonths ?? null;
    if (intervalMonths === null) errors.add('intervalMonths', 'Give the billing interval in months (1 monthly, 3 quarterly, 12 annual, 24 or 36 multi-year).');
    else if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > MAX_INTERVAL_MONTHS) {
      errors.add('intervalMonths', `Use a whole number of months from 1 to ${MAX_INTERVAL_MONTHS}.`);
    }

    let discountKind = base?.discountKind ?? null;
    let discountValue = base?.discountValue ?? null;
    let discountEndsOn = base?.discountEndsOn ?? null;
    if (data.removeDiscount) [discountKind, discountValue, discountEndsOn] = [null, null, null];
    if (!blank(data.discountPercent) && !blank(data.discountAmount)) errors.add('discountPercent', 'Give a percentage or an amount, not both.');
    else if (!blank(data.discountPercent)) {
      try {
        const percent = parsePercent(data.discountPercent!, 'discountPercent');
        if (percent <= 0n) errors.add('discountPercent', 'A discount must be more than 0 %.');
        [discountKind, discountValue, discountEndsOn] = ['PERCENT', percent, null];
      } catch (err) {
        errors.add('discountPercent', isDomainError(err) ? err.message : 'Not a percentage.');
      }
    } else if (!blank(data.discountAmount)) {
      const value = isCurrencyCode(currency) ? amount('discountAmount', data.discountAmount!) : null;
      if (value === 0n) errors.add('discountAmount', 'A discount must be more than 0.');
      [discountKind, discountValue, discountEndsOn] = ['AMOUNT', value, null];
    }
    if (!blank(data.discountEndsOn)) {
      if (discountKind === null) errors.add('discountEndsOn', 'There is no discount to end.');
      else discountEndsOn = data.discountEndsOn!;
    }
    if (!blank(data.discountEndsOn) && data.discountEndsOn! <= data.effectiveDate) {
      errors.add('discountEndsOn', 'The discount must end after the day the event takes effect.');
    }

    const paidThrough = blank(data.paidThrough) ? (base?.paidThrough ?? null) : data.paidThrough!;
    const termEndsOn = blank(data.termEndsOn) ? (base?.termEndsOn ?? null) : data.termEndsOn!;
    const start = target.startDate ?? data.effectiveDate;
    if (!blank(data.paidThrough) && paidThrough! < start) errors.add('paidThrough', `Cannot end before the subscription starts (${start}).`);
    if (!blank(data.termEndsOn) && termEndsOn! < data.effectiveDate) errors.add('termEndsOn', 'The term cannot end before the event takes effect.');

    let status = base?.status ?? 'ACTIVE';
    let effectiveDate = data.effectiveDate;
    let cancelledOn: string | null = null;
    let earlyRenewal = false;
    const conflict = (message: string): never => {
      throw new DomainError('CONFLICT', message);
    };
    switch (kind) {
      case 'START':
        status = data.status ?? 'ACTIVE';
        break;
      case 'CHANGE':
        if (base?.status === 'CANCELLED' || base?.status === 'PAUSED') {
          if (data.status) conflict(`A ${base.status.toLowerCase()} subscription is resumed with RESUME, not CHANGE.`);
        } else if (data.status) {
          if (base?.status === 'ACTIVE' && data.status === 'TRIAL') errors.add('status', 'A paying subscription cannot go back to a trial.');
          status = data.status;
        }
        break;
      case 'PAUSE':
        if (base?.status !== 'ACTIVE') conflict('Only an active subscription can be paused.');
        status = 'PAUSED';
        break;
      case 'RESUME':
        if (base?.status !== 'PAUSED' && base?.status !== 'CANCELLED') conflict('Only a paused or cancelled subscription can be resumed.');
        status = 'ACTIVE';
        break;
      case 'CANCEL':
        if (base?.status === 'CANCELLED') conflict('The subscription is already cancelled.');
        cancelledOn = blank(data.cancelledOn) ? data.effectiveDate : data.cancelledOn!;
        if (cancelledOn < start) errors.add('cancelledOn', `Cannot be before the subscription starts (${start}).`);
        effectiveDate = cancellationEffectiveDate(cancelledOn, paidThrough);
        status = 'CANCELLED';
        break;
      case 'RENEW':
        if (blank(data.termEndsOn)) errors.add('termEndsOn', 'Give the end of the renewed term.');
        else if (base?.termEndsOn && data.termEndsOn! <= base.termEndsOn) errors.add('termEndsOn', `Must be after the current term's end (${base.termEndsOn}).`);
        // Early is about when the renewal was recorded: today, or, for one back-dated from a billing history, the day it took
        // effect — never a future effective date (a renewal recorded now for a term starting when the old one ends).
        earlyRenewal = base?.termEndsOn ? isEarlyRenewal(data.effectiveDate < this.today() ? data.effectiveDate : this.today(), base.termEndsOn) : false;
        if (status === 'CANCELLED' || status === 'PAUSED') conflict(`A ${status.toLowerCase()} subscription cannot be renewed; resume it first.`);
        break;
    }
    // A discount carried over from earlier terms that has ended by now is not part of the new terms.
    if (discountEndsOn !== null && discountEndsOn <= effectiveDate && blank(data.discountEndsOn)) [discountKind, discountValue, discountEndsOn] = [null, null, null];
    if (isCurrencyCode(currency) && currency !== this.baseCurrency) {
      const month = monthOf(effectiveDate);
      const [rate] = await em.query(`SELECT 1 FROM revenue_exchange_rates WHERE currency = $1 AND valid_from <= $2 LIMIT 1`, [currency, month]);
      if (!rate) errors.add('currency', `No exchange rate for ${currency} on ${month}: add a rate valid from that day or earlier first.`);
    }
    errors.throwIfAny('The subscription event is not valid.');

    let subscriptionId = target.subscriptionId;
    if (!subscriptionId) {
      const [created]: { id: string }[] = await em.query(
        `INSERT INTO revenue_subscriptions (customer_id, product_id, external_id) VALUES ($1, $2, $3) RETURNING id`,
        [customerId, target.productId, data.subscriptionExternalId ?? null],
      );
      subscriptionId = created!.id;
    }
    const [inserted]: { id: string }[] = await em.query(
      `INSERT INTO revenue_subscription_events (subscription_id, kind, effective_date, recorded_on, status, quantity, unit_price_minor, interval_months,
         currency, discount_kind, discount_value, discount_ends_on, paid_through, term_ends_on, cancelled_on, early_renewal, source, external_event_id,
         recorded_by_user_id, api_key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
      [
        subscriptionId,
        kind,
        effectiveDate,
        this.today(),
        status,
        quantity,
        unitPriceMinor!.toString(),
        intervalMonths,
        currency,
        discountKind,
        discountValue?.toString() ?? null,
        discountKind ? discountEndsOn : null,
        paidThrough,
        termEndsOn,
        cancelledOn,
        earlyRenewal,
        source,
        data.eventId ?? null,
        ctx.actor?.userId ?? null,
        ctx.actor?.apiKeyId ?? null,
      ],
    );
    const [row] = await em.query(
      `SELECT ${EVENT_COLUMNS} FROM revenue_subscription_events e JOIN revenue_subscriptions s ON s.id = e.subscription_id WHERE e.id = $1`,
      [inserted!.id],
    );
    const event = toEventRow(row);
    await this.markPending(em, [customerId], monthOf(effectiveDate));
    if (audited) {
      await this.audit.record(em, ctx, { operation: 'recordSubscriptionEvent', entityType: 'SubscriptionEvent', entityId: event.id, before: null, after: plain(event) });
    }
    return { event, duplicate: false };
  }

  private async resolveNew(em: EntityManager, data: SubscriptionEventData, errors: FieldErrorCollector) {
    const [customer]: { id: string }[] = await em.query(
      `SELECT id FROM revenue_customers WHERE ($1::uuid IS NOT NULL AND id = $1) OR ($1::uuid IS NULL AND external_id = $2)`,
      [isUuid(data.customerId) ? data.customerId : null, data.customerExternalId ?? null],
    );
    if (!customer) errors.add(data.customerExternalId && !data.customerId ? 'customerExternalId' : 'customerId', 'Unknown customer.');
    const products = isUuid(data.productId)
      ? await this.deals.productsByIds([data.productId!], em)
      : data.productSku
        ? await this.deals.productsBySkus([data.productSku], em)
        : [];
    const product = products[0];
    const productField = data.productSku && !data.productId ? 'productSku' : 'productId';
    if (!product) errors.add(productField, 'Unknown product.');
    else if (product.pricing !== 'RECURRING') errors.add(productField, 'A one-time product has no recurring revenue; one-time fees are not part of MRR.');
    if (data.subscriptionExternalId) {
      const [taken] = await em.query(`SELECT 1 FROM revenue_subscriptions WHERE external_id = $1`, [data.subscriptionExternalId]);
      if (taken) errors.add('subscriptionExternalId', 'A subscription with this id exists; record a CHANGE for it.');
    }
    return { customerId: customer?.id ?? '', subscriptionId: null, productId: product?.id ?? null, productCurrency: product?.currency ?? null, startDate: null, base: null };
  }

  private async resolveExisting(em: EntityManager, data: SubscriptionEventData, errors: FieldErrorCollector) {
    const [subscription]: { id: string; customer_id: string }[] = await em.query(
      `SELECT id, customer_id FROM revenue_subscriptions WHERE ($1::uuid IS NOT NULL AND id = $1) OR ($1::uuid IS NULL AND external_id = $2)`,
      [isUuid(data.subscriptionId) ? data.subscriptionId : null, data.subscriptionExternalId ?? null],
    );
    const field = data.subscriptionExternalId && !data.subscriptionId ? 'subscriptionExternalId' : 'subscriptionId';
    if (!subscription) {
      errors.add(field, 'Unknown subscription.');
      return { customerId: '', subscriptionId: null, productId: null, productCurrency: null, startDate: null, base: null };
    }
    const events = await this.eventsOf([subscription.id], em);
    const startDate = events[0]?.effectiveDate ?? null;
    const base = [...events].reverse().find((e) => e.effectiveDate <= data.effectiveDate) ?? null;
    if (!base && isIsoDate(data.effectiveDate)) errors.add('effectiveDate', `The subscription starts on ${startDate}; a change cannot take effect before it.`);
    return { customerId: subscription.customer_id, subscriptionId: subscription.id, productId: null, productCurrency: null, startDate, base };
  }

  /**
   * A won deal becomes the customer's subscriptions: one monthly subscription per recurring product
   * line, at list price and the line's quantity, from the actual close date, with the registering
   * partner as partner of record (a new customer, or the existing one with the deal's domain).
   * Event ids derive from the deal and product, so repeating it changes nothing.
   */
  async subscriptionsFromDeal(ctx: RequestContext, registrationId: string): Promise<{ event: EventRow; duplicate: boolean }[]> {
    const deal = await this.registrations.get(ctx, registrationId);
    if (deal.status !== 'WON' || !deal.actualCloseDate) throw new DomainError('CONFLICT', 'Only a won deal becomes subscriptions.');
    const lines = (await this.registrations.linesOf([registrationId])).filter((l) => l.product.pricing === 'RECURRING');
    if (lines.length === 0) throw new DomainError('CONFLICT', 'The deal has no recurring product lines.');
    const results = await this.dataSource.transaction(async (em) => {
      let [customer]: { id: string; organisation_id: string }[] = deal.customerDomain
        ? await em.query(`SELECT id, organisation_id FROM revenue_customers WHERE domain = $1 ORDER BY created_at LIMIT 1`, [deal.customerDomain])
        : [];
      if (customer && customer.organisation_id !== deal.organisationId) {
        throw new DomainError('CONFLICT', 'This customer has another partner of record; transfer it first if the deal moves it.');
      }
      if (!customer) {
        [customer] = await em.query(
          `INSERT INTO revenue_customers (name, domain, country, organisation_id) VALUES ($1, $2, $3, $4) RETURNING id, organisation_id`,
          [deal.customerName, deal.customerDomain, deal.customerCountry, deal.organisationId],
        );
        await em.query(`INSERT INTO revenue_customer_partners (customer_id, organisation_id, effective_from, recorded_by_user_id) VALUES ($1, $2, $3, $4)`, [
          customer!.id,
          deal.organisationId,
          deal.actualCloseDate,
          ctx.actor?.userId ?? null,
        ]);
      }
      const out: { event: EventRow; duplicate: boolean }[] = [];
      for (const line of lines) {
        const key = `deal:${registrationId}:${line.productId}`;
        out.push(
          await this.apply(em, ctx, {
            kind: 'START',
            eventId: key,
            customerId: customer!.id,
            subscriptionExternalId: key,
            productId: line.productId,
            effectiveDate: deal.actualCloseDate!,
            quantity: line.quantity,
            unitPrice: formatMoneyPlain(money(line.product.listPriceMinor, line.product.currency)),
            intervalMonths: 1,
            currency: line.product.currency,
          }, 'DEAL', true),
        );
      }
      return out;
    });
    this.nudge();
    return results;
  }

  // ---- exchange rates ----

  async exchangeRates(): Promise<ExchangeRateRow[]> {
    return this.dataSource.query(
      `SELECT currency, valid_from::text AS "validFrom", rate::text AS rate, updated_at AS "updatedAt" FROM revenue_exchange_rates ORDER BY currency, valid_from DESC LIMIT 2000`,
    );
  }

  /** Base-currency units per one unit of `currency`, valid from a day until the next rate. */
  async setExchangeRate(ctx: RequestContext, input: { currency: string; validFrom: string; rate: string }): Promise<ExchangeRateRow> {
    const errors = new FieldErrorCollector();
    this.checkRate(input, errors, (f) => f);
    errors.throwIfAny('The exchange rate is not valid.');
    return this.dataSource.transaction(async (em) => {
      const row = await this.upsertRate(em, input);
      await this.audit.record(em, ctx, { operation: 'setExchangeRate', entityType: 'ExchangeRate', entityId: `${row.currency}:${row.validFrom}`, before: null, after: { ...row } });
      return row;
    });
  }

  async importRatesCsv(ctx: RequestContext, csv: string): Promise<ImportReport> {
    const rows = readCsv(csv, { required: ['currency', 'valid_from', 'rate'], optional: [] }, MAX_IMPORT_ROWS);
    const report: ImportReport = { rows: rows.length, applied: 0, duplicates: 0, errors: [] };
    const inputs = rows.map((row) => {
      const input = { currency: row.get('currency').toUpperCase(), validFrom: row.get('valid_from'), rate: row.get('rate') };
      const errors = new FieldErrorCollector();
      this.checkRate(input, errors, (f) => f);
      for (const [field, messages] of Object.entries(errors.toObject())) {
        for (const message of messages) report.errors.push({ row: row.row, column: field === 'validFrom' ? 'valid_from' : field, message });
      }
      return input;
    });
    if (report.errors.length > 0) return report;
    await this.dataSource.transaction(async (em) => {
      for (const input of inputs) await this.upsertRate(em, input);
      await this.audit.record(em, ctx, { operation: 'importExchangeRates', entityType: 'ExchangeRateImport', entityId: randomUUID(), before: null, after: { rows: inputs.length } });
    });
    return { ...report, applied: inputs.length };
  }

  private checkRate(input: { currency: string; validFrom: string; rate: string }, errors: FieldErrorCollector, name: (f: string) => string): void {
    if (!isCurrencyCode(input.currency)) errors.add(name('currency'), 'Use a currency code such as USD.');
    else if (input.currency === this.baseCurrency) errors.add(name('currency'), `${this.baseCurrency} is the base currency; its rate is always 1.`);
    if (!isIsoDate(input.validFrom)) errors.add(name('validFrom'), 'Enter a date as YYYY-MM-DD.');
    const rate = parseDecimal(input.rate);
    if (!rate || rate.units <= 0n) errors.add(name('rate'), 'Enter a positive rate such as 0.9215.');
    else if (rate.scale > RATE_MAX_FRACTION_DIGITS || input.rate.split('.')[0]!.replace('-', '').length > 14) {
      errors.add(name('rate'), `At most 14 digits before and ${RATE_MAX_FRACTION_DIGITS} after the decimal point.`);
    }
  }

  private async upsertRate(em: EntityManager, input: { currency: string; validFrom: string; rate: string }): Promise<ExchangeRateRow> {
    const [row]: ExchangeRateRow[] = await em.query(
      `INSERT INTO revenue_exchange_rates (currency, valid_from, rate, minor_digits) VALUES ($1, $2, $3, $4)
       ON CONFLICT (currency, valid_from) DO UPDATE SET rate = EXCLUDED.rate, updated_at = now()
       RETURNING currency, valid_from::text AS "validFrom", rate::text AS rate, updated_at AS "updatedAt"`,
      [input.currency, input.validFrom, input.rate, minorUnitDigits(input.currency)],
    );
    // Every partner's base-currency figures from the rate's first month on are out of date.
    await em.query(
      `INSERT INTO revenue_rollup_state (id, rates_from) VALUES (true, $1)
       ON CONFLICT (id) DO UPDATE SET rates_from = LEAST(COALESCE(revenue_rollup_state.rates_from, EXCLUDED.rates_from), EXCLUDED.rates_from)`,
      [monthOf(input.validFrom)],
    );
    return row!;
  }

  // ---- rollup queue ----

  async markPending(em: EntityManager, customerIds: readonly string[], fromMonth: string): Promise<void> {
    await em.query(
      `INSERT INTO revenue_pending (customer_id, from_month) SELECT unnest($1::uuid[]), $2
       ON CONFLICT (customer_id) DO UPDATE SET from_month = LEAST(revenue_pending.from_month, EXCLUDED.from_month)`,
      [customerIds, fromMonth],
    );
  }

  /** Asks a worker to drain the queue soon; the every-minute schedule catches anything this misses. */
  private nudge(): void {
    if (!this.jobs.running) return;
    void this.jobs.send(REVENUE_ROLLUP_JOB, {}, { singletonKey: REVENUE_ROLLUP_JOB, singletonSeconds: 2 }).catch(() => undefined);
  }

  formatMinor(amountMinor: bigint, currency: string): string {
    return formatMoneyPlain(money(amountMinor, currency));
  }
}

/** The event with its bigints as text, for the audit log's JSON. */
const plain = (event: EventRow): Record<string, unknown> =>
  Object.fromEntries(Object.entries(event).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string | null | undefined): value is string => typeof value === 'string' && UUID.test(value);

function eventFromCsv(get: (column: string) => string, errors: CsvRowError[], row: number): SubscriptionEventData | null {
  const kind = get('kind').toUpperCase();
  const integer = (column: string): number | null => {
    const text = get(column);
    if (text === '') return null;
    if (!/^\d{1,9}$/.test(text)) {
      errors.push({ row, column, message: 'Use a whole number.' });
      return null;
    }
    return Number(text);
  };
  const status = get('status').toUpperCase();
  if (status !== '' && status !== 'TRIAL' && status !== 'ACTIVE') errors.push({ row, column: 'status', message: 'Use TRIAL or ACTIVE.' });
  if (!(EVENT_KINDS as readonly string[]).includes(kind)) errors.push({ row, column: 'kind', message: `Use one of ${EVENT_KINDS.join(', ')}.` });
  const data: SubscriptionEventData = {
    kind: kind as EventKind,
    eventId: get('event_id') || null,
    customerExternalId: get('customer_external_id') || null,
    subscriptionExternalId: get('subscription_external_id') || null,
    productSku: get('product_sku') || null,
    effectiveDate: get('effective_date'),
    status: status === 'TRIAL' || status === 'ACTIVE' ? status : null,
    quantity: integer('quantity'),
    unitPrice: get('unit_price') || null,
    intervalMonths: integer('interval_months'),
    currency: get('currency').toUpperCase() || null,
    discountPercent: get('discount_percent') || null,
    discountAmount: get('discount_amount') || null,
    discountEndsOn: get('discount_ends_on') || null,
    paidThrough: get('paid_through') || null,
    termEndsOn: get('term_ends_on') || null,
    cancelledOn: get('cancelled_on') || null,
  };
  return errors.some((e) => e.row === row) ? null : data;
}

function rowErrors(err: unknown, row: number): CsvRowError[] {
  if (!isDomainError(err)) {
    if (pgCode(err) === '23505') return [{ row, column: '', message: 'This row repeats an id used by another row.' }];
    throw err;
  }
  const fields = Object.entries(err.fields ?? {});
  if (fields.length === 0) return [{ row, column: '', message: err.message }];
  return fields.flatMap(([field, messages]) => messages.map((message) => ({ row, column: CSV_COLUMN[field] ?? field, message })));
}
