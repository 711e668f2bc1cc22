import { Injectable } from '@nestjs/common';
import { DomainError, type FieldErrorCollector } from '@prm/domain/common';
import {
  availableMinor,
  type ClaimAction,
  type ClaimStatus,
  DEFAULT_CLAIM_DEADLINE_DAYS,
  DEFAULT_EXPIRY_GRACE_DAYS,
  insufficientFundsMessage,
  nextClaimStatus,
  nextRequestStatus,
  type RequestAction,
  type RequestStatus,
} from '@prm/domain/mdf';
import { parseMoney, parsePercent, type Percent } from '@prm/domain/money';
import { Clock, isPartnerRole, pgCode, RequestContext, Role } from '@prm/server/core';
import { ProgramsService } from '@prm/server/programs';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CLAIM_COLUMNS,
  type ClaimRow,
  FILE_COLUMNS,
  FUND_COLUMNS,
  type FundRow,
  type ProgramSettingsRow,
  type ProofFileRow,
  REQUEST_COLUMNS,
  type RequestRow,
  toClaim,
  toFund,
  toRequest,
} from './mdf.types';

/** Balance columns a state change moves (deltas in the fund's minor units). */
export interface BalanceDelta {
  reserved?: bigint;
  claimed?: bigint;
  approved?: bigint;
  paid?: bigint;
}

export interface TimelineEntry {
  requestId: string;
  claimId?: string | null;
  kind: 'STATUS' | 'COMMENT' | 'EXTENSION' | 'UPDATE';
  from?: string | null;
  to?: string | null;
  comment?: string | null;
}

/** A SQL condition and its parameters, numbered from `offset + 1`. */
export interface Scope {
  sql: string;
  params: unknown[];
}

const DEFAULT_SETTINGS: Omit<ProgramSettingsRow, 'programId'> = {
  periodKind: 'QUARTER',
  claimDeadlineDays: DEFAULT_CLAIM_DEADLINE_DAYS,
  expiryGraceDays: DEFAULT_EXPIRY_GRACE_DAYS,
  currency: 'EUR',
};

export const todayOf = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * What every MDF service shares: scoped reads (a partner naming another organisation's record gets
 * NOT_FOUND; a rep sees the requests and claims they created), the conditional balance updates on
 * the fund row, state transitions that act once under concurrency, and the timeline.
 */
@Injectable()
export class MdfStore {
  constructor(
    readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly programs: ProgramsService,
  ) {}

  today(): string {
    return todayOf(this.clock.now());
  }

  now(): Date {
    return this.clock.now();
  }

  // ---- scoping ----

  /** Funds: partner users see their organisation's. */
  fundScope(ctx: RequestContext, alias: string, offset: number): Scope {
    const org = ctx.partnerScope;
    return org ? { sql: `${alias}.organisation_id = $${offset + 1}`, params: [org] } : { sql: 'true', params: [] };
  }

  /** Requests: partner admins their organisation's, reps the ones they created; vendor staff all but drafts. */
  requestScope(ctx: RequestContext, alias: string, offset: number): Scope {
    const org = ctx.partnerScope;
    if (!org) return { sql: `${alias}.status <> 'DRAFT'`, params: [] };
    if (ctx.hasRole(Role.PARTNER_REP)) {
      return { sql: `${alias}.organisation_id = $${offset + 1} AND ${alias}.created_by_user_id = $${offset + 2}`, params: [org, ctx.actor?.userId ?? null] };
    }
    return { sql: `${alias}.organisation_id = $${offset + 1}`, params: [org] };
  }

  /** Claims: like requests; a rep also sees the claims made on requests they created. */
  claimScope(ctx: RequestContext, alias: string, offset: number): Scope {
    const org = ctx.partnerScope;
    if (!org) return { sql: 'true', params: [] };
    if (ctx.hasRole(Role.PARTNER_REP)) {
      return {
        sql: `${alias}.organisation_id = $${offset + 1} AND (${alias}.created_by_user_id = $${offset + 2}
          OR EXISTS (SELECT 1 FROM mdf_requests sr WHERE sr.id = ${alias}.request_id AND sr.created_by_user_id = $${offset + 2}))`,
        params: [org, ctx.actor?.userId ?? null],
      };
    }
    return { sql: `${alias}.organisation_id = $${offset + 1}`, params: [org] };
  }

  // ---- scoped reads ----

  private q(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  async fund(ctx: RequestContext, id: string, em?: EntityManager): Promise<FundRow> {
    const scope = this.fundScope(ctx, 'f', 1);
    const [row] = await this.q(em).query(`SELECT ${FUND_COLUMNS} FROM mdf_funds f WHERE f.id = $1 AND ${scope.sql}`, [id, ...scope.params]);
    if (!row) throw new DomainError('NOT_FOUND', 'Fund not found.');
    return toFund(row);
  }

  async fundsByIds(ctx: RequestContext, ids: readonly string[]): Promise<FundRow[]> {
    if (ids.length === 0) return [];
    const scope = this.fundScope(ctx, 'f', 1);
    const rows = await this.dataSource.query(`SELECT ${FUND_COLUMNS} FROM mdf_funds f WHERE f.id = ANY($1::uuid[]) AND ${scope.sql}`, [ids, ...scope.params]);
    return rows.map(toFund);
  }

  /** The fund row locked for the rest of the transaction (system read: the caller has checked access). */
  async lockFund(em: EntityManager, id: string): Promise<FundRow> {
    const [row] = await em.query(`SELECT ${FUND_COLUMNS} FROM mdf_funds f WHERE f.id = $1 FOR UPDATE`, [id]);
    if (!row) throw new DomainError('NOT_FOUND', 'Fund not found.');
    return toFund(row);
  }

  async request(ctx: RequestContext, id: string, em?: EntityManager, lock = false): Promise<RequestRow> {
    const scope = this.requestScope(ctx, 'r', 1);
    const [row] = await this.q(em).query(
      `SELECT ${REQUEST_COLUMNS} FROM mdf_requests r WHERE r.id = $1 AND ${scope.sql}${lock ? ' FOR UPDATE' : ''}`,
      [id, ...scope.params],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'MDF request not found.');
    return toRequest(row);
  }

  async requestsByIds(ctx: RequestContext, ids: readonly string[]): Promise<RequestRow[]> {
    if (ids.length === 0) return [];
    const scope = this.requestScope(ctx, 'r', 1);
    const rows = await this.dataSource.query(`SELECT ${REQUEST_COLUMNS} FROM mdf_requests r WHERE r.id = ANY($1::uuid[]) AND ${scope.sql}`, [ids, ...scope.params]);
    return rows.map(toRequest);
  }

  async claim(ctx: RequestContext, id: string, em?: EntityManager, lock = false): Promise<ClaimRow> {
    const scope = this.claimScope(ctx, 'c', 1);
    const [row] = await this.q(em).query(
      `SELECT ${CLAIM_COLUMNS} FROM mdf_claims c WHERE c.id = $1 AND ${scope.sql}${lock ? ' FOR UPDATE OF c' : ''}`,
      [id, ...scope.params],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'MDF claim not found.');
    return toClaim(row);
  }

  async file(ctx: RequestContext, id: string): Promise<ProofFileRow> {
    const scope = this.claimScope(ctx, 'c', 1);
    const [row] = await this.dataSource.query(
      `SELECT ${FILE_COLUMNS} FROM mdf_proof_files pf JOIN mdf_claims c ON c.id = pf.claim_id WHERE pf.id = $1 AND ${scope.sql}`,
      [id, ...scope.params],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'File not found.');
    return { ...(row as ProofFileRow), sizeBytes: Number((row as ProofFileRow).sizeBytes) };
  }

  // ---- program settings and tier benefits ----

  async settings(programId: string, em?: EntityManager): Promise<ProgramSettingsRow> {
    const [row] = await this.q(em).query(
      `SELECT program_id AS "programId", period_kind AS "periodKind", claim_deadline_days AS "claimDeadlineDays",
              expiry_grace_days AS "expiryGraceDays", currency FROM mdf_program_settings WHERE program_id = $1`,
      [programId],
    );
    return (row as ProgramSettingsRow | undefined) ?? { programId, ...DEFAULT_SETTINGS };
  }

  /** The partner's tier in the program (its MDF co-funding % and accrual rate); null when not enrolled. */
  async tierOf(organisationId: string, programId: string): Promise<{ tierId: string; tierName: string; cofundingPct: Percent; accrualRate: Percent } | null> {
    const [enrolment] = (await this.programs.enrolmentsOf(RequestContext.system(), [organisationId])).filter((e) => e.programId === programId);
    if (!enrolment) return null;
    const [tier] = await this.programs.tiersByIds([enrolment.tierId]);
    if (!tier) return null;
    return { tierId: tier.id, tierName: tier.name, cofundingPct: parsePercent(tier.mdfCofundingPct), accrualRate: parsePercent(tier.mdfAccrualRate) };
  }

  // ---- balances ----

  /**
   * Moves the fund's balances with one conditional UPDATE in the caller's transaction: `need` is the
   * available amount the change consumes (a reservation), checked in the WHERE clause so concurrent
   * approvals serialise on the row and never overdraw it; the CHECK constraints are the backstop.
   */
  async moveBalances(em: EntityManager, fundId: string, delta: BalanceDelta, need = 0n): Promise<FundRow> {
    const d = (v: bigint | undefined) => (v ?? 0n).toString();
    let rows: Record<string, unknown>[];
    try {
      [rows] = await em.query(
        `UPDATE mdf_funds f SET reserved_minor = reserved_minor + $2, claimed_minor = claimed_minor + $3,
                approved_minor = approved_minor + $4, paid_minor = paid_minor + $5, updated_at = now()
          WHERE f.id = $1 AND budget_minor - reserved_minor - approved_minor - paid_minor >= $6
          RETURNING ${FUND_COLUMNS}`,
        [fundId, d(delta.reserved), d(delta.claimed), d(delta.approved), d(delta.paid), need.toString()],
      );
    } catch (err) {
      // The CHECK constraints caught what the WHERE clause does not cover (e.g. claimed > reserved).
      if (pgCode(err) === '23514') throw new DomainError('CONFLICT', "The fund's balances do not allow this change.");
      throw err;
    }
    if (rows.length === 0) throw await this.insufficient(em, fundId);
    return toFund(rows[0]!);
  }

  private async insufficient(em: EntityManager, fundId: string): Promise<DomainError> {
    const [row] = await em.query(`SELECT ${FUND_COLUMNS} FROM mdf_funds f WHERE f.id = $1`, [fundId]);
    if (!row) return new DomainError('NOT_FOUND', 'Fund not found.');
    const fund = toFund(row);
    return new DomainError('CONFLICT', insufficientFundsMessage(availableMinor(fund), fund.currency));
  }

  // ---- transitions ----

  /**
   * Moves a request from `from` to the action's status with `UPDATE … WHERE status = $from`, so two
   * concurrent decisions act once; the loser gets the CONFLICT the lifecycle gives for the status it found.
   */
  async transitionRequest(em: EntityManager, request: RequestRow, action: RequestAction, set: Record<string, unknown> = {}): Promise<RequestRow> {
    const to = nextRequestStatus(request.status, action);
    const { sql, params } = assignments(set, 3);
    const [rows] = await em.query(
      `UPDATE mdf_requests r SET status = $2, updated_at = now()${sql} WHERE r.id = $1 AND r.status = $${params.length + 3} RETURNING ${REQUEST_COLUMNS}`,
      [request.id, to, ...params, request.status],
    );
    if (rows.length === 0) {
      const [now] = await em.query(`SELECT status FROM mdf_requests WHERE id = $1`, [request.id]);
      nextRequestStatus((now?.status ?? request.status) as RequestStatus, action);
      throw new DomainError('CONFLICT', 'The request changed meanwhile; reload it and try again.');
    }
    return toRequest(rows[0]);
  }

  async transitionClaim(em: EntityManager, claim: ClaimRow, action: ClaimAction, set: Record<string, unknown> = {}): Promise<ClaimRow> {
    const to = nextClaimStatus(claim.status, action);
    const { sql, params } = assignments(set, 3);
    const [rows] = await em.query(
      `UPDATE mdf_claims c SET status = $2, updated_at = now()${sql} WHERE c.id = $1 AND c.status = $${params.length + 3} RETURNING id`,
      [claim.id, to, ...params, claim.status],
    );
    if (rows.length === 0) {
      const [now] = await em.query(`SELECT status FROM mdf_claims WHERE id = $1`, [claim.id]);
      nextClaimStatus((now?.status ?? claim.status) as ClaimStatus, action);
      throw new DomainError('CONFLICT', 'The claim changed meanwhile; reload it and try again.');
    }
    const [row] = await em.query(`SELECT ${CLAIM_COLUMNS} FROM mdf_claims c WHERE c.id = $1`, [claim.id]);
    return toClaim(row);
  }

  async timeline(em: EntityManager, ctx: RequestContext, entry: TimelineEntry): Promise<void> {
    await em.query(
      `INSERT INTO mdf_timeline (request_id, claim_id, at, actor_user_id, kind, from_status, to_status, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.requestId, entry.claimId ?? null, this.clock.now(), ctx.actor?.userId ?? null, entry.kind, entry.from ?? null, entry.to ?? null, entry.comment ?? null],
    );
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

/** `, col = $n` for each key (keys are trusted column names written in this module). */
function assignments(set: Record<string, unknown>, offset: number): { sql: string; params: unknown[] } {
  const entries = Object.entries(set);
  return {
    sql: entries.map(([column], i) => `, ${column} = $${offset + i}`).join(''),
    params: entries.map(([, value]) => (typeof value === 'bigint' ? value.toString() : value)),
  };
}

/**
 * Parses a positive amount in the fund's currency into `errors` (the input rules already refused
 * negatives and more than two decimals; this checks the currency's own digits and zero).
 */
export function positiveAmount(text: string, currency: string, field: string, errors: FieldErrorCollector): bigint | null {
  return amount(text, currency, field, errors, true);
}

export function amount(text: string, currency: string, field: string, errors: FieldErrorCollector, positive = false): bigint | null {
  try {
    const minor = parseMoney(text, currency, field).amountMinor;
    if (minor < 0n || (positive && minor === 0n)) {
      errors.add(field, positive ? 'Enter an amount greater than zero.' : 'The amount cannot be negative.');
      return null;
    }
    return minor;
  } catch (err) {
    if (err instanceof DomainError) {
      errors.add(field, err.fields?.[field]?.[0] ?? err.message);
      return null;
    }
    throw err;
  }
}

/** Partner roles act for their own organisation only; the services re-check what the guard allowed. */
export const isPartnerCaller = (ctx: RequestContext): boolean => ctx.actor !== null && isPartnerRole(ctx.actor.role);
