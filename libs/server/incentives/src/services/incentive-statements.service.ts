import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { POINTS, type StatementStatus, statementTransition } from '@prm/domain/incentives';
import { divRound, minorUnitDigits } from '@prm/domain/money';
import { type Connection, parseCursor, RequestContext, toConnection } from '@prm/server/core';
import { AuditService } from '@prm/server/identity';
import type { EntityManager } from 'typeorm';
import { IncentivesStore } from './incentives-store.service';
import { type PaymentMethod, STATEMENT_COLUMNS, type StatementRow, toStatement } from './incentives.types';
import { PointsService } from './points.service';

export interface StatementFilter {
  planId?: string;
  periodKey?: string;
  organisationId?: string;
  status?: StatementStatus;
}

/** Points a cash statement converts to when it is paid in points: one point per whole currency unit, rounded down. */
export function pointsFor(totalMinor: bigint, unit: string): bigint {
  if (totalMinor <= 0n) return 0n;
  if (unit === POINTS) return totalMinor;
  return divRound(totalMinor, 10n ** BigInt(minorUnitDigits(unit)), 'DOWN');
}

/** Statements: scoped reads, approval by a channel manager, payment marked once per idempotency key (and once per statement). */
@Injectable()
export class IncentiveStatementsService {
  constructor(
    private readonly store: IncentivesStore,
    private readonly audit: AuditService,
    private readonly points: PointsService,
  ) {}

  async get(ctx: RequestContext, id: string, em?: EntityManager, lock = false): Promise<StatementRow> {
    const scope = this.store.beneficiaryScope(ctx, 's', 1);
    const [row] = await this.store.q(em).query(`SELECT ${STATEMENT_COLUMNS} FROM incentive_statements s WHERE s.id = $1 AND ${scope.sql}${lock ? ' FOR UPDATE' : ''}`, [id, ...scope.params]);
    if (!row) throw new DomainError('NOT_FOUND', 'Statement not found.');
    return toStatement(row);
  }

  async list(ctx: RequestContext, filter: StatementFilter, first: number, after?: string): Promise<Connection<StatementRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Organisation');
    if (filter.planId) await this.store.plan(ctx, filter.planId);
    const cursor = parseCursor(after, ['text', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = this.store.beneficiaryScope(ctx, 's', 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.planId) where.push(`s.plan_id = ${p(filter.planId)}`);
    if (filter.periodKey) where.push(`s.period_key = ${p(filter.periodKey)}`);
    if (filter.organisationId) where.push(`s.organisation_id = ${p(filter.organisationId)}`);
    if (filter.status) where.push(`s.status = ${p(filter.status)}`);
    if (cursor) where.push(`(s.period_end, s.id) < (${p(cursor[0])}::date, ${p(cursor[1])}::uuid)`);
    const rows = await this.store.dataSource.query(
      `SELECT ${STATEMENT_COLUMNS} FROM incentive_statements s WHERE ${where.join(' AND ')} ORDER BY s.period_end DESC, s.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows.map(toStatement), first, (s: StatementRow) => [s.periodEnd, s.id]);
  }

  async approve(ctx: RequestContext, id: string): Promise<StatementRow> {
    return this.store.write(async (em) => {
      const statement = await this.get(ctx, id, em, true);
      const to = statementTransition(statement.status, 'approve');
      await em.query(`UPDATE incentive_statements SET status = $2, approved_at = $3, approved_by_user_id = $4 WHERE id = $1`, [id, to, this.store.now(), ctx.actor?.userId ?? null]);
      await this.audit.record(em, ctx, { operation: 'approveIncentiveStatement', entityType: 'IncentiveStatement', entityId: id, before: { status: statement.status }, after: { status: to } });
      return this.get(ctx, id, em);
    });
  }

  /**
   * Marks approved statements paid. The idempotency key is claimed first (primary key): a repeat, or
   * a concurrent call with the same key, returns what the first call paid; the row lock on each
   * statement makes a second key find it PAID (CONFLICT). Paying in points writes one EARN entry each.
   */
  async markPaid(ctx: RequestContext, ids: readonly string[], method: PaymentMethod, idempotencyKey: string): Promise<StatementRow[]> {
    const sorted = [...new Set(ids)].sort();
    return this.store.write(async (em) => {
      const claimed: unknown[] = await em.query(
        `INSERT INTO incentive_payments (idempotency_key, method, statement_ids, paid_at, paid_by_user_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING idempotency_key`,
        [idempotencyKey, method, sorted, this.store.now(), ctx.actor?.userId ?? null],
      );
      if (claimed.length === 0) {
        const [previous] = await em.query(`SELECT method, statement_ids::text[] AS ids FROM incentive_payments WHERE idempotency_key = $1`, [idempotencyKey]);
        const prev = previous as { method: string; ids: string[] };
        if (prev.method !== method || [...prev.ids].sort().join() !== sorted.join()) {
          throw new DomainError('CONFLICT', 'This idempotency key was already used for another payment.', { idempotencyKey: ['Use a new key for a new payment.'] });
        }
        return Promise.all(sorted.map((id) => this.get(ctx, id, em)));
      }
      const paid: StatementRow[] = [];
      for (const id of sorted) {
        const statement = await this.get(ctx, id, em, true);
        const to = statementTransition(statement.status, 'pay');
        const points = method === 'POINTS' ? pointsFor(statement.totalMinor, statement.unit) : null;
        await em.query(`UPDATE incentive_statements SET status = $2, paid_at = $3, payment_method = $4, payment_key = $5, points_awarded = $6 WHERE id = $1`, [
          id,
          to,
          this.store.now(),
          method,
          idempotencyKey,
          points?.toString() ?? null,
        ]);
        if (points !== null && points > 0n) await this.points.earn(em, statement.organisationId, statement.userId, points, 'INCENTIVE_STATEMENT', id);
        await this.audit.record(em, ctx, {
          operation: 'markIncentiveStatementsPaid',
          entityType: 'IncentiveStatement',
          entityId: id,
          before: { status: statement.status },
          after: { status: to, paymentMethod: method, pointsAwarded: points?.toString() ?? null },
        });
        paid.push(await this.get(ctx, id, em));
      }
      return paid;
    });
  }
}
