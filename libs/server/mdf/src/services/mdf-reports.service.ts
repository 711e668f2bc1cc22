import { Injectable } from '@nestjs/common';
import { type FundPeriodKind, fundPeriodLabel, medianSeconds, perThousand, pipelinePerUnit, roiPercent, spentMinor, utilisationPercent } from '@prm/domain/mdf';
import { addDays } from '@prm/domain/revenue';
import { RequestContext } from '@prm/server/core';
import { OrganisationsService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import { MdfStore } from './mdf-store.service';

export const REPORT_GROUPS = ['PARTNER', 'PROGRAM', 'TIER', 'PERIOD'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface ReportFilter {
  organisationId?: string;
  programId?: string;
  /** Funds whose period starts on or after this day. */
  periodFrom?: string;
  /** Funds whose period starts on or before this day. */
  periodTo?: string;
}

/** One group in one currency (funds in different currencies are never added up). */
export interface ReportRow {
  key: string;
  label: string;
  currency: string;
  funds: number;
  budgetMinor: bigint;
  reservedMinor: bigint;
  claimedMinor: bigint;
  approvedMinor: bigint;
  paidMinor: bigint;
  spentMinor: bigint;
  availableMinor: bigint;
  /** Lost when funds expired with money left. */
  lapsedMinor: bigint;
  /** Still available on open funds that expire within EXPIRING_DAYS. */
  expiringMinor: bigint;
  utilisation: string | null;
  leads: bigint;
  opportunities: bigint;
  pipelineMinor: bigint;
  leadsPerThousand: string | null;
  pipelinePerUnit: string | null;
  influencedRevenueMinor: bigint;
  influencedDeals: number;
  roi: string | null;
  medianSecondsToPayment: bigint | null;
  paidClaims: number;
}

export const EXPIRING_DAYS = 30;

interface FundFigures {
  id: string;
  organisation_id: string;
  program_id: string;
  period_kind: FundPeriodKind;
  period_start: string;
  currency: string;
  budget_minor: string;
  reserved_minor: string;
  claimed_minor: string;
  approved_minor: string;
  paid_minor: string;
  lapsed_minor: string | null;
  expiring: boolean;
  leads: string;
  opportunities: string;
  pipeline_minor: string;
}

/** MDF reports: utilisation, unused and expiring money, results per € spent, ROI, time to payment. Definitions in docs/mdf.md. */
@Injectable()
export class MdfReportsService {
  constructor(
    private readonly store: MdfStore,
    private readonly organisations: OrganisationsService,
    private readonly programs: ProgramsService,
  ) {}

  async report(ctx: RequestContext, groupBy: ReportGroup, filter: ReportFilter): Promise<ReportRow[]> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Partner');
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = this.store.fundScope(ctx, 'f', 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.organisationId) where.push(`f.organisation_id = ${p(filter.organisationId)}`);
    if (filter.programId) where.push(`f.program_id = ${p(filter.programId)}`);
    if (filter.periodFrom) where.push(`f.period_start >= ${p(filter.periodFrom)}::date`);
    if (filter.periodTo) where.push(`f.period_start <= ${p(filter.periodTo)}::date`);
    const today = this.store.today();
    const expiringBy = p(addDays(today, EXPIRING_DAYS));
    const funds: FundFigures[] = await this.store.dataSource.query(
      `SELECT f.id, f.organisation_id, f.program_id, f.period_kind, f.period_start::text AS period_start, f.currency,
              f.budget_minor::text AS budget_minor, f.reserved_minor::text AS reserved_minor, f.claimed_minor::text AS claimed_minor,
              f.approved_minor::text AS approved_minor, f.paid_minor::text AS paid_minor, f.lapsed_minor::text AS lapsed_minor,
              (f.status = 'OPEN' AND f.expires_on <= ${expiringBy}::date) AS expiring,
              COALESCE(a.leads, 0)::text AS leads, COALESCE(a.opportunities, 0)::text AS opportunities, COALESCE(a.pipeline, 0)::text AS pipeline_minor
         FROM mdf_funds f
         LEFT JOIN (SELECT fund_id, sum(leads) AS leads, sum(opportunities) AS opportunities, sum(pipeline_minor) AS pipeline
                      FROM mdf_claims WHERE status IN ('APPROVED', 'PAID') GROUP BY fund_id) a ON a.fund_id = f.id
        WHERE ${where.join(' AND ')}`,
      params,
    );
    if (funds.length === 0) return [];
    const ids = funds.map((f) => f.id);
    const deals: { fund_id: string; registration_id: string; won_value_minor: string; currency: string }[] = await this.store.dataSource.query(
      `SELECT DISTINCT c.fund_id, d.registration_id, d.won_value_minor::text AS won_value_minor, d.currency
         FROM mdf_claim_deals d JOIN mdf_claims c ON c.id = d.claim_id WHERE c.fund_id = ANY($1::uuid[]) AND c.status IN ('APPROVED', 'PAID')`,
      [ids],
    );
    const payments: { fund_id: string; seconds: string }[] = await this.store.dataSource.query(
      `SELECT c.fund_id, floor(extract(epoch FROM c.paid_at - c.submitted_at))::bigint::text AS seconds FROM mdf_claims c WHERE c.fund_id = ANY($1::uuid[]) AND c.status = 'PAID'`,
      [ids],
    );
    const keyOf = await this.keyer(groupBy, funds);
    const groups = new Map<string, { row: ReportRow; deals: Map<string, bigint>; seconds: bigint[] }>();
    const fundGroup = new Map<string, string>();
    for (const f of funds) {
      const { key, label } = keyOf(f);
      const id = `${key}\u0000${f.currency}`;
      fundGroup.set(f.id, id);
      let group = groups.get(id);
      if (!group) {
        group = { row: emptyRow(key, label, f.currency), deals: new Map(), seconds: [] };
        groups.set(id, group);
      }
      const r = group.row;
      const [budget, reserved, claimed, approved, paid] = [f.budget_minor, f.reserved_minor, f.claimed_minor, f.approved_minor, f.paid_minor].map(BigInt) as [bigint, bigint, bigint, bigint, bigint];
      r.funds += 1;
      r.budgetMinor += budget;
      r.reservedMinor += reserved;
      r.claimedMinor += claimed;
      r.approvedMinor += approved;
      r.paidMinor += paid;
      r.availableMinor += budget - reserved - approved - paid;
      r.lapsedMinor += BigInt(f.lapsed_minor ?? '0');
      if (f.expiring) r.expiringMinor += budget - reserved - approved - paid;
      r.leads += BigInt(f.leads);
      r.opportunities += BigInt(f.opportunities);
      r.pipelineMinor += BigInt(f.pipeline_minor);
    }
    // Influenced revenue counts each won deal once per group, and only deals in the group's currency.
    for (const d of deals) {
      const group = groups.get(fundGroup.get(d.fund_id)!)!;
      if (d.currency === group.row.currency) group.deals.set(d.registration_id, BigInt(d.won_value_minor));
    }
    for (const pay of payments) groups.get(fundGroup.get(pay.fund_id)!)!.seconds.push(BigInt(pay.seconds));
    const rows = [...groups.values()].map(({ row, deals: linked, seconds }) => {
      row.spentMinor = spentMinor(row.approvedMinor, row.paidMinor);
      row.utilisation = utilisationPercent(row.spentMinor, row.budgetMinor);
      row.leadsPerThousand = perThousand(row.leads, row.spentMinor, row.currency);
      row.pipelinePerUnit = pipelinePerUnit(row.pipelineMinor, row.spentMinor);
      row.influencedDeals = linked.size;
      row.influencedRevenueMinor = [...linked.values()].reduce((a, b) => a + b, 0n);
      row.roi = roiPercent(row.influencedRevenueMinor, row.spentMinor);
      row.medianSecondsToPayment = medianSeconds(seconds);
      row.paidClaims = seconds.length;
      return row;
    });
    return rows.sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency));
  }

  private async keyer(groupBy: ReportGroup, funds: FundFigures[]): Promise<(f: FundFigures) => { key: string; label: string }> {
    switch (groupBy) {
      case 'PARTNER': {
        const orgs = new Map((await this.organisations.byIds(RequestContext.system(), [...new Set(funds.map((f) => f.organisation_id))])).map((o) => [o.id, o.name]));
        return (f) => ({ key: f.organisation_id, label: orgs.get(f.organisation_id) ?? f.organisation_id });
      }
      case 'PROGRAM': {
        const programs = new Map((await this.programs.programsByIds([...new Set(funds.map((f) => f.program_id))])).map((p) => [p.id, p.name]));
        return (f) => ({ key: f.program_id, label: programs.get(f.program_id) ?? f.program_id });
      }
      case 'TIER': {
        // The partner's current tier in the fund's program.
        const enrolments = await this.programs.enrolmentsOf(RequestContext.system(), [...new Set(funds.map((f) => f.organisation_id))]);
        const tierOf = new Map(enrolments.map((e) => [`${e.organisationId}:${e.programId}`, e.tierId]));
        const tiers = new Map((await this.programs.tiersByIds([...new Set(enrolments.map((e) => e.tierId))])).map((t) => [t.id, t]));
        const programs = new Map((await this.programs.programsByIds([...new Set(funds.map((f) => f.program_id))])).map((p) => [p.id, p.name]));
        return (f) => {
          const tier = tiers.get(tierOf.get(`${f.organisation_id}:${f.program_id}`) ?? '');
          return tier ? { key: tier.id, label: `${programs.get(f.program_id) ?? ''} · ${tier.name}` } : { key: 'none', label: 'Not enrolled' };
        };
      }
      case 'PERIOD':
        return (f) => ({ key: `${f.period_kind}:${f.period_start}`, label: fundPeriodLabel(f.period_kind, f.period_start) });
    }
  }
}

function emptyRow(key: string, label: string, currency: string): ReportRow {
  return {
    key,
    label,
    currency,
    funds: 0,
    budgetMinor: 0n,
    reservedMinor: 0n,
    claimedMinor: 0n,
    approvedMinor: 0n,
    paidMinor: 0n,
    spentMinor: 0n,
    availableMinor: 0n,
    lapsedMinor: 0n,
    expiringMinor: 0n,
    utilisation: null,
    leads: 0n,
    opportunities: 0n,
    pipelineMinor: 0n,
    leadsPerThousand: null,
    pipelinePerUnit: null,
    influencedRevenueMinor: 0n,
    influencedDeals: 0,
    roi: null,
    medianSecondsToPayment: null,
    paidClaims: 0,
  };
}
