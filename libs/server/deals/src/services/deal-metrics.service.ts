import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { averageMinor, ratePercent } from '@prm/domain/deals';
import { divRound, formatMoneyPlain, money } from '@prm/domain/money';
import { RequestContext } from '@prm/server/core';
import { OrganisationsService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import { DataSource } from 'typeorm';

export type DealMetricsGrouping = 'NONE' | 'PARTNER' | 'PROGRAM' | 'TIER' | 'MONTH';

export interface DealMetricsQuery {
  from: string;
  to: string;
  currency: string;
  groupBy: DealMetricsGrouping;
  organisationId?: string;
  programId?: string;
  tierId?: string;
}

export interface DealMetricsRow {
  key: string | null;
  label: string;
  registrations: number;
  pending: number;
  approved: number;
  rejected: number;
  won: number;
  lost: number;
  expired: number;
  approvalRate: string | null;
  medianHoursToDecision: string | null;
  winRate: string | null;
  averageWonValue: string | null;
  pipelineValue: string;
  leadsAssigned: number;
  leadsAccepted: number;
  leadAcceptanceRate: string | null;
  medianLeadResponseHours: string | null;
}

const MAX_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

/**
 * Deal-registration metrics per partner, program, tier or month, over registrations submitted in a
 * period (definitions in docs/deals.md). Counts and money are exact; medians are the lower middle
 * value (percentile_disc), in whole seconds, shown as hours with one decimal.
 */
@Injectable()
export class DealMetricsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly programs: ProgramsService,
  ) {}

  async metrics(ctx: RequestContext, q: DealMetricsQuery): Promise<DealMetricsRow[]> {
    const from = new Date(`${q.from}T00:00:00Z`);
    const to = new Date(`${q.to}T00:00:00Z`);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) {
      throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { to: ['Choose an end date after the start date.'] });
    }
    if ((to.getTime() - from.getTime()) / DAY_MS > MAX_DAYS) {
      throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { to: ['Choose a period of at most 3 years.'] });
    }
    const organisationId = ctx.partnerScope ?? q.organisationId ?? null;
    // Tiers belong to programs: its enrolments (organisation, program → current tier) are passed in.
    const enrolments = organisationId ? await this.programs.enrolmentsOf(RequestContext.system(), [organisationId]) : await this.programs.allEnrolments();
    const map = [enrolments.map((e) => e.organisationId), enrolments.map((e) => e.programId), enrolments.map((e) => e.tierId)];
    const key = {
      NONE: `NULL::text`,
      PARTNER: `x.organisation_id::text`,
      PROGRAM: `x.program_id::text`,
      TIER: `m.tier_id::text`,
      MONTH: `to_char(x.at, 'YYYY-MM')`,
    }[q.groupBy];
    const params: unknown[] = [...map, from, to, q.currency, organisationId, q.programId ?? null, q.tierId ?? null];
    const filters = `($7::uuid IS NULL OR x.organisation_id = $7) AND ($8::uuid IS NULL OR x.program_id = $8) AND ($9::uuid IS NULL OR m.tier_id = $9)`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH m AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t (organisation_id, program_id, tier_id)),
       regs AS (
         SELECT ${key} AS key, x.* FROM (
           SELECT r.*, r.submitted_at AS at FROM deal_registrations r
            WHERE r.submitted_at >= $4 AND r.submitted_at < $5 AND r.currency = $6) x
         LEFT JOIN m ON m.organisation_id = x.organisation_id AND m.program_id = x.program_id
         WHERE ${filters}),
       leads AS (
         SELECT ${key} AS key, x.outcome, extract(epoch FROM x.outcome_at - x.at)::bigint AS seconds FROM (
           SELECT a.organisation_id, l.program_id, a.assigned_at AS at, a.outcome, a.outcome_at FROM lead_assignments a JOIN leads l ON l.id = a.lead_id
            WHERE a.assigned_at >= $4 AND a.assigned_at < $5) x
         LEFT JOIN m ON m.organisation_id = x.organisation_id AND m.program_id = x.program_id
         WHERE ${filters}),
       r AS (
         SELECT key, count(*)::int AS registrations,
           count(*) FILTER (WHERE status IN ('SUBMITTED', 'MORE_INFO_REQUESTED'))::int AS pending,
           count(*) FILTER (WHERE approved_at IS NOT NULL)::int AS approved,
           count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected,
           count(*) FILTER (WHERE status = 'WON')::int AS won,
           count(*) FILTER (WHERE status = 'LOST')::int AS lost,
           count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM coalesce(approved_at, decided_at) - submitted_at)::bigint)
             FILTER (WHERE approved_at IS NOT NULL OR status = 'REJECTED') AS median_decision_seconds,
           coalesce(sum(actual_mrr_minor * 12 + actual_one_time_minor) FILTER (WHERE status = 'WON'), 0)::text AS won_value_minor,
           coalesce(sum(estimated_mrr_minor * 12 + estimated_one_time_minor) FILTER (WHERE status IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED')), 0)::text AS pipeline_minor
         FROM regs GROUP BY key),
       l AS (
         SELECT key, count(*)::int AS assigned,
           count(*) FILTER (WHERE outcome = 'ACCEPTED')::int AS accepted,
           count(*) FILTER (WHERE outcome IN ('ACCEPTED', 'DECLINED', 'LAPSED'))::int AS answered_or_lapsed,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE outcome IN ('ACCEPTED', 'DECLINED')) AS median_response_seconds
         FROM leads GROUP BY key)
       SELECT coalesce(r.key, l.key) AS key, r.registrations, r.pending, r.approved, r.rejected, r.won, r.lost, r.expired,
              r.median_decision_seconds, r.won_value_minor, r.pipeline_minor, l.assigned, l.accepted, l.answered_or_lapsed, l.median_response_seconds
         FROM r FULL JOIN l ON coalesce(l.key, '') = coalesce(r.key, '')
        ORDER BY 1 NULLS FIRST`,
      params,
    );
    const labels = await this.labels(q.groupBy, rows.map((r) => r.key as string | null));
    const amount = (minor: bigint | null) => (minor === null ? null : formatMoneyPlain(money(minor, q.currency)));
    // Whole seconds → hours with one decimal, rounded half up, in integers (no float arithmetic).
    const hours = (seconds: unknown) => {
      if (seconds === null || seconds === undefined) return null;
      const tenths = divRound(BigInt(seconds as string), 360n, 'HALF_UP');
      return `${tenths / 10n}.${tenths % 10n}`;
    };
    return rows.map((r) => {
      const n = (v: unknown) => Number(v ?? 0);
      const approved = n(r.approved);
      const rejected = n(r.rejected);
      const won = n(r.won);
      const closed = won + n(r.lost) + n(r.expired);
      const key = (r.key as string | null) ?? null;
      return {
        key,
        label: labels.get(key) ?? key ?? 'All',
        registrations: n(r.registrations),
        pending: n(r.pending),
        approved,
        rejected,
        won,
        lost: n(r.lost),
        expired: n(r.expired),
        approvalRate: ratePercent(approved, approved + rejected),
        medianHoursToDecision: hours(r.median_decision_seconds),
        winRate: ratePercent(won, closed),
        averageWonValue: amount(averageMinor(BigInt((r.won_value_minor as string) ?? '0'), won)),
        pipelineValue: amount(BigInt((r.pipeline_minor as string) ?? '0'))!,
        leadsAssigned: n(r.assigned),
        leadsAccepted: n(r.accepted),
        leadAcceptanceRate: ratePercent(n(r.accepted), n(r.answered_or_lapsed)),
        medianLeadResponseHours: hours(r.median_response_seconds),
      };
    });
  }

  private async labels(groupBy: DealMetricsGrouping, keys: (string | null)[]): Promise<Map<string | null, string>> {
    const ids = keys.filter((k): k is string => k !== null);
    if (groupBy === 'PARTNER') return new Map((await this.organisations.byIds(RequestContext.system(), ids)).map((o) => [o.id, o.name]));
    if (groupBy === 'PROGRAM') return new Map((await this.programs.programsByIds(ids)).map((p) => [p.id, p.name]));
    if (groupBy === 'TIER') {
      const tiers = await this.programs.tiersByIds(ids);
      const programs = new Map((await this.programs.programsByIds([...new Set(tiers.map((t) => t.programId))])).map((p) => [p.id, p.name]));
      return new Map(tiers.map((t) => [t.id, `${programs.get(t.programId) ?? ''} · ${t.name}`]));
    }
    return new Map();
  }
}
