import { Injectable } from '@nestjs/common';
import { DomainError, FieldErrorCollector } from '@prm/domain/common';
import { claimDeadline, coFundingCapMinor, formatMoneyText, isActivityInWindow, isRequestEditable, type RequestStatus, REQUEST_STATUSES } from '@prm/domain/mdf';
import { formatMoneyPlain, formatPercent, money as moneyOf } from '@prm/domain/money';
import { isIsoDate } from '@prm/domain/revenue';
import { type Connection, parseCursor, type RequestContext, Role, toConnection } from '@prm/server/core';
import { AuditService, UsersService } from '@prm/server/identity';
import { type NotificationType, NotificationsService } from '@prm/server/notifications';
import type { EntityManager } from 'typeorm';
import { amount, MdfStore, positiveAmount } from './mdf-store.service';
import { type ActivityType, auditable, type FundRow, REQUEST_COLUMNS, type RequestRow, TIMELINE_COLUMNS, type TimelineRow, toRequest } from './mdf.types';

export interface RequestData {
  fundId: string;
  activityType: ActivityType;
  title: string;
  description?: string | null;
  targetAudience?: string | null;
  startDate: string;
  endDate: string;
  plannedCost: string;
  requestedAmount: string;
  expectedLeads?: number | null;
  expectedPipeline?: string | null;
}

export type RequestUpdate = Partial<Omit<RequestData, 'fundId'>>;

export interface RequestFilter {
  statuses?: string[];
  fundId?: string;
  organisationId?: string;
}

/** The claim deadline that applies: the regular one, or the extension a manager granted. */
export const effectiveDeadline = (r: RequestRow): string => r.extendedDeadline ?? r.claimDeadline;

/** Pre-approval requests: drafts and submissions by partners, decisions and extensions by channel managers. */
@Injectable()
export class MdfRequestsService {
  constructor(
    private readonly store: MdfStore,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
  ) {}

  get(ctx: RequestContext, id: string): Promise<RequestRow> {
    return this.store.request(ctx, id);
  }

  async list(ctx: RequestContext, filter: RequestFilter, first: number, after?: string): Promise<Connection<RequestRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Partner');
    const invalid = (filter.statuses ?? []).filter((s) => !(REQUEST_STATUSES as readonly string[]).includes(s));
    if (invalid.length) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { status: [`Unknown status: ${invalid.join(', ')}.`] });
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = this.store.requestScope(ctx, 'r', 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.statuses?.length) where.push(`r.status = ANY(${p(filter.statuses)}::text[])`);
    if (filter.fundId) where.push(`r.fund_id = ${p(filter.fundId)}`);
    if (filter.organisationId) where.push(`r.organisation_id = ${p(filter.organisationId)}`);
    if (cursor) where.push(`(r.created_at, r.id) < (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    const rows = await this.store.dataSource.query(
      `SELECT ${REQUEST_COLUMNS} FROM mdf_requests r WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows.map(toRequest), first, (r) => [r.createdAt.toISOString(), r.id]);
  }

  /** Timeline entries of requests (their claims' entries included), oldest first; parents were access-checked. */
  async timelines(requestIds: readonly string[]): Promise<TimelineRow[]> {
    if (requestIds.length === 0) return [];
    return this.store.dataSource.query(`SELECT ${TIMELINE_COLUMNS} FROM mdf_timeline t WHERE t.request_id = ANY($1::uuid[]) ORDER BY t.request_id, t.sequence`, [requestIds]);
  }

  // ---- partner writes ----

  async create(ctx: RequestContext, input: RequestData & { submit?: boolean | null }): Promise<RequestRow> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const fund = await this.store.fund(ctx, input.fundId);
    const checked = await this.validate(fund, input);
    const id = await this.store.write(async (em) => {
      const [row] = await em.query(
        `INSERT INTO mdf_requests AS r (fund_id, organisation_id, created_by_user_id, activity_type, title, description, target_audience, start_date, end_date,
           currency, planned_cost_minor, requested_minor, cofunding_pct, expected_leads, expected_pipeline_minor, claim_deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING ${REQUEST_COLUMNS}`,
        [
          fund.id,
          fund.organisationId,
          ctx.actor?.userId ?? null,
          input.activityType,
          input.title,
          input.description ?? '',
          input.targetAudience ?? null,
          input.startDate,
          input.endDate,
          fund.currency,
          checked.plannedMinor.toString(),
          checked.requestedMinor.toString(),
          checked.cofundingPct,
          input.expectedLeads ?? null,
          checked.pipelineMinor?.toString() ?? null,
          checked.deadline,
        ],
      );
      const created = toRequest(row);
      await this.store.timeline(em, ctx, { requestId: created.id, kind: 'STATUS', to: 'DRAFT' });
      await this.audit.record(em, ctx, { operation: 'createMdfRequest', entityType: 'MdfRequest', entityId: created.id, before: null, after: auditable(created) });
      if (input.submit) await this.submitInside(em, ctx, created, null);
      return created.id;
    });
    return this.store.request(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: RequestUpdate): Promise<RequestRow> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const current = await this.store.request(ctx, id);
    if (!isRequestEditable(current.status)) throw new DomainError('CONFLICT', 'Only drafts and requests waiting for more information can be edited.');
    const fund = await this.store.fund(ctx, current.fundId);
    const money = (minor: bigint | null): string | null => (minor === null ? null : formatMoneyPlain(moneyOf(minor, fund.currency)));
    const merged: RequestData = {
      fundId: current.fundId,
      activityType: input.activityType ?? current.activityType,
      title: input.title ?? current.title,
      description: input.description !== undefined ? input.description : current.description,
      targetAudience: input.targetAudience !== undefined ? input.targetAudience : current.targetAudience,
      startDate: input.startDate ?? current.startDate,
      endDate: input.endDate ?? current.endDate,
      plannedCost: input.plannedCost ?? money(current.plannedCostMinor)!,
      requestedAmount: input.requestedAmount ?? money(current.requestedMinor)!,
      expectedLeads: input.expectedLeads !== undefined ? input.expectedLeads : current.expectedLeads,
      expectedPipeline: input.expectedPipeline !== undefined ? input.expectedPipeline : money(current.expectedPipelineMinor),
    };
    const checked = await this.validate(fund, merged);
    await this.store.write(async (em) => {
      const [rows] = await em.query(
        `UPDATE mdf_requests r SET activity_type = $3, title = $4, description = $5, target_audience = $6, start_date = $7, end_date = $8,
           planned_cost_minor = $9, requested_minor = $10, cofunding_pct = $11, expected_leads = $12, expected_pipeline_minor = $13, claim_deadline = $14, updated_at = now()
         WHERE r.id = $1 AND r.status = $2 RETURNING ${REQUEST_COLUMNS}`,
        [
          id,
          current.status,
          merged.activityType,
          merged.title,
          merged.description ?? '',
          merged.targetAudience ?? null,
          merged.startDate,
          merged.endDate,
          checked.plannedMinor.toString(),
          checked.requestedMinor.toString(),
          checked.cofundingPct,
          merged.expectedLeads ?? null,
          checked.pipelineMinor?.toString() ?? null,
          checked.deadline,
        ],
      );
      if (rows.length === 0) throw new DomainError('CONFLICT', 'The request changed meanwhile; reload it and try again.');
      const after = toRequest(rows[0]);
      await this.store.timeline(em, ctx, { requestId: id, kind: 'UPDATE', from: current.status, to: current.status });
      await this.audit.record(em, ctx, { operation: 'updateMdfRequest', entityType: 'MdfRequest', entityId: id, before: auditable(current), after: auditable(after) });
    });
    return this.store.request(ctx, id);
  }

  async submit(ctx: RequestContext, id: string, comment?: string | null): Promise<RequestRow> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const current = await this.store.request(ctx, id);
    const fund = await this.store.fund(ctx, current.fundId);
    if (fund.status !== 'OPEN') throw new DomainError('CONFLICT', 'This fund has expired; no new requests can be submitted.');
    await this.store.write((em) => this.submitInside(em, ctx, current, comment ?? null));
    return this.store.request(ctx, id);
  }

  private async submitInside(em: EntityManager, ctx: RequestContext, request: RequestRow, comment: string | null): Promise<void> {
    const action = request.status === 'MORE_INFO_REQUESTED' ? 'resubmit' : 'submit';
    const after = await this.store.transitionRequest(em, request, action, { submitted_at: this.store.now() });
    await this.store.timeline(em, ctx, { requestId: request.id, kind: 'STATUS', from: request.status, to: after.status, comment });
    await this.audit.record(em, ctx, { operation: 'submitMdfRequest', entityType: 'MdfRequest', entityId: request.id, before: { status: request.status }, after: { status: after.status } });
    const reviewers = await this.users.reviewersOf(request.organisationId, em);
    await this.notify(em, reviewers, 'MDF_REQUEST_SUBMITTED', after, `MDF request ${after.number} (${after.title}) is waiting for review`);
  }

  /** Partners cancel their open requests; an approved request without an open claim is cancelled by either side. */
  async cancel(ctx: RequestContext, id: string, reason?: string | null): Promise<RequestRow> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP, Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER);
    await this.store.write(async (em) => {
      const request = await this.store.request(ctx, id, em, true);
      if (request.status === 'APPROVED') await this.assertNoOpenClaim(em, request.id, 'cancelled');
      const after = await this.store.transitionRequest(em, request, 'cancel');
      if (request.status === 'APPROVED') await this.store.moveBalances(em, request.fundId, { reserved: -request.approvedMinor! });
      await this.store.timeline(em, ctx, { requestId: id, kind: 'STATUS', from: request.status, to: after.status, comment: reason ?? null });
      await this.audit.record(em, ctx, { operation: 'cancelMdfRequest', entityType: 'MdfRequest', entityId: id, before: { status: request.status }, after: { status: after.status, reason: reason ?? null } });
    });
    return this.store.request(ctx, id);
  }

  // ---- manager decisions ----

  /** Approves for the requested amount or less, reserving it in the fund in the same transaction. */
  async approve(ctx: RequestContext, id: string, amountText?: string | null, comment?: string | null): Promise<RequestRow> {
    const current = await this.store.request(ctx, id);
    const fund = await this.store.fund(ctx, current.fundId);
    const errors = new FieldErrorCollector();
    const approvedMinor = amountText === undefined || amountText === null ? current.requestedMinor : positiveAmount(amountText, current.currency, 'amount', errors);
    if (approvedMinor !== null && approvedMinor > current.requestedMinor) {
      errors.add('amount', `At most the ${formatMoneyText(current.requestedMinor, current.currency)} requested.`);
    }
    errors.throwIfAny('The approval is not valid.');
    if (fund.status !== 'OPEN') throw new DomainError('CONFLICT', 'This fund has expired; nothing more can be reserved in it.');
    await this.store.write(async (em) => {
      const after = await this.store.transitionRequest(em, current, 'approve', {
        approved_minor: approvedMinor!,
        decided_at: this.store.now(),
        decided_by_user_id: ctx.actor?.userId ?? null,
        decision_comment: comment ?? null,
        claim_deadline: claimDeadline(current.endDate, fund.claimDeadlineDays),
      });
      await this.store.timeline(em, ctx, { requestId: id, kind: 'STATUS', from: current.status, to: after.status, comment: comment ?? null });
      await this.audit.record(em, ctx, {
        operation: 'approveMdfRequest',
        entityType: 'MdfRequest',
        entityId: id,
        before: { status: current.status, approvedMinor: null },
        after: { status: after.status, approvedMinor: approvedMinor!.toString(), comment: comment ?? null },
      });
      await this.notifyCreator(em, after, `MDF request ${after.number} (${after.title}) is approved for ${formatMoneyText(approvedMinor!, after.currency)}`, comment);
      // Last: the fund row stays locked from this update to the commit, so every approval on the fund waits that long.
      await this.store.moveBalances(em, fund.id, { reserved: approvedMinor! }, approvedMinor!);
    });
    return this.store.request(ctx, id);
  }

  reject(ctx: RequestContext, id: string, reason: string): Promise<RequestRow> {
    return this.decide(ctx, id, 'reject', reason, 'rejectMdfRequest', 'is rejected');
  }

  requestInfo(ctx: RequestContext, id: string, comment: string): Promise<RequestRow> {
    return this.decide(ctx, id, 'requestInfo', comment, 'requestMdfRequestInfo', 'needs more information');
  }

  private async decide(ctx: RequestContext, id: string, action: 'reject' | 'requestInfo', comment: string, operation: string, outcome: string): Promise<RequestRow> {
    const current = await this.store.request(ctx, id);
    await this.store.write(async (em) => {
      const set = action === 'reject' ? { decided_at: this.store.now(), decided_by_user_id: ctx.actor?.userId ?? null, decision_comment: comment } : { decision_comment: comment };
      const after = await this.store.transitionRequest(em, current, action, set);
      await this.store.timeline(em, ctx, { requestId: id, kind: 'STATUS', from: current.status, to: after.status, comment });
      await this.audit.record(em, ctx, { operation, entityType: 'MdfRequest', entityId: id, before: { status: current.status }, after: { status: after.status, comment } });
      await this.notifyCreator(em, after, `MDF request ${after.number} (${after.title}) ${outcome}`, comment);
    });
    return this.store.request(ctx, id);
  }

  /** A later claim deadline for an approved request, kept with who granted it, when and why. */
  async extendDeadline(ctx: RequestContext, id: string, until: string, reason: string): Promise<RequestRow> {
    const current = await this.store.request(ctx, id);
    if (!isIsoDate(until)) throw new DomainError('BAD_USER_INPUT', 'The extension is not valid.', { until: ['Enter a date as YYYY-MM-DD.'] });
    if (current.status !== 'APPROVED') throw new DomainError('CONFLICT', 'Only an approved request has a claim deadline to extend.');
    if (until <= effectiveDeadline(current)) {
      throw new DomainError('BAD_USER_INPUT', 'The extension is not valid.', { until: [`Choose a date after the current deadline (${effectiveDeadline(current)}).`] });
    }
    await this.store.write(async (em) => {
      const [rows] = await em.query(
        `UPDATE mdf_requests r SET extended_deadline = $2, extension_reason = $3, extended_by_user_id = $4, extended_at = $5, updated_at = now()
          WHERE r.id = $1 AND r.status = 'APPROVED' AND r.extended_deadline IS NOT DISTINCT FROM $6 RETURNING r.id`,
        [id, until, reason, ctx.actor?.userId ?? null, this.store.now(), current.extendedDeadline],
      );
      if (rows.length === 0) throw new DomainError('CONFLICT', 'The request changed meanwhile; reload it and try again.');
      await this.store.timeline(em, ctx, { requestId: id, kind: 'EXTENSION', comment: `Claim deadline extended to ${until}: ${reason}` });
      await this.audit.record(em, ctx, {
        operation: 'extendMdfClaimDeadline',
        entityType: 'MdfRequest',
        entityId: id,
        before: { claimDeadline: effectiveDeadline(current) },
        after: { claimDeadline: until, reason },
      });
      await this.notifyCreator(em, current, `The claim deadline of MDF request ${current.number} is extended to ${until}`, reason);
    });
    return this.store.request(ctx, id);
  }

  /** A manager's comment in the request's (or one of its claims') timeline. */
  async comment(ctx: RequestContext, requestId: string, claimId: string | null, comment: string): Promise<void> {
    await this.store.write(async (em) => {
      await this.store.timeline(em, ctx, { requestId, claimId, kind: 'COMMENT', comment });
      await this.audit.record(em, ctx, {
        operation: claimId ? 'commentOnMdfClaim' : 'commentOnMdfRequest',
        entityType: claimId ? 'MdfClaim' : 'MdfRequest',
        entityId: claimId ?? requestId,
        before: null,
        after: { comment },
      });
    });
  }

  // ---- helpers ----

  async assertNoOpenClaim(em: EntityManager, requestId: string, what: string): Promise<void> {
    const [open] = await em.query(`SELECT 1 FROM mdf_claims WHERE request_id = $1 AND status IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'PAID')`, [requestId]);
    if (open) throw new DomainError('CONFLICT', `A request with an open or accepted claim cannot be ${what}.`);
  }

  private async validate(fund: FundRow, input: RequestData) {
    if (fund.status !== 'OPEN') throw new DomainError('CONFLICT', 'This fund has expired; no new requests can be made.');
    const errors = new FieldErrorCollector();
    const plannedMinor = positiveAmount(input.plannedCost, fund.currency, 'plannedCost', errors);
    const requestedMinor = positiveAmount(input.requestedAmount, fund.currency, 'requestedAmount', errors);
    const pipelineMinor = input.expectedPipeline === undefined || input.expectedPipeline === null ? null : amount(input.expectedPipeline, fund.currency, 'expectedPipeline', errors);
    const tier = await this.store.tierOf(fund.organisationId, fund.programId);
    if (!tier) errors.add('fundId', 'Your organisation is no longer enrolled in the program of this fund.');
    if (plannedMinor !== null && requestedMinor !== null && tier) {
      const cap = coFundingCapMinor(plannedMinor, tier.cofundingPct);
      if (requestedMinor > cap) {
        errors.add(
          'requestedAmount',
          cap === 0n
            ? `Your tier (${tier.tierName}) has no MDF co-funding.`
            : `At most ${formatMoneyText(cap, fund.currency)}: ${formatPercent(tier.cofundingPct)}% of the planned cost, rounded down.`,
        );
      }
    }
    if (!isIsoDate(input.startDate)) errors.add('startDate', 'Enter a date as YYYY-MM-DD.');
    if (!isIsoDate(input.endDate)) errors.add('endDate', 'Enter a date as YYYY-MM-DD.');
    // Dates that do not exist (2026-02-30) cannot be placed in the window.
    const datesExist = isIsoDate(input.startDate) && isIsoDate(input.endDate);
    if (datesExist && input.endDate < input.startDate) errors.add('endDate', 'The activity cannot end before it starts.');
    else if (datesExist && !isActivityInWindow(input.startDate, input.endDate, fund.periodStart, fund.periodEnd)) {
      errors.add(input.startDate < fund.periodStart || input.startDate > fund.periodEnd ? 'startDate' : 'endDate', `The activity must take place between ${fund.periodStart} and ${fund.periodEnd}.`);
    }
    errors.throwIfAny('The request is not valid.');
    return {
      plannedMinor: plannedMinor!,
      requestedMinor: requestedMinor!,
      pipelineMinor,
      cofundingPct: formatPercent(tier!.cofundingPct),
      deadline: claimDeadline(input.endDate, fund.claimDeadlineDays),
    };
  }

  private async notifyCreator(em: EntityManager, request: RequestRow, title: string, body?: string | null): Promise<void> {
    if (request.createdByUserId) await this.notify(em, [request.createdByUserId], 'MDF_REQUEST_DECIDED', request, title, body);
  }

  private notify(em: EntityManager, userIds: string[], type: NotificationType, request: RequestRow, title: string, body?: string | null): Promise<void> {
    return this.notifications.notify(em, userIds, { type, title, body: body ?? undefined, entityType: 'MdfRequest', entityId: request.id });
  }
}

export type { RequestStatus };
