import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import {
  addDays,
  addMonths,
  arpaMinor,
  grossMrrChurn,
  isIsoDate,
  lifetimeValue,
  logoChurnRate,
  monthOf,
  monthlyRecurringMinor,
  netMrrChurn,
  ratioPercent,
  RENEWAL_WINDOW_DAYS,
  retentionFromSums,
} from '@prm/domain/revenue';
import { compareDecimal, minorUnitDigits } from '@prm/domain/money';
import { AppConfig, Clock, type Connection, parseCursor, type RequestContext, toConnection } from '@prm/server/core';
import { OrganisationsService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import { DataSource } from 'typeorm';
import { LedgerService } from './ledger.service';
import { EVENT_COLUMNS, termsOf, toEventRow } from './ledger.types';

const MOVEMENTS = ['new', 'expansion', 'contraction', 'churn', 'reactivation', 'transfer_in', 'transfer_out', 'fx'] as const;
type MovementColumn = (typeof MOVEMENTS)[number];

export interface Waterfall {
  openingMinor: bigint;
  movements: Record<MovementColumn, bigint>;
  closingMinor: bigint;
}

export interface PartnerMonthFigures {
  month: string;
  mrrMinor: bigint;
  customers: number;
}

export interface RevenueSummary {
  organisationId: string | null;
  month: string;
  currency: string;
  mrrMinor: bigint;
  customers: number;
  nrr: string | null;
  grr: string | null;
  cohortStartMinor: bigint;
  logoChurnRate: string | null;
  grossMrrChurn: string | null;
  netMrrChurn: string | null;
  arpaMinor: bigint | null;
  ltvMinor: bigint | null;
  ltvNote: string | null;
  trend: PartnerMonthFigures[];
  waterfall: Waterfall;
}

export interface LeaderboardRow {
  organisationId: string;
  name: string;
  country: string;
  channelManagerId: string | null;
  programIds: string[];
  tierIds: string[];
  mrrMinor: bigint;
  yearAgoMinor: bigint;
  mrrGrowth: string | null;
  nrr: string | null;
  grr: string | null;
  logoChurnRate: string | null;
  customers: number;
}

export const LEADERBOARD_SORTS = ['ARR', 'MRR_GROWTH', 'NRR', 'GRR', 'LOGO_CHURN', 'CUSTOMERS', 'NAME'] as const;
export type LeaderboardSort = (typeof LEADERBOARD_SORTS)[number];

export interface LeaderboardFilter {
  programId?: string;
  tierId?: string;
  country?: string;
  channelManagerId?: string;
}

export interface RenewalRow {
  subscriptionId: string;
  customerId: string;
  customerName: string;
  organisationId: string;
  productId: string;
  termEndsOn: string;
  daysLeft: number;
  mrrMinor: bigint;
  currency: string;
}

export interface MovementRow {
  id: string;
  customerId: string;
  customerName: string;
  subscriptionId: string;
  organisationId: string;
  date: string;
  kind: string;
  currency: string;
  amountMinor: bigint;
  cause: string;
  sourceId: string | null;
}

export interface GroupRollupRow {
  key: string;
  label: string;
  partners: number;
  mrrMinor: bigint;
  customers: number;
  nrr: string | null;
  grr: string | null;
  logoChurnRate: string | null;
}

export interface CohortRow {
  quarter: string;
  partners: number;
  startMrrMinor: bigint;
  quarters: { offset: number; mrrMinor: bigint; retention: string | null }[];
}

interface WindowRow {
  organisation_id: string;
  mrr: string | null;
  year_ago: string | null;
  customers: string | null;
  cohort_start: string | null;
  cohort_current: string | null;
  cohort_retained: string | null;
  churned: string | null;
  at_risk: string | null;
}

const big = (v: string | null | undefined): bigint => (v === null || v === undefined ? 0n : BigInt(v));
const int = (v: string | number | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));

/** Reads the rollups for dashboards and reports; every figure is defined in docs/metrics.md. */
@Injectable()
export class RevenueReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly organisations: OrganisationsService,
    private readonly programs: ProgramsService,
  ) {}

  get currency(): string {
    return this.config.REVENUE_BASE_CURRENCY;
  }

  /**
   * A partner's recognised recurring revenue over a date range, in the base currency: the sum of its
   * monthly closing MRR (revenue_partner_months) over the months the range touches. A system read for
   * other contexts (MDF accruals); callers check access.
   */
  async recognisedRevenueMinor(organisationId: string, from: string, to: string): Promise<{ amountMinor: bigint; currency: string }> {
    const [row]: { total: string }[] = await this.dataSource.query(
      `SELECT COALESCE(sum(closing_minor), 0)::text AS total FROM revenue_partner_months WHERE organisation_id = $1 AND month BETWEEN $2 AND $3`,
      [organisationId, monthOf(from), monthOf(to)],
    );
    return { amountMinor: BigInt(row?.total ?? '0'), currency: this.currency };
  }

  /** The month asked for (first day), or the current one; a future month is refused. */
  resolveMonth(month?: string | null): string {
    const current = monthOf(this.clock.now().toISOString().slice(0, 10));
    if (!month) return current;
    if (!isIsoDate(month)) throw new DomainError('BAD_USER_INPUT', 'The month is not valid.', { month: ['Enter a date as YYYY-MM-DD.'] });
    const first = monthOf(month);
    if (first > current) throw new DomainError('BAD_USER_INPUT', 'The month is not valid.', { month: ['Reports cover months up to the current one.'] });
    return first;
  }

  /** One partner (partners always get their own), or the whole vendor when organisationId is null for vendor staff. */
  async summary(ctx: RequestContext, organisationId: string | null | undefined, monthText?: string | null): Promise<RevenueSummary> {
    if (organisationId) ctx.assertCanSeeOrganisation(organisationId, 'Partner');
    const org = ctx.partnerScope ?? organisationId ?? null;
    const month = this.resolveMonth(monthText);
    const first = addMonths(month, -11);
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT month::text AS month, sum(opening_minor)::text AS opening, ${MOVEMENTS.map((m) => `sum(${m}_minor)::text AS ${m}`).join(', ')},
              sum(closing_minor)::text AS closing, sum(customers_start)::text AS customers_start, sum(customers_end)::text AS customers_end,
              sum(churned_customers)::text AS churned, sum(cohort_start_minor)::text AS cohort_start, sum(cohort_current_minor)::text AS cohort_current,
              sum(cohort_retained_minor)::text AS cohort_retained
         FROM revenue_partner_months WHERE ($1::uuid IS NULL OR organisation_id = $1) AND month BETWEEN $2 AND $3
        GROUP BY month ORDER BY month`,
      [org, first, month],
    );
    const byMonth = new Map(rows.map((r) => [r['month']!, r]));
    const trend: PartnerMonthFigures[] = [];
    for (let m = first; m <= month; m = addMonths(m, 1)) {
      const r = byMonth.get(m);
      trend.push({ month: m, mrrMinor: big(r?.['closing']), customers: int(r?.['customers_end']) });
    }
    const now = byMonth.get(month);
    const movements = Object.fromEntries(MOVEMENTS.map((m) => [m, big(now?.[m])])) as Record<MovementColumn, bigint>;
    const waterfall: Waterfall = { openingMinor: big(now?.['opening']), movements, closingMinor: big(now?.['closing']) };
    const retention = org ? retentionFromSums(big(now?.['cohort_start']), big(now?.['cohort_current']), big(now?.['cohort_retained'])) : await this.vendorRetention(month);
    const churned = rows.reduce((sum, r) => sum + int(r['churned']), 0);
    const atRisk = rows.reduce((sum, r) => sum + int(r['customers_start']), 0);
    const customers = int(now?.['customers_end']);
    const arpa = arpaMinor(waterfall.closingMinor, customers);
    const ltv = lifetimeValue(arpa, churned, atRisk);
    const totals = { CHURN: movements.churn, CONTRACTION: movements.contraction, EXPANSION: movements.expansion, REACTIVATION: movements.reactivation };
    return {
      organisationId: org,
      month,
      currency: this.currency,
      mrrMinor: waterfall.closingMinor,
      customers,
      nrr: retention.nrr,
      grr: retention.grr,
      cohortStartMinor: retention.startMinor,
      logoChurnRate: logoChurnRate(churned, atRisk),
      grossMrrChurn: grossMrrChurn(totals, waterfall.openingMinor),
      netMrrChurn: netMrrChurn(totals, waterfall.openingMinor),
      arpaMinor: arpa,
      ltvMinor: ltv.defined ? ltv.ltvMinor : null,
      ltvNote: ltv.defined ? null : ltv.reason,
      trend,
      waterfall,
    };
  }

  /**
   * Vendor-wide NRR/GRR follow each customer whichever partner it is with (a transfer is neither a
   * loss nor a gain at vendor level), so it is computed from customer months, not summed over partners.
   */
  private async vendorRetention(month: string) {
    const [row]: { start: string | null; now: string | null; kept: string | null }[] = await this.dataSource.query(
      `WITH rates AS (
         SELECT c.currency, CASE WHEN c.currency = $2 THEN 1::numeric ELSE (
                  SELECT r.rate * power(10::numeric, $3::int - r.minor_digits) FROM revenue_exchange_rates r
                   WHERE r.currency = c.currency AND r.valid_from <= $1::date ORDER BY r.valid_from DESC LIMIT 1) END AS factor
           FROM (SELECT DISTINCT currency FROM revenue_customer_months WHERE month IN ($1::date, ($1::date - interval '12 months')::date)) c
       ),
       per_customer AS (
         SELECT cm.customer_id,
                sum(round(cm.closing_minor * x.factor)) FILTER (WHERE cm.month = ($1::date - interval '12 months')::date) AS start_b,
                COALESCE(sum(round(cm.closing_minor * x.factor)) FILTER (WHERE cm.month = $1::date), 0) AS now_b
           FROM revenue_customer_months cm JOIN rates x ON x.currency = cm.currency
          WHERE cm.month IN ($1::date, ($1::date - interval '12 months')::date)
          GROUP BY cm.customer_id
       )
       SELECT sum(start_b)::text AS start, sum(now_b)::text AS now, sum(LEAST(now_b, start_b))::text AS kept FROM per_customer WHERE start_b > 0`,
      [month, this.currency, this.baseDigits],
    );
    return retentionFromSums(big(row?.start), big(row?.now), big(row?.kept));
  }

  private get baseDigits(): number {
    return minorUnitDigits(this.currency);
  }

  /** Every partner with revenue in the 12 months to `month`, with its figures; filtered and sorted in memory (≤ a few thousand rows). */
  async leaderboard(ctx: RequestContext, filter: LeaderboardFilter, sort: LeaderboardSort, descending: boolean, monthText?: string | null): Promise<LeaderboardRow[]> {
    const month = this.resolveMonth(monthText);
    const rows: WindowRow[] = await this.dataSource.query(
      `SELECT organisation_id,
              sum(closing_minor) FILTER (WHERE month = $1::date)::text AS mrr,
              sum(closing_minor) FILTER (WHERE month = ($1::date - interval '12 months')::date)::text AS year_ago,
              sum(customers_end) FILTER (WHERE month = $1::date)::text AS customers,
              sum(cohort_start_minor) FILTER (WHERE month = $1::date)::text AS cohort_start,
              sum(cohort_current_minor) FILTER (WHERE month = $1::date)::text AS cohort_current,
              sum(cohort_retained_minor) FILTER (WHERE month = $1::date)::text AS cohort_retained,
              sum(churned_customers) FILTER (WHERE month > ($1::date - interval '12 months')::date)::text AS churned,
              sum(customers_start) FILTER (WHERE month > ($1::date - interval '12 months')::date)::text AS at_risk
         FROM revenue_partner_months
        WHERE month BETWEEN ($1::date - interval '12 months')::date AND $1::date AND ($2::uuid IS NULL OR organisation_id = $2)
        GROUP BY organisation_id`,
      [month, ctx.partnerScope],
    );
    const ids = rows.map((r) => r.organisation_id);
    const [orgs, enrolments] = await Promise.all([this.organisations.byIds(ctx, ids), this.programs.enrolmentsOf(ctx, ids)]);
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const enrolmentsOf = new Map<string, { programId: string; tierId: string | null }[]>();
    for (const e of enrolments) enrolmentsOf.set(e.organisationId, [...(enrolmentsOf.get(e.organisationId) ?? []), { programId: e.programId, tierId: e.tierId }]);
    const board: LeaderboardRow[] = [];
    for (const r of rows) {
      const org = orgById.get(r.organisation_id);
      if (!org) continue;
      const enrolled = enrolmentsOf.get(r.organisation_id) ?? [];
      if (filter.programId && !enrolled.some((e) => e.programId === filter.programId)) continue;
      if (filter.tierId && !enrolled.some((e) => e.tierId === filter.tierId)) continue;
      if (filter.country && org.country !== filter.country) continue;
      if (filter.channelManagerId && org.channelManagerId !== filter.channelManagerId) continue;
      const mrr = big(r.mrr);
      const yearAgo = big(r.year_ago);
      const retention = retentionFromSums(big(r.cohort_start), big(r.cohort_current), big(r.cohort_retained));
      board.push({
        organisationId: r.organisation_id,
        name: org.name,
        country: org.country,
        channelManagerId: org.channelManagerId,
        programIds: enrolled.map((e) => e.programId),
        tierIds: enrolled.flatMap((e) => (e.tierId ? [e.tierId] : [])),
        mrrMinor: mrr,
        yearAgoMinor: yearAgo,
        mrrGrowth: yearAgo > 0n ? ratioPercent(mrr - yearAgo, yearAgo) : null,
        nrr: retention.nrr,
        grr: retention.grr,
        logoChurnRate: logoChurnRate(int(r.churned), int(r.at_risk)),
        customers: int(r.customers),
      });
    }
    return board.sort(compareBy(sort, descending));
  }

  /** Per tier or per program: the sums of their partners' figures this month (a partner in two programs counts in both). */
  async groupRollup(ctx: RequestContext, groupBy: 'TIER' | 'PROGRAM', monthText?: string | null): Promise<GroupRollupRow[]> {
    const board = await this.leaderboardSums(ctx, monthText);
    const groups = new Map<string, { partners: number; mrr: bigint; customers: number; start: bigint; current: bigint; retained: bigint; churned: number; atRisk: number }>();
    for (const row of board) {
      const keys = groupBy === 'TIER' ? row.tierIds : row.programIds;
      for (const key of keys.length > 0 ? keys : ['']) {
        const g = groups.get(key) ?? { partners: 0, mrr: 0n, customers: 0, start: 0n, current: 0n, retained: 0n, churned: 0, atRisk: 0 };
        g.partners += 1;
        g.mrr += row.mrr;
        g.customers += row.customers;
        g.start += row.start;
        g.current += row.current;
        g.retained += row.retained;
        g.churned += row.churned;
        g.atRisk += row.atRisk;
        groups.set(key, g);
      }
    }
    const ids = [...groups.keys()].filter((k) => k !== '');
    const names = new Map<string, string>(
      groupBy === 'TIER'
        ? (await this.programs.tiersByIds(ids)).map((t) => [t.id, t.name])
        : (await this.programs.programsByIds(ids)).map((p) => [p.id, p.name]),
    );
    return [...groups.entries()]
      .map(([key, g]) => {
        const retention = retentionFromSums(g.start, g.current, g.retained);
        return {
          key,
          label: key === '' ? (groupBy === 'TIER' ? 'No tier' : 'No program') : (names.get(key) ?? key),
          partners: g.partners,
          mrrMinor: g.mrr,
          customers: g.customers,
          nrr: retention.nrr,
          grr: retention.grr,
          logoChurnRate: logoChurnRate(g.churned, g.atRisk),
        };
      })
      .sort((a, b) => (b.mrrMinor > a.mrrMinor ? 1 : b.mrrMinor < a.mrrMinor ? -1 : a.label.localeCompare(b.label)));
  }

  private async leaderboardSums(ctx: RequestContext, monthText?: string | null) {
    const month = this.resolveMonth(monthText);
    const rows: WindowRow[] = await this.dataSource.query(
      `SELECT organisation_id,
              sum(closing_minor) FILTER (WHERE month = $1::date)::text AS mrr,
              sum(customers_end) FILTER (WHERE month = $1::date)::text AS customers,
              sum(cohort_start_minor) FILTER (WHERE month = $1::date)::text AS cohort_start,
              sum(cohort_current_minor) FILTER (WHERE month = $1::date)::text AS cohort_current,
              sum(cohort_retained_minor) FILTER (WHERE month = $1::date)::text AS cohort_retained,
              sum(churned_customers)::text AS churned, sum(customers_start)::text AS at_risk
         FROM revenue_partner_months WHERE month > ($1::date - interval '12 months')::date AND month <= $1::date
          AND ($2::uuid IS NULL OR organisation_id = $2)
        GROUP BY organisation_id`,
      [month, ctx.partnerScope],
    );
    const enrolments = await this.programs.enrolmentsOf(ctx, rows.map((r) => r.organisation_id));
    return rows.map((r) => ({
      mrr: big(r.mrr),
      customers: int(r.customers),
      start: big(r.cohort_start),
      current: big(r.cohort_current),
      retained: big(r.cohort_retained),
      churned: int(r.churned),
      atRisk: int(r.at_risk),
      tierIds: enrolments.filter((e) => e.organisationId === r.organisation_id && e.tierId).map((e) => e.tierId!),
      programIds: enrolments.filter((e) => e.organisationId === r.organisation_id).map((e) => e.programId),
    }));
  }

  /**
   * Partners grouped by the quarter of their first month with recurring revenue; for each later
   * quarter, the group's MRR at the quarter's last month (or the current month) as a share of its MRR
   * at the end of the starting quarter.
   */
  async cohorts(ctx: RequestContext): Promise<CohortRow[]> {
    const current = this.resolveMonth(null);
    const rows: { quarter: string; offset: number; partners: string; mrr: string }[] = await this.dataSource.query(
      `WITH firsts AS (
         SELECT organisation_id, date_trunc('quarter', min(month))::date AS quarter FROM revenue_partner_months
          WHERE closing_minor > 0 AND ($2::uuid IS NULL OR organisation_id = $2) GROUP BY organisation_id
       ),
       quarter_ends AS (
         SELECT q::date AS quarter, LEAST((q + interval '2 months')::date, $1::date) AS last_month
           FROM generate_series((SELECT min(quarter) FROM firsts), $1::date, interval '3 months') AS q
       )
       SELECT to_char(f.quarter, 'YYYY-"Q"Q') AS quarter,
              ((extract(year FROM e.quarter) - extract(year FROM f.quarter)) * 4 + (extract(quarter FROM e.quarter) - extract(quarter FROM f.quarter)))::int AS "offset",
              count(DISTINCT f.organisation_id)::text AS partners, COALESCE(sum(p.closing_minor), 0)::text AS mrr
         FROM firsts f JOIN quarter_ends e ON e.quarter >= f.quarter
         LEFT JOIN revenue_partner_months p ON p.organisation_id = f.organisation_id AND p.month = e.last_month
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [current, ctx.partnerScope],
    );
    const cohorts = new Map<string, CohortRow>();
    for (const r of rows) {
      const cohort = cohorts.get(r.quarter) ?? { quarter: r.quarter, partners: int(r.partners), startMrrMinor: 0n, quarters: [] };
      if (r.offset === 0) cohort.startMrrMinor = big(r.mrr);
      cohort.quarters.push({ offset: r.offset, mrrMinor: big(r.mrr), retention: null });
      cohorts.set(r.quarter, cohort);
    }
    for (const cohort of cohorts.values()) {
      for (const q of cohort.quarters) q.retention = cohort.startMrrMinor > 0n ? ratioPercent(q.mrrMinor, cohort.startMrrMinor) : null;
    }
    return [...cohorts.values()];
  }

  async movements(
    ctx: RequestContext,
    filter: { organisationId?: string; month?: string; kind?: string; customerId?: string },
    first: number,
    after?: string,
  ): Promise<Connection<MovementRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Partner');
    const org = ctx.partnerScope ?? filter.organisationId ?? null;
    const month = filter.month ? this.resolveMonth(filter.month) : null;
    const afterId = parseCursor(after, ['bigint'])?.[0] ?? null;
    const rows: MovementRow[] = await this.dataSource.query(
      `SELECT m.id::text AS id, m.customer_id AS "customerId", c.name AS "customerName", m.subscription_id AS "subscriptionId",
              m.organisation_id AS "organisationId", m.date::text AS date, m.kind, m.currency, m.amount_minor::text AS "amountMinor", m.cause, m.source_id AS "sourceId"
         FROM revenue_movements m JOIN revenue_customers c ON c.id = m.customer_id
        WHERE ($1::uuid IS NULL OR m.organisation_id = $1) AND ($2::date IS NULL OR m.month = $2) AND ($3::text IS NULL OR m.kind = $3)
          AND ($4::uuid IS NULL OR m.customer_id = $4) AND ($5::bigint IS NULL OR m.id < $5) AND m.date <= $7::date
        ORDER BY m.id DESC LIMIT $6`,
      [org, month, filter.kind ?? null, filter.customerId ?? null, afterId, first + 1, this.today()],
    );
    return toConnection(
      rows.map((r) => ({ ...r, amountMinor: BigInt(r.amountMinor as unknown as string) })),
      first,
      (r) => [r.id],
    );
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  /** Active subscriptions whose term ends within 90 days (at risk until renewed), soonest first. */
  async renewals(ctx: RequestContext, organisationId?: string | null): Promise<RenewalRow[]> {
    if (organisationId) ctx.assertCanSeeOrganisation(organisationId, 'Partner');
    const org = ctx.partnerScope ?? organisationId ?? null;
    const today = this.today();
    const rows = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS}, c.name AS customer_name, c.organisation_id, s.product_id
         FROM (SELECT DISTINCT ON (e.subscription_id) e.* FROM revenue_subscription_events e
                WHERE e.effective_date <= $2 ORDER BY e.subscription_id, e.effective_date DESC, e.sequence DESC) e
         JOIN revenue_subscriptions s ON s.id = e.subscription_id
         JOIN revenue_customers c ON c.id = s.customer_id
        WHERE ($1::uuid IS NULL OR c.organisation_id = $1) AND e.status = 'ACTIVE' AND e.term_ends_on BETWEEN $2::date AND $3::date
        ORDER BY e.term_ends_on, c.name LIMIT 500`,
      [org, today, addDays(today, RENEWAL_WINDOW_DAYS)],
    );
    return rows.map((raw: Record<string, unknown>) => {
      const e = toEventRow(raw as unknown as Parameters<typeof toEventRow>[0]);
      return {
        subscriptionId: e.subscriptionId,
        customerId: e.customerId,
        customerName: raw['customer_name'] as string,
        organisationId: raw['organisation_id'] as string,
        productId: raw['product_id'] as string,
        termEndsOn: e.termEndsOn!,
        daysLeft: Math.round((Date.parse(e.termEndsOn!) - Date.parse(today)) / 86_400_000),
        mrrMinor: monthlyRecurringMinor(termsOf(e), today),
        currency: e.currency,
      };
    });
  }
}

function compareBy(sort: LeaderboardSort, descending: boolean): (a: LeaderboardRow, b: LeaderboardRow) => number {
  // Percentages are compared as exact decimals and amounts as bigints; undefined figures sort last either way.
  const percent = (row: LeaderboardRow): string | null =>
    sort === 'MRR_GROWTH' ? row.mrrGrowth : sort === 'NRR' ? row.nrr : sort === 'GRR' ? row.grr : sort === 'LOGO_CHURN' ? row.logoChurnRate : null;
  const compare = (a: LeaderboardRow, b: LeaderboardRow): number | null => {
    switch (sort) {
      case 'ARR':
        return a.mrrMinor < b.mrrMinor ? -1 : a.mrrMinor > b.mrrMinor ? 1 : 0;
      case 'CUSTOMERS':
        return a.customers - b.customers;
      case 'NAME':
        return a.name.toLowerCase().localeCompare(b.name.toLowerCase());
      default: {
        const [pa, pb] = [percent(a), percent(b)];
        if (pa === null || pb === null) return pa === pb ? 0 : null;
        return compareDecimal(pa, pb);
      }
    }
  };
  return (a, b) => {
    const order = compare(a, b);
    if (order === null) return percent(a) === null ? 1 : -1;
    return (descending ? -order : order) || a.name.localeCompare(b.name) || a.organisationId.localeCompare(b.organisationId);
  };
}
