import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { formatFixed, minorUnitDigits } from '@prm/domain/money';
import { addMonths, customerMonths, customerMovements, type CustomerMonth, type LedgerEvent, type Movement, monthOf, ratioPercent } from '@prm/domain/revenue';
import { AppConfig, Clock, LOGGER } from '@prm/server/core';
import { ProgramsService } from '@prm/server/programs';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { LedgerService } from './ledger.service';
import { termsOf } from './ledger.types';

const BATCH = 500;
const INSERT_CHUNK = 5_000;
const EPOCH = '1900-01-01';

interface PendingRow {
  customerId: string;
  fromMonth: string;
}

/** Partners whose monthly rows must be recomputed, each from a month on. */
type Affected = Map<string, string>;

const touch = (affected: Affected, organisationId: string, month: string): void => {
  const current = affected.get(organisationId);
  if (!current || month < current) affected.set(organisationId, month);
};

/**
 * Keeps the derived revenue tables in step with the ledger. A write marks a customer in
 * revenue_pending (from the first month it changes); `drain` recomputes exactly those customers from
 * that month — movements and customer months — and then the partner months of every partner the
 * customer had in that span, from the same month. `rebuild` runs the very same code over every
 * customer from the beginning, so incremental and full results cannot drift apart.
 */
@Injectable()
export class RevenueRollupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly programs: ProgramsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  currentMonth(): string {
    return monthOf(this.clock.now().toISOString().slice(0, 10));
  }

  /** Applies everything pending: a new month, changed exchange rates, changed customers. Returns customers recomputed. */
  async drain(): Promise<number> {
    const touched: Affected = new Map();
    await this.rollForward(touched);
    let total = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (em) => {
        const batch: PendingRow[] = await em.query(
          `SELECT customer_id AS "customerId", from_month::text AS "fromMonth" FROM revenue_pending
            ORDER BY queued_at, customer_id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        if (batch.length === 0) return 0;
        const affected = await this.recomputeCustomers(em, batch, false);
        await this.recomputePartners(em, affected);
        await em.query(`DELETE FROM revenue_pending WHERE customer_id = ANY($1)`, [batch.map((b) => b.customerId)]);
        for (const [org, month] of affected) touch(touched, org, month);
        return batch.length;
      });
      total += done;
      if (done < BATCH) break;
    }
    if (touched.size > 0) await this.publishMetrics([...touched.keys()]);
    return total;
  }

  /** Recomputes every derived row from the ledger (`npm run metrics:rebuild`). */
  async rebuild(): Promise<{ customers: number; movements: number; customerMonths: number; partnerMonths: number }> {
    const counts = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('revenue-rollup'))`);
      await em.query(`TRUNCATE revenue_movements, revenue_customer_months, revenue_partner_months`);
      await em.query(`DELETE FROM revenue_pending`);
      const affected: Affected = new Map();
      let customers = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const ids: { id: string }[] = await em.query(`SELECT id FROM revenue_customers WHERE id > $1 ORDER BY id LIMIT 2000`, [after]);
        if (ids.length === 0) break;
        after = ids[ids.length - 1]!.id;
        customers += ids.length;
        const part = await this.recomputeCustomers(em, ids.map((r) => ({ customerId: r.id, fromMonth: EPOCH })), true);
        for (const [org, month] of part) touch(affected, org, month);
      }
      await this.recomputePartners(em, affected);
      await em.query(
        `INSERT INTO revenue_rollup_state (id, through_month, rates_from) VALUES (true, $1, NULL)
         ON CONFLICT (id) DO UPDATE SET through_month = EXCLUDED.through_month, rates_from = NULL`,
        [this.currentMonth()],
      );
      const [totals]: { movements: string; months: string; partners: string }[] = await em.query(
        `SELECT (SELECT count(*) FROM revenue_movements)::text AS movements, (SELECT count(*) FROM revenue_customer_months)::text AS months,
                (SELECT count(*) FROM revenue_partner_months)::text AS partners`,
      );
      return { customers, movements: Number(totals!.movements), customerMonths: Number(totals!.months), partnerMonths: Number(totals!.partners), affected };
    });
    await this.publishMetrics([...counts.affected.keys()]);
    const { affected: _affected, ...result } = counts;
    return result;
  }

  /**
   * A new month carries every paying customer's closing MRR into it (no movement, same partner),
   * and an exchange-rate change revalues the partner months from its month on.
   */
  private async rollForward(touched: Affected): Promise<void> {
    const current = this.currentMonth();
    await this.dataSource.transaction(async (em) => {
      const [state]: { through: string | null; rates: string | null }[] = await em.query(
        `SELECT through_month::text AS through, rates_from::text AS rates FROM revenue_rollup_state FOR UPDATE`,
      );
      if (state && (state.through ?? current) >= current && !state.rates) return;
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('revenue-rollup'))`);
      const affected: Affected = new Map();
      if (state?.through && state.through < current) {
        await em.query(
          `INSERT INTO revenue_customer_months (customer_id, month, organisation_id, currency, opening_minor, new_minor, expansion_minor,
             contraction_minor, churn_minor, reactivation_minor, transfer_in_minor, transfer_out_minor, closing_minor)
           SELECT l.customer_id, m.month::date, l.organisation_id, l.currency, l.closing_minor, 0, 0, 0, 0, 0, 0, 0, l.closing_minor
             FROM (SELECT DISTINCT ON (customer_id, organisation_id, currency) customer_id, organisation_id, currency, month, closing_minor
                     FROM revenue_customer_months ORDER BY customer_id, organisation_id, currency, month DESC) l
             CROSS JOIN LATERAL generate_series(l.month + interval '1 month', $1::date, interval '1 month') AS m (month)
            WHERE l.closing_minor <> 0 AND l.month < $1::date`,
          [current],
        );
        for (const org of await this.allPartners(em)) touch(affected, org, addMonths(state.through, 1));
      }
      if (state?.rates) for (const org of await this.allPartners(em)) touch(affected, org, state.rates);
      await this.recomputePartners(em, affected);
      await em.query(
        `INSERT INTO revenue_rollup_state (id, through_month, rates_from) VALUES (true, $1, NULL)
         ON CONFLICT (id) DO UPDATE SET through_month = EXCLUDED.through_month, rates_from = NULL`,
        [current],
      );
      for (const [org, month] of affected) touch(touched, org, month);
    });
  }

  private async allPartners(em: EntityManager): Promise<string[]> {
    const rows: { organisation_id: string }[] = await em.query(`SELECT DISTINCT organisation_id FROM revenue_customer_months`);
    return rows.map((r) => r.organisation_id);
  }

  /** Movements and customer months of these customers from each one's month on; returns the partners touched. */
  private async recomputeCustomers(em: EntityManager, pending: readonly PendingRow[], fresh: boolean): Promise<Affected> {
    const ids = pending.map((p) => p.customerId);
    const fromOf = new Map(pending.map((p) => [p.customerId, p.fromMonth]));
    const events = await this.ledger.eventsOfCustomers(ids, em);
    const partners: { id: string; customer_id: string; organisation_id: string; from: string }[] = await em.query(
      `SELECT id, customer_id, organisation_id, effective_from::text AS "from" FROM revenue_customer_partners WHERE customer_id = ANY($1) ORDER BY customer_id, effective_from`,
      [ids],
    );
    const eventsOf = groupBy(events, (e) => e.customerId);
    const partnersOf = groupBy(partners, (p) => p.customer_id);
    const affected: Affected = new Map();
    if (!fresh) {
      const removed: { organisation_id: string; month: string }[] = await em.query(
        `WITH gone AS (
           DELETE FROM revenue_customer_months cm USING unnest($1::uuid[], $2::date[]) AS p (customer_id, from_month)
            WHERE cm.customer_id = p.customer_id AND cm.month >= p.from_month RETURNING cm.organisation_id, cm.month)
         SELECT organisation_id, min(month)::text AS month FROM gone GROUP BY organisation_id`,
        [ids, ids.map((id) => fromOf.get(id))],
      );
      for (const r of removed) touch(affected, r.organisation_id, r.month);
      await em.query(
        `DELETE FROM revenue_movements m USING unnest($1::uuid[], $2::date[]) AS p (customer_id, from_month)
          WHERE m.customer_id = p.customer_id AND m.month >= p.from_month`,
        [ids, ids.map((id) => fromOf.get(id))],
      );
    }
    const current = this.currentMonth();
    const movementRows: (Movement & { customerId: string })[] = [];
    const monthRows: (CustomerMonth & { customerId: string })[] = [];
    for (const customerId of ids) {
      const history = partnersOf.get(customerId);
      if (!history) continue;
      const ledgerEvents: LedgerEvent[] = (eventsOf.get(customerId) ?? []).map((e) => ({
        id: e.id,
        subscriptionId: e.subscriptionId,
        effectiveDate: e.effectiveDate,
        sequence: Number(e.sequence),
        terms: termsOf(e),
      }));
      const movements = customerMovements(
        ledgerEvents,
        history.map((p) => ({ id: p.id, organisationId: p.organisation_id, from: p.from })),
      );
      const last = movements.length > 0 ? monthOf(movements[movements.length - 1]!.date) : current;
      const from = fromOf.get(customerId)!;
      for (const m of movements) if (m.date >= from) movementRows.push({ ...m, customerId });
      for (const row of customerMonths(movements, last > current ? last : current)) {
        if (row.month < from) continue;
        monthRows.push({ ...row, customerId });
        touch(affected, row.organisationId, row.month);
      }
    }
    await this.insertMovements(em, movementRows);
    await this.insertCustomerMonths(em, monthRows);
    return affected;
  }

  private async insertMovements(em: EntityManager, rows: readonly (Movement & { customerId: string })[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await em.query(
        `INSERT INTO revenue_movements (customer_id, subscription_id, organisation_id, date, month, kind, currency, amount_minor, cause, source_id)
         SELECT c, s, o, d, date_trunc('month', d)::date, k, cur, a, ca, src
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::uuid[])
             AS t (c, s, o, d, k, cur, a, ca, src)`,
        [
          chunk.map((r) => r.customerId),
          chunk.map((r) => r.subscriptionId),
          chunk.map((r) => r.organisationId),
          chunk.map((r) => r.date),
          chunk.map((r) => r.kind),
          chunk.map((r) => r.currency),
          chunk.map((r) => r.amountMinor.toString()),
          chunk.map((r) => r.cause),
          chunk.map((r) => r.sourceId),
        ],
      );
    }
  }

  private async insertCustomerMonths(em: EntityManager, rows: readonly (CustomerMonth & { customerId: string })[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const col = (pick: (r: CustomerMonth) => bigint) => chunk.map((r) => pick(r).toString());
      await em.query(
        `INSERT INTO revenue_customer_months (customer_id, month, organisation_id, currency, opening_minor, new_minor, expansion_minor,
           contraction_minor, churn_minor, reactivation_minor, transfer_in_minor, transfer_out_minor, closing_minor)
         SELECT * FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[],
           $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[])`,
        [
          chunk.map((r) => r.customerId),
          chunk.map((r) => r.month),
          chunk.map((r) => r.organisationId),
          chunk.map((r) => r.currency),
          col((r) => r.openingMinor),
          col((r) => r.movements.NEW),
          col((r) => r.movements.EXPANSION),
          col((r) => r.movements.CONTRACTION),
          col((r) => r.movements.CHURN),
          col((r) => r.movements.REACTIVATION),
          col((r) => r.movements.TRANSFER_IN),
          col((r) => r.movements.TRANSFER_OUT),
          col((r) => r.closingMinor),
        ],
      );
    }
  }

  /**
   * Partner months in the base currency, from each partner's month on (see docs/metrics.md):
   * each customer month converts at the rate of the month's first day, rounded half away from zero;
   * opening = last month's closing; FX = closing − opening − movements (what rates alone changed);
   * the trailing-12-month cohort (customers paying with the partner 12 months earlier) is valued at
   * this month's rates both then and now, so NRR and GRR hold currency constant.
   */
  private async recomputePartners(em: EntityManager, affected: Affected): Promise<void> {
    if (affected.size === 0) return;
    const orgs = [...affected.keys()].sort();
    // One writer per partner at a time, in a fixed order (no deadlocks between two drains).
    for (const org of orgs) await em.query(`SELECT pg_advisory_xact_lock(hashtext('revenue-partner:' || $1))`, [org]);
    const params = [orgs, orgs.map((o) => affected.get(o)), this.currentMonth(), this.config.REVENUE_BASE_CURRENCY, minorUnitDigits(this.config.REVENUE_BASE_CURRENCY)];
    const missing: { currency: string; month: string }[] = await em.query(
      `SELECT DISTINCT cm.currency, cm.month::text AS month
         FROM revenue_customer_months cm JOIN unnest($1::uuid[], $2::date[]) AS t (organisation_id, from_month) ON t.organisation_id = cm.organisation_id
        WHERE cm.month >= t.from_month AND cm.month <= $3::date AND cm.currency <> $4
          AND NOT EXISTS (SELECT 1 FROM revenue_exchange_rates r WHERE r.currency = cm.currency AND r.valid_from <= cm.month)
        ORDER BY 2, 1 LIMIT 5`,
      params.slice(0, 4),
    );
    if (missing.length > 0) {
      const list = missing.map((m) => `${m.currency} on ${m.month}`).join(', ');
      throw new DomainError('CONFLICT', `No exchange rate for ${list}: add the rate so revenue can be reported in ${this.config.REVENUE_BASE_CURRENCY}.`);
    }
    await em.query(
      `DELETE FROM revenue_partner_months p USING unnest($1::uuid[], $2::date[]) AS t (organisation_id, from_month)
        WHERE p.organisation_id = t.organisation_id AND p.month >= t.from_month`,
      params.slice(0, 2),
    );
    await em.query(PARTNER_MONTHS_SQL, params);
  }

  /** NRR_PCT and T12M_ARR_SOLD for tier qualification, as of the current month. */
  private async publishMetrics(organisationIds: readonly string[]): Promise<void> {
    const current = this.currentMonth();
    const digits = minorUnitDigits(this.config.REVENUE_BASE_CURRENCY);
    const rows: { organisation_id: string; start: string | null; now: string | null; sold: string }[] = await this.dataSource.query(
      `SELECT o.organisation_id, c.cohort_start_minor::text AS start, c.cohort_current_minor::text AS now,
              COALESCE((SELECT sum(new_minor + expansion_minor + reactivation_minor) FROM revenue_partner_months p
                         WHERE p.organisation_id = o.organisation_id AND p.month > ($2::date - interval '12 months') AND p.month <= $2::date), 0)::text AS sold
         FROM unnest($1::uuid[]) AS o (organisation_id)
         LEFT JOIN revenue_partner_months c ON c.organisation_id = o.organisation_id AND c.month = $2::date`,
      [organisationIds, current],
    );
    const metrics: { organisationId: string; metric: string; value: string }[] = [];
    for (const row of rows) {
      metrics.push({ organisationId: row.organisation_id, metric: 'T12M_ARR_SOLD', value: formatFixed(BigInt(row.sold) * 12n, digits) });
      const nrr = row.start ? ratioPercent(BigInt(row.now ?? '0'), BigInt(row.start)) : null;
      if (nrr !== null) metrics.push({ organisationId: row.organisation_id, metric: 'NRR_PCT', value: nrr });
    }
    try {
      await this.programs.storeMetrics(metrics, 'revenue');
    } catch (err) {
      this.logger.error({ err }, 'revenue metrics could not be stored');
    }
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const MOVEMENT_COLUMNS = ['new', 'expansion', 'contraction', 'churn', 'reactivation', 'transfer_in', 'transfer_out'] as const;

/** $1 partner ids, $2 their first month to recompute, $3 the current month, $4 base currency, $5 its minor digits. */
const PARTNER_MONTHS_SQL = `
WITH targets AS (
  SELECT * FROM unnest($1::uuid[], $2::date[]) AS t (organisation_id, from_month)
),
source AS (
  SELECT cm.* FROM revenue_customer_months cm JOIN targets t ON t.organisation_id = cm.organisation_id
   WHERE cm.month >= (t.from_month - interval '13 months') AND cm.month <= $3::date
),
months AS (
  SELECT generate_series(min(month), $3::date, interval '1 month')::date AS month FROM source
),
rates AS (
  SELECT c.currency, m.month,
         CASE WHEN c.currency = $4 THEN 1::numeric ELSE (
           SELECT r.rate * power(10::numeric, $5::int - r.minor_digits) FROM revenue_exchange_rates r
            WHERE r.currency = c.currency AND r.valid_from <= m.month ORDER BY r.valid_from DESC LIMIT 1) END AS factor
    FROM (SELECT DISTINCT currency FROM source) c CROSS JOIN months m
),
per_customer AS (
  SELECT s.organisation_id, s.month, s.customer_id,
         sum(s.opening_minor) > 0 AS paying_start,
         sum(s.closing_minor) > 0 AS paying_end,
         bool_or(s.transfer_out_minor <> 0) AS moved_out,
         bool_or(s.new_minor <> 0) AS is_new,
         ${MOVEMENT_COLUMNS.map((c) => `sum(round(s.${c}_minor * x.factor))::bigint AS ${c}_b`).join(',\n         ')},
         sum(round(s.closing_minor * x.factor))::bigint AS closing_b
    FROM source s JOIN rates x ON x.currency = s.currency AND x.month = s.month
   GROUP BY 1, 2, 3
),
cohort AS (
  SELECT s.organisation_id, (s.month + interval '12 months')::date AS month, s.customer_id,
         sum(round(s.closing_minor * x.factor))::bigint AS start_b
    FROM source s JOIN rates x ON x.currency = s.currency AND x.month = (s.month + interval '12 months')::date
   WHERE s.closing_minor <> 0
   GROUP BY 1, 2, 3
),
retained AS (
  SELECT c.organisation_id, c.month, sum(c.start_b) AS start_b, sum(COALESCE(p.closing_b, 0)) AS current_b,
         sum(LEAST(COALESCE(p.closing_b, 0), c.start_b)) AS retained_b
    FROM cohort c LEFT JOIN per_customer p ON p.organisation_id = c.organisation_id AND p.month = c.month AND p.customer_id = c.customer_id
   GROUP BY 1, 2
),
agg AS (
  SELECT organisation_id, month,
         ${MOVEMENT_COLUMNS.map((c) => `sum(${c}_b) AS ${c}_b`).join(', ')},
         sum(closing_b) AS closing_b,
         count(*) FILTER (WHERE paying_start) AS customers_start,
         count(*) FILTER (WHERE paying_end) AS customers_end,
         count(*) FILTER (WHERE is_new) AS new_customers,
         count(*) FILTER (WHERE paying_start AND NOT paying_end AND NOT moved_out) AS churned_customers
    FROM per_customer GROUP BY 1, 2
),
combined AS (
  SELECT COALESCE(a.organisation_id, r.organisation_id) AS organisation_id, COALESCE(a.month, r.month) AS month,
         ${MOVEMENT_COLUMNS.map((c) => `COALESCE(a.${c}_b, 0) AS ${c}_b`).join(', ')},
         COALESCE(a.closing_b, 0) AS closing_b,
         COALESCE(a.customers_start, 0) AS customers_start, COALESCE(a.customers_end, 0) AS customers_end,
         COALESCE(a.new_customers, 0) AS new_customers, COALESCE(a.churned_customers, 0) AS churned_customers,
         COALESCE(r.start_b, 0) AS start_b, COALESCE(r.current_b, 0) AS current_b, COALESCE(r.retained_b, 0) AS retained_b
    FROM agg a FULL JOIN retained r ON r.organisation_id = a.organisation_id AND r.month = a.month
),
opened AS (
  SELECT c.*, CASE WHEN lag(c.month) OVER w = (c.month - interval '1 month')::date THEN lag(c.closing_b) OVER w ELSE 0 END AS opening_b
    FROM combined c WINDOW w AS (PARTITION BY c.organisation_id ORDER BY c.month)
)
INSERT INTO revenue_partner_months (organisation_id, month, opening_minor, ${MOVEMENT_COLUMNS.map((c) => `${c}_minor`).join(', ')}, fx_minor, closing_minor,
  customers_start, customers_end, new_customers, churned_customers, cohort_start_minor, cohort_current_minor, cohort_retained_minor)
SELECT o.organisation_id, o.month, o.opening_b, ${MOVEMENT_COLUMNS.map((c) => `o.${c}_b`).join(', ')},
       o.closing_b - o.opening_b - (${MOVEMENT_COLUMNS.map((c) => `o.${c}_b`).join(' + ')}),
       o.closing_b, o.customers_start, o.customers_end, o.new_customers, o.churned_customers, o.start_b, o.current_b, o.retained_b
  FROM opened o JOIN targets t ON t.organisation_id = o.organisation_id
 WHERE o.month >= t.from_month AND o.month <= $3::date
   AND (o.opening_b <> 0 OR o.closing_b <> 0 OR o.start_b <> 0 OR o.customers_start > 0 OR o.customers_end > 0
        OR ${MOVEMENT_COLUMNS.map((c) => `o.${c}_b <> 0`).join(' OR ')})`;
