import { Injectable } from '@nestjs/common';
import { DomainError, FieldErrorCollector } from '@prm/domain/common';
import { type ApprovalMode } from '@prm/domain/incentives';
import { type Connection, JobsService, parseCursor, pgCode, RequestContext, toConnection } from '@prm/server/core';
import { AuditService } from '@prm/server/identity';
import type { EntityManager } from 'typeorm';
import { IncentivesStore } from './incentives-store.service';
import type { PlanKind } from './incentives.types';

export const ACTIVITY_KINDS = ['WEBINAR_ATTENDED', 'DEMO_HELD', 'BUSINESS_REVIEW_HELD', 'JOINT_MARKETING_EVENT', 'OTHER'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_STATUSES = ['SUBMITTED', 'APPROVED', 'REJECTED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export interface ActivityTypeRow {
  id: string;
  name: string;
  kind: ActivityKind;
  approval: ApprovalMode;
  evidenceRequired: boolean;
  active: boolean;
  createdAt: Date;
}

export interface ActivityRow {
  id: string;
  organisationId: string;
  userId: string;
  typeId: string;
  occurredOn: string;
  description: string;
  evidenceUrl: string | null;
  status: ActivityStatus;
  decidedByUserId: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  createdAt: Date;
}

export interface ActivityTypeData {
  name: string;
  kind: ActivityKind;
  approval: ApprovalMode;
  evidenceRequired?: boolean | null;
  active?: boolean | null;
}

export interface LogActivityData {
  typeId: string;
  occurredOn: string;
  description: string;
  evidenceUrl?: string | null;
}

export interface ActivityFilter {
  organisationId?: string | null;
  userId?: string | null;
  status?: ActivityStatus | null;
}

const TYPE_COLUMNS = `t.id, t.name, t.kind, t.approval, t.evidence_required AS "evidenceRequired", t.active, t.created_at AS "createdAt"`;
const ACTIVITY_COLUMNS = `a.id, a.organisation_id AS "organisationId", a.user_id AS "userId", a.type_id AS "typeId", to_char(a.occurred_on, 'YYYY-MM-DD') AS "occurredOn",
  a.description, a.evidence_url AS "evidenceUrl", a.status, a.decided_by_user_id AS "decidedByUserId", a.decided_at AS "decidedAt", a.decision_reason AS "decisionReason", a.created_at AS "createdAt"`;

/** Partner users see their organisation's activities (a rep only their own); vendor staff all. */
/** The accrual job's queue (`INCENTIVES_ACCRUE_JOB`; named here, the module imports this file). */
const ACCRUE_JOB = 'incentives-accrue';

/**
 * After a fact changed, the published plans of its kind are brought up to date soon (one job per plan,
 * merged for a few seconds) rather than at the next hourly run; without a job queue (tests) nothing is sent.
 */
export async function nudgeAccrual(store: IncentivesStore, jobs: JobsService, ...kinds: PlanKind[]): Promise<void> {
  if (!jobs.running) return;
  try {
    const plans: { id: string }[] = await store.dataSource.query(`SELECT id FROM incentive_plans WHERE status = 'PUBLISHED' AND kind = ANY($1::text[])`, [kinds]);
    for (const { id } of plans) await jobs.send(ACCRUE_JOB, { planId: id }, { singletonKey: `${ACCRUE_JOB}:${id}`, singletonSeconds: 5 });
  } catch {
    // The hourly run catches up; a nudge never fails the request that caused it.
  }
}

/**
 * Activity incentives' facts: the vendor's activity types (AUTO types count when logged, VERIFIED
 * ones once a channel manager approves), the activities partner users log with their evidence, and
 * the decisions. An approved activity rejected later is recorded as a reversed source, so what was
 * booked for it is clawed back.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly store: IncentivesStore,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  async types(includeInactive: boolean): Promise<ActivityTypeRow[]> {
    return this.store.dataSource.query(`SELECT ${TYPE_COLUMNS} FROM incentive_activity_types t ${includeInactive ? '' : 'WHERE t.active'} ORDER BY t.name, t.id`);
  }

  async type(id: string, em?: EntityManager): Promise<ActivityTypeRow> {
    const [row] = await this.store.q(em).query(`SELECT ${TYPE_COLUMNS} FROM incentive_activity_types t WHERE t.id = $1`, [id]);
    if (!row) throw new DomainError('NOT_FOUND', 'Activity type not found.');
    return row as ActivityTypeRow;
  }

  async typesByIds(ids: readonly string[]): Promise<ActivityTypeRow[]> {
    if (ids.length === 0) return [];
    return this.store.dataSource.query(`SELECT ${TYPE_COLUMNS} FROM incentive_activity_types t WHERE t.id = ANY($1::uuid[])`, [ids]);
  }

  async createType(ctx: RequestContext, data: ActivityTypeData): Promise<ActivityTypeRow> {
    return this.writeType(async (em) => {
      const [row] = await em.query(
        `INSERT INTO incentive_activity_types (name, kind, approval, evidence_required, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
        [data.name, data.kind, data.approval, data.evidenceRequired ?? false, data.active ?? true, this.store.now()],
      );
      const id = (row as { id: string }).id;
      await this.audit.record(em, ctx, { operation: 'createActivityType', entityType: 'ActivityType', entityId: id, before: null, after: { ...data } });
      return this.type(id, em);
    });
  }

  async updateType(ctx: RequestContext, id: string, data: ActivityTypeData): Promise<ActivityTypeRow> {
    return this.writeType(async (em) => {
      const [before] = await em.query(`SELECT ${TYPE_COLUMNS} FROM incentive_activity_types t WHERE t.id = $1 FOR UPDATE`, [id]);
      if (!before) throw new DomainError('NOT_FOUND', 'Activity type not found.');
      const b = before as ActivityTypeRow;
      await em.query(`UPDATE incentive_activity_types SET name = $2, kind = $3, approval = $4, evidence_required = $5, active = $6, updated_at = $7 WHERE id = $1`, [
        id,
        data.name,
        data.kind,
        data.approval,
        data.evidenceRequired ?? b.evidenceRequired,
        data.active ?? b.active,
        this.store.now(),
      ]);
      const after = await this.type(id, em);
      await this.audit.record(em, ctx, {
        operation: 'updateActivityType',
        entityType: 'ActivityType',
        entityId: id,
        before: { name: b.name, kind: b.kind, approval: b.approval, evidenceRequired: b.evidenceRequired, active: b.active },
        after: { name: after.name, kind: after.kind, approval: after.approval, evidenceRequired: after.evidenceRequired, active: after.active },
      });
      return after;
    });
  }

  private async writeType<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.store.write(fn);
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('BAD_USER_INPUT', 'The activity type is not valid.', { name: ['Another activity type has this name.'] });
      throw err;
    }
  }

  async get(ctx: RequestContext, id: string, em?: EntityManager, lock = false): Promise<ActivityRow> {
    const scope = this.store.beneficiaryScope(ctx, 'a', 1);
    const [row] = await this.store.q(em).query(`SELECT ${ACTIVITY_COLUMNS} FROM incentive_activities a WHERE a.id = $1 AND ${scope.sql}${lock ? ' FOR UPDATE' : ''}`, [id, ...scope.params]);
    if (!row) throw new DomainError('NOT_FOUND', 'Activity not found.');
    return row as ActivityRow;
  }

  async list(ctx: RequestContext, filter: ActivityFilter, first: number, after?: string): Promise<Connection<ActivityRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Organisation');
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = this.store.beneficiaryScope(ctx, 'a', 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.organisationId) where.push(`a.organisation_id = ${p(filter.organisationId)}`);
    if (filter.userId) where.push(`a.user_id = ${p(filter.userId)}`);
    if (filter.status) where.push(`a.status = ${p(filter.status)}`);
    if (cursor) where.push(`(a.created_at, a.id) < (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    const rows: ActivityRow[] = await this.store.dataSource.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM incentive_activities a WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows, first, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  }

  /** A partner user logs an activity of their own; an AUTO type is approved at once. */
  async log(ctx: RequestContext, data: LogActivityData): Promise<ActivityRow> {
    const actor = ctx.requireActor();
    if (!actor.userId || !ctx.partnerScope) throw new DomainError('FORBIDDEN', 'Activities are logged by a partner user in person.');
    const type = await this.type(data.typeId);
    const errors = new FieldErrorCollector();
    if (!type.active) errors.add('typeId', 'This activity type is no longer in use.');
    if (data.occurredOn > this.store.today()) errors.add('occurredOn', 'An activity is logged once it has happened.');
    if (type.evidenceRequired && !data.evidenceUrl) errors.add('evidenceUrl', `A ${type.name} needs evidence: a link to the recording, agenda or report.`);
    errors.throwIfAny('The activity is not valid.');
    return this.store.write(async (em) => {
      const now = this.store.now();
      const auto = type.approval === 'AUTO';
      const [row] = await em.query(
        `INSERT INTO incentive_activities (organisation_id, user_id, type_id, occurred_on, description, evidence_url, status, decided_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [ctx.partnerScope, actor.userId, type.id, data.occurredOn, data.description, data.evidenceUrl ?? null, auto ? 'APPROVED' : 'SUBMITTED', auto ? now : null, now],
      );
      const id = (row as { id: string }).id;
      await this.audit.record(em, ctx, {
        operation: 'logActivity',
        entityType: 'Activity',
        entityId: id,
        before: null,
        after: { typeId: type.id, occurredOn: data.occurredOn, status: auto ? 'APPROVED' : 'SUBMITTED' },
      });
      return this.get(RequestContext.system(), id, em);
    }).then(async (row) => {
      await nudgeAccrual(this.store, this.jobs, 'ACTIVITY');
      return row;
    });
  }

  async approve(ctx: RequestContext, id: string): Promise<ActivityRow> {
    return this.store.write(async (em) => {
      const activity = await this.get(ctx, id, em, true);
      if (activity.status !== 'SUBMITTED') throw new DomainError('CONFLICT', `Only a submitted activity can be approved; this one is ${activity.status.toLowerCase()}.`);
      await em.query(`UPDATE incentive_activities SET status = 'APPROVED', decided_by_user_id = $2, decided_at = $3 WHERE id = $1`, [id, ctx.actor?.userId ?? null, this.store.now()]);
      await this.audit.record(em, ctx, { operation: 'approveActivity', entityType: 'Activity', entityId: id, before: { status: 'SUBMITTED' }, after: { status: 'APPROVED' } });
      return this.get(ctx, id, em);
    }).then(async (row) => {
      await nudgeAccrual(this.store, this.jobs, 'ACTIVITY');
      return row;
    });
  }

  /** Rejects a submitted activity, or withdraws an approved one: then what it earned is clawed back (a reversed source). */
  async reject(ctx: RequestContext, id: string, reason: string): Promise<ActivityRow> {
    return this.store.write(async (em) => {
      const activity = await this.get(ctx, id, em, true);
      if (activity.status === 'REJECTED') throw new DomainError('CONFLICT', 'This activity is already rejected.');
      const now = this.store.now();
      await em.query(`UPDATE incentive_activities SET status = 'REJECTED', decided_by_user_id = $2, decided_at = $3, decision_reason = $4 WHERE id = $1`, [
        id,
        ctx.actor?.userId ?? null,
        now,
        reason,
      ]);
      if (activity.status === 'APPROVED') {
        await em.query(
          `INSERT INTO incentive_source_reversals (source_type, source_id, reason, reversed_on, reversed_by_user_id) VALUES ('ACTIVITY', $1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [id, reason, this.store.today(), ctx.actor?.userId ?? null],
        );
      }
      await this.audit.record(em, ctx, { operation: 'rejectActivity', entityType: 'Activity', entityId: id, before: { status: activity.status }, after: { status: 'REJECTED', reason } });
      return this.get(ctx, id, em);
    }).then(async (row) => {
      await nudgeAccrual(this.store, this.jobs, 'ACTIVITY');
      return row;
    });
  }

  /** Approved activities that happened in [from, to] (system read for accrual). */
  async approvedBetween(from: string, to: string): Promise<ActivityRow[]> {
    return this.store.dataSource.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM incentive_activities a WHERE a.status = 'APPROVED' AND a.occurred_on BETWEEN $1 AND $2 ORDER BY a.occurred_on, a.id`,
      [from, to],
    );
  }
}
