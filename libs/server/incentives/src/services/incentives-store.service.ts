import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { type Period, type PeriodKind, periodOf } from '@prm/domain/incentives';
import { Clock, pgCode, RequestContext, Role } from '@prm/server/core';
import { ProgramsService } from '@prm/server/programs';
import { DataSource, type EntityManager } from 'typeorm';
import { PLAN_COLUMNS, type PlanRow, toPlan, toVersion, VERSION_COLUMNS, type VersionRow } from './incentives.types';

/** A SQL condition and its parameters, numbered from `offset + 1`. */
export interface Scope {
  sql: string;
  params: unknown[];
}

const PERIOD_KEY: Record<PeriodKind, RegExp> = { MONTH: /^\d{4}-(0[1-9]|1[0-2])$/, QUARTER: /^\d{4}-Q[1-4]$/, YEAR: /^\d{4}$/ };

/** The period a key names ('2026-03', '2026-Q1', '2026'), or a field error on `field`. */
export function periodFromKey(key: string, kind: PeriodKind, field = 'period'): Period {
  if (!PERIOD_KEY[kind].test(key)) {
    const example = kind === 'MONTH' ? '2026-03' : kind === 'QUARTER' ? '2026-Q1' : '2026';
    throw new DomainError('BAD_USER_INPUT', 'The period is not valid.', { [field]: [`This plan has ${kind.toLowerCase()} periods: give one like ${example}.`] });
  }
  const start = kind === 'MONTH' ? `${key}-01` : kind === 'QUARTER' ? `${key.slice(0, 4)}-${String((Number(key.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01` : `${key}-01-01`;
  return periodOf(start, kind);
}

/**
 * What the incentive services share: the clock, scoped reads of plans (partners see published plans
 * of programs they are enrolled in), the beneficiary scope of lines and statements (a partner admin
 * sees the organisation's, a rep their own and the organisation's), the per-plan lock and transactions.
 */
@Injectable()
export class IncentivesStore {
  constructor(
    readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly programs: ProgramsService,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  q(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /** Lines and statements of a beneficiary: partner admins their organisation's, reps their own plus the organisation's (rebates). */
  beneficiaryScope(ctx: RequestContext, alias: string, offset: number): Scope {
    const org = ctx.partnerScope;
    if (!org) return { sql: 'true', params: [] };
    if (ctx.hasRole(Role.PARTNER_REP)) {
      return { sql: `${alias}.organisation_id = $${offset + 1} AND (${alias}.user_id IS NULL OR ${alias}.user_id = $${offset + 2})`, params: [org, ctx.actor?.userId ?? null] };
    }
    return { sql: `${alias}.organisation_id = $${offset + 1}`, params: [org] };
  }

  /** Plans: vendor staff all; partners published (or retired) plans for every partner or for a program they are enrolled in. */
  async planScope(ctx: RequestContext, alias: string, offset: number): Promise<Scope> {
    const org = ctx.partnerScope;
    if (!org) return { sql: 'true', params: [] };
    const programIds = (await this.programs.enrolmentsOf(RequestContext.system(), [org])).map((e) => e.programId);
    return { sql: `${alias}.status <> 'DRAFT' AND (${alias}.program_id IS NULL OR ${alias}.program_id = ANY($${offset + 1}::uuid[]))`, params: [programIds] };
  }

  async plan(ctx: RequestContext, id: string, em?: EntityManager): Promise<PlanRow> {
    const scope = await this.planScope(ctx, 'p', 1);
    const [row] = await this.q(em).query(`SELECT ${PLAN_COLUMNS} FROM incentive_plans p WHERE p.id = $1 AND ${scope.sql}`, [id, ...scope.params]);
    if (!row) throw new DomainError('NOT_FOUND', 'Incentive plan not found.');
    return toPlan(row);
  }

  async plansByIds(ctx: RequestContext, ids: readonly string[]): Promise<PlanRow[]> {
    if (ids.length === 0) return [];
    const scope = await this.planScope(ctx, 'p', 1);
    const rows = await this.dataSource.query(`SELECT ${PLAN_COLUMNS} FROM incentive_plans p WHERE p.id = ANY($1::uuid[]) AND ${scope.sql}`, [ids, ...scope.params]);
    return rows.map(toPlan);
  }

  async versions(planIds: readonly string[], em?: EntityManager): Promise<VersionRow[]> {
    if (planIds.length === 0) return [];
    const rows = await this.q(em).query(`SELECT ${VERSION_COLUMNS} FROM incentive_plan_versions v WHERE v.plan_id = ANY($1::uuid[]) ORDER BY v.plan_id, v.version`, [planIds]);
    return rows.map(toVersion);
  }

  async closedKeys(planId: string, em?: EntityManager): Promise<string[]> {
    const rows: { period_key: string }[] = await this.q(em).query(`SELECT period_key FROM incentive_period_closes WHERE plan_id = $1 ORDER BY period_key`, [planId]);
    return rows.map((r) => r.period_key);
  }

  /** Serialises accrual runs and closes of one plan for the rest of the transaction (any number of api and worker processes). */
  async lockPlan(em: EntityManager, planId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('incentive-plan'), hashtext($1))`, [planId]);
  }

  /** Runs a transaction; a foreign key pointing nowhere answers NOT_FOUND rather than a 500. */
  async write<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(fn);
    } catch (err) {
      if (pgCode(err) === '23503') throw new DomainError('NOT_FOUND', 'A referenced record does not exist.');
      throw err;
    }
  }
}
