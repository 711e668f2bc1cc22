import { Injectable } from '@nestjs/common';
import { minorUnitDigits } from '@prm/domain/money';
import { monthOf, retentionFromSums } from '@prm/domain/revenue';
import { AppConfig, Clock } from '@prm/server/core';
import { DataSource } from 'typeorm';

/** One derived movement in the base currency (converted at the rate of its month's first day, like the rollups). */
export interface MovementFact {
  /** Stable across rollups (movement ids are not): subscription, date and the ledger event behind it. */
  key: string;
  customerId: string;
  customerName: string;
  organisationId: string;
  date: string;
  kind: string;
  currency: string;
  amountMinor: bigint;
  baseAmountMinor: bigint;
}

/** A RENEW the ledger marked early (recorded 90+ days before the end of the term it renews). */
export interface EarlyRenewalFact {
  eventId: string;
  customerId: string;
  customerName: string;
  /** The partner of record on the day it counts from. */
  organisationId: string;
  /** The day it counts from: recorded today, or its effective date when back-dated. */
  on: string;
  termEndsOn: string | null;
}

/** A partner's trailing-12-month NRR for a month, exactly as the revenue reports compute it. */
export interface PartnerNrrFact {
  organisationId: string;
  month: string;
  nrr: string | null;
  /** The cohort's MRR now, in the base currency. */
  cohortCurrentMinor: bigint;
}

/**
 * Read-only facts of the revenue ledger for other contexts (incentives). System reads: callers scope
 * what they show. Amounts are in the base currency; the metric math stays in the rollups.
 */
@Injectable()
export class RevenueFactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get baseCurrency(): string {
    return this.config.REVENUE_BASE_CURRENCY;
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  /** Movements of the given kinds dated in [from, to] and not after today (as the movement lists show them). */
  async movementsBetween(kinds: readonly string[], from: string, to: string, customerIds?: readonly string[]): Promise<MovementFact[]> {
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT m.subscription_id::text || ':' || m.date::text || ':' || COALESCE(m.source_id::text, '-') AS key, m.customer_id AS "customerId", c.name AS "customerName",
              m.organisation_id AS "organisationId", m.date::text AS date, m.kind, m.currency, m.amount_minor::text AS amount,
              CASE WHEN m.currency = $4 THEN m.amount_minor
                   ELSE round(m.amount_minor * (SELECT r.rate * power(10::numeric, $5::int - r.minor_digits) FROM revenue_exchange_rates r
                                                  WHERE r.currency = m.currency AND r.valid_from <= m.month ORDER BY r.valid_from DESC LIMIT 1))::bigint END::text AS base
         FROM revenue_movements m JOIN revenue_customers c ON c.id = m.customer_id
        WHERE m.kind = ANY($1::text[]) AND m.date BETWEEN $2::date AND $3::date AND m.date <= $6::date AND ($7::uuid[] IS NULL OR m.customer_id = ANY($7::uuid[]))
        ORDER BY m.date, m.customer_id, m.subscription_id, m.id`,
      [kinds, from, to, this.baseCurrency, minorUnitDigits(this.baseCurrency), this.today(), customerIds ? [...customerIds] : null],
    );
    // Two movements with one key (same subscription, day and event) are one fact.
    const byKey = new Map<string, MovementFact>();
    for (const r of rows) {
      const prior = byKey.get(r['key']!);
      const amount = BigInt(r['amount']!);
      const base = BigInt(r['base'] ?? '0');
      if (prior) byKey.set(prior.key, { ...prior, amountMinor: prior.amountMinor + amount, baseAmountMinor: prior.baseAmountMinor + base });
      else
        byKey.set(r['key']!, {
          key: r['key']!,
          customerId: r['customerId']!,
          customerName: r['customerName']!,
          organisationId: r['organisationId']!,
          date: r['date']!,
          kind: r['kind']!,
          currency: r['currency']!,
          amountMinor: amount,
          baseAmountMinor: base,
        });
    }
    return [...byKey.values()];
  }

  /** RENEW events the ledger marked early, counting from a day in [from, to], with the partner of record on that day. */
  async earlyRenewalsBetween(from: string, to: string): Promise<EarlyRenewalFact[]> {
    const rows: (Omit<EarlyRenewalFact, 'organisationId'> & { organisationId: string | null; fallback: string })[] = await this.dataSource.query(
      `SELECT e.id AS "eventId", s.customer_id AS "customerId", c.name AS "customerName", LEAST(e.recorded_on, e.effective_date)::text AS on,
              e.term_ends_on::text AS "termEndsOn", c.organisation_id AS fallback,
              (SELECT p.organisation_id FROM revenue_customer_partners p WHERE p.customer_id = s.customer_id AND p.effective_from <= LEAST(e.recorded_on, e.effective_date)
                ORDER BY p.effective_from DESC LIMIT 1) AS "organisationId"
         FROM revenue_subscription_events e JOIN revenue_subscriptions s ON s.id = e.subscription_id JOIN revenue_customers c ON c.id = s.customer_id
        WHERE e.kind = 'RENEW' AND e.early_renewal AND LEAST(e.recorded_on, e.effective_date) BETWEEN $1::date AND $2::date
        ORDER BY 4, e.sequence`,
      [from, to],
    );
    return rows.map(({ fallback, organisationId, ...r }) => ({ ...r, organisationId: organisationId ?? fallback }));
  }

  /** Every partner's NRR at the end of `month` (revenue_partner_months' cohort sums, as the summary report reads them). */
  async partnerNrr(month: string): Promise<PartnerNrrFact[]> {
    const first = monthOf(month);
    const rows: { organisation_id: string; s: string; c: string; r: string }[] = await this.dataSource.query(
      `SELECT organisation_id, cohort_start_minor::text AS s, cohort_current_minor::text AS c, cohort_retained_minor::text AS r
         FROM revenue_partner_months WHERE month = $1 ORDER BY organisation_id`,
      [first],
    );
    return rows.map((row) => {
      const retention = retentionFromSums(BigInt(row.s), BigInt(row.c), BigInt(row.r));
      return { organisationId: row.organisation_id, month: first, nrr: retention.nrr, cohortCurrentMinor: BigInt(row.c) };
    });
  }

  /** A customer's MRR at each month's end in the base currency (every currency at its month's rate), months ≤ `toMonth`. */
  async customerMonthlyMrr(customerIds: readonly string[], toMonth: string): Promise<{ customerId: string; month: string; mrrMinor: bigint }[]> {
    if (customerIds.length === 0) return [];
    const rows: { customer_id: string; month: string; mrr: string }[] = await this.dataSource.query(
      `SELECT cm.customer_id, cm.month::text AS month,
              sum(CASE WHEN cm.currency = $2 THEN cm.closing_minor
                       ELSE round(cm.closing_minor * (SELECT r.rate * power(10::numeric, $3::int - r.minor_digits) FROM revenue_exchange_rates r
                                                       WHERE r.currency = cm.currency AND r.valid_from <= cm.month ORDER BY r.valid_from DESC LIMIT 1))::bigint END)::text AS mrr
         FROM revenue_customer_months cm WHERE cm.customer_id = ANY($1::uuid[]) AND cm.month <= $4::date
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [[...customerIds], this.baseCurrency, minorUnitDigits(this.baseCurrency), monthOf(toMonth)],
    );
    return rows.map((r) => ({ customerId: r.customer_id, month: r.month, mrrMinor: BigInt(r.mrr ?? '0') }));
  }

  /** Customers of the ledger by id (name and current partner), for labels and checks. */
  async customersByIds(ids: readonly string[]): Promise<{ id: string; name: string; organisationId: string }[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(`SELECT id, name, organisation_id AS "organisationId" FROM revenue_customers WHERE id = ANY($1::uuid[])`, [[...ids]]);
  }
}
