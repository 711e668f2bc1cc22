import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, FieldErrorCollector, type FieldErrors } from '@prm/domain/common';
import {
  CLAIM_STATUSES,
  claimCapMinor,
  extensionFor,
  formatMoneyText,
  isClaimLate,
  MAX_PROOF_FILES,
  nextClaimStatus,
  PROOF_SNIFF_BYTES,
  sniffProofType,
  validateProofFiles,
} from '@prm/domain/mdf';
import { formatMoneyPlain, formatPercent, money, parsePercent } from '@prm/domain/money';
import { isIsoDate } from '@prm/domain/revenue';
import { type Connection, parseCursor, pgCode, type RequestContext, Role, toConnection } from '@prm/server/core';
import { DealRegistrationsService } from '@prm/server/deals';
import { AuditService, UsersService } from '@prm/server/identity';
import { type NotificationType, NotificationsService } from '@prm/server/notifications';
import type { EntityManager } from 'typeorm';
import { MdfFileStorage } from '../storage/mdf-file-storage';
import { effectiveDeadline } from './mdf-requests.service';
import { amount, MdfStore, positiveAmount } from './mdf-store.service';
import { auditable, CLAIM_COLUMNS, type ClaimDealRow, type ClaimRow, FILE_COLUMNS, type ProofFileRow, type RequestRow, toClaim, toClaimDeal } from './mdf.types';

export interface UploadedProof {
  name: string;
  bytes: Buffer;
}

export interface ClaimData {
  actualCost: string;
  claimedAmount: string;
  attendees?: number | null;
  leads?: number | null;
  opportunities?: number | null;
  pipeline?: string | null;
  dealIds?: string[] | null;
  notes?: string | null;
}

export interface ClaimFilter {
  statuses?: string[];
  fundId?: string;
  organisationId?: string;
  requestId?: string;
}

export interface PaymentData {
  claimIds: string[];
  paymentReference: string;
  paymentDate: string;
  idempotencyKey: string;
}

export interface PaymentResult {
  paymentId: string;
  idempotencyKey: string;
  paymentReference: string;
  paymentDate: string;
  duplicate: boolean;
  claims: ClaimRow[];
}

const MAX_LINKED_DEALS = 50;

interface CheckedClaim {
  actualMinor: bigint;
  claimedMinor: bigint;
  pipelineMinor: bigint | null;
  deals: { id: string; wonValueMinor: bigint; currency: string }[] | null;
}

/** Claims against approved requests: proof files, linked won deals, decisions and idempotent payment. */
@Injectable()
export class MdfClaimsService {
  constructor(
    private readonly store: MdfStore,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly registrations: DealRegistrationsService,
    private readonly storage: MdfFileStorage,
  ) {}

  get(ctx: RequestContext, id: string): Promise<ClaimRow> {
    return this.store.claim(ctx, id);
  }

  async list(ctx: RequestContext, filter: ClaimFilter, first: number, after?: string): Promise<Connection<ClaimRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Partner');
    const invalid = (filter.statuses ?? []).filter((s) => !(CLAIM_STATUSES as readonly string[]).includes(s));
    if (invalid.length) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { status: [`Unknown status: ${invalid.join(', ')}.`] });
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = this.store.claimScope(ctx, 'c', 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.statuses?.length) where.push(`c.status = ANY(${p(filter.statuses)}::text[])`);
    if (filter.fundId) where.push(`c.fund_id = ${p(filter.fundId)}`);
    if (filter.organisationId) where.push(`c.organisation_id = ${p(filter.organisationId)}`);
    if (filter.requestId) where.push(`c.request_id = ${p(filter.requestId)}`);
    if (cursor) where.push(`(c.last_submitted_at, c.id) < (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    const rows = await this.store.dataSource.query(
      `SELECT ${CLAIM_COLUMNS} FROM mdf_claims c WHERE ${where.join(' AND ')} ORDER BY c.last_submitted_at DESC, c.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows.map(toClaim), first, (c) => [c.lastSubmittedAt.toISOString(), c.id]);
  }

  /** Approved, unpaid claims (the payment file), oldest decision first, in keyset batches. */
  async *payable(ctx: RequestContext): AsyncGenerator<ClaimRow[]> {
    ctx.requireRole(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER, Role.ANALYST);
    let cursor: [Date, string] | null = null;
    for (;;) {
      const rows: ClaimRow[] = (
        await this.store.dataSource.query(
          `SELECT ${CLAIM_COLUMNS} FROM mdf_claims c WHERE c.status = 'APPROVED' AND ($1::timestamptz IS NULL OR (c.decided_at, c.id) > ($1, $2::uuid))
            ORDER BY c.decided_at, c.id LIMIT 1000`,
          [cursor?.[0] ?? null, cursor?.[1] ?? null],
        )
      ).map(toClaim);
      yield rows;
      if (rows.length < 1000) return;
      const last = rows[rows.length - 1]!;
      cursor = [last.decidedAt!, last.id];
    }
  }

  async claimsOfRequests(ctx: RequestContext, requestIds: readonly string[]): Promise<ClaimRow[]> {
    if (requestIds.length === 0) return [];
    const scope = this.store.claimScope(ctx, 'c', 1);
    const rows = await this.store.dataSource.query(
      `SELECT ${CLAIM_COLUMNS} FROM mdf_claims c WHERE c.request_id = ANY($1::uuid[]) AND ${scope.sql} ORDER BY c.submitted_at, c.id`,
      [requestIds, ...scope.params],
    );
    return rows.map(toClaim);
  }

  async filesOf(claimIds: readonly string[]): Promise<ProofFileRow[]> {
    if (claimIds.length === 0) return [];
    const rows: ProofFileRow[] = await this.store.dataSource.query(
      `SELECT ${FILE_COLUMNS} FROM mdf_proof_files pf WHERE pf.claim_id = ANY($1::uuid[]) ORDER BY pf.claim_id, pf.sequence`,
      [claimIds],
    );
    return rows.map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes) }));
  }

  async dealsOf(claimIds: readonly string[]): Promise<ClaimDealRow[]> {
    if (claimIds.length === 0) return [];
    const rows = await this.store.dataSource.query(
      `SELECT claim_id AS "claimId", registration_id AS "registrationId", won_value_minor AS "wonValueMinor", currency FROM mdf_claim_deals WHERE claim_id = ANY($1::uuid[]) ORDER BY claim_id, registration_id`,
      [claimIds],
    );
    return rows.map(toClaimDeal);
  }

  /** The file's bytes after the access check (a foreign id is NOT_FOUND). */
  async download(ctx: RequestContext, fileId: string): Promise<{ file: ProofFileRow; bytes: Buffer }> {
    const file = await this.store.file(ctx, fileId);
    const bytes = await this.storage.get(file.storageKey);
    if (!bytes) throw new DomainError('NOT_FOUND', 'File not found.');
    return { file, bytes };
  }

  // ---- partner writes ----

  /**
   * A claim with its proof files. Everything is validated before anything is written; the files are
   * stored first and removed again if the transaction does not commit, so nothing is left behind.
   */
  async submit(ctx: RequestContext, requestId: string, input: ClaimData, files: UploadedProof[]): Promise<ClaimRow> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const request = await this.store.request(ctx, requestId);
    this.assertClaimable(request);
    const errors = new FieldErrorCollector();
    merge(errors, validateProofFiles(files.map(candidate)));
    const checked = await this.validate(ctx, request, input, errors);
    errors.throwIfAny('The claim is not valid.');
    const stored = await this.storeFiles(files);
    try {
      const id = await this.store.write(async (em) => {
        const locked = await this.store.request(ctx, requestId, em, true);
        this.assertClaimable(locked);
        const now = this.store.now();
        let row: Record<string, unknown>;
        try {
          [row] = await em.query(
            `INSERT INTO mdf_claims AS c (request_id, fund_id, organisation_id, created_by_user_id, status, currency, actual_cost_minor, claimed_minor,
               attendees, leads, opportunities, pipeline_minor, notes, submitted_at, last_submitted_at)
             VALUES ($1, $2, $3, $4, 'SUBMITTED', $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING ${CLAIM_COLUMNS}`,
            [
              locked.id,
              locked.fundId,
              locked.organisationId,
              ctx.actor?.userId ?? null,
              locked.currency,
              checked.actualMinor.toString(),
              checked.claimedMinor.toString(),
              input.attendees ?? null,
              input.leads ?? null,
              input.opportunities ?? null,
              checked.pipelineMinor?.toString() ?? null,
              input.notes ?? null,
              now,
            ],
          );
        } catch (err) {
          if (pgCode(err) === '23505') throw new DomainError('CONFLICT', 'This request already has an open or accepted claim.');
          throw err;
        }
        const claim = toClaim(row);
        await this.insertFiles(em, ctx, claim, stored);
        await this.replaceDeals(em, claim.id, checked.deals ?? []);
        await this.store.moveBalances(em, claim.fundId, { claimed: claim.claimedMinor });
        await this.store.timeline(em, ctx, { requestId: locked.id, claimId: claim.id, kind: 'STATUS', to: 'SUBMITTED' });
        await this.audit.record(em, ctx, {
          operation: 'submitMdfClaim',
          entityType: 'MdfClaim',
          entityId: claim.id,
          before: null,
          after: { ...auditable(claim), files: stored.map((f) => f.name), dealIds: (checked.deals ?? []).map((d) => d.id) },
        });
        const reviewers = await this.users.reviewersOf(claim.organisationId, em);
        await this.notify(em, reviewers, 'MDF_CLAIM_SUBMITTED', claim, `MDF claim ${claim.number} (${formatMoneyText(claim.claimedMinor, claim.currency)}) is waiting for review`);
        return claim.id;
      });
      return await this.store.claim(ctx, id);
    } catch (err) {
      await this.removeFiles(stored);
      throw err;
    }
  }

  /** Answers a request for more information: changed figures and optionally more files. */
  async resubmit(ctx: RequestContext, claimId: string, input: Partial<ClaimData> & { comment?: string | null }, files: UploadedProof[]): Promise<ClaimRow> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const claim = await this.store.claim(ctx, claimId);
    nextClaimStatus(claim.status, 'resubmit');
    const request = await this.store.request(ctx, claim.requestId);
    const errors = new FieldErrorCollector();
    const existing = (await this.filesOf([claim.id])).length;
    if (files.length > 0) {
      const fileErrors = validateProofFiles(files.map(candidate));
      delete fileErrors['files'];
      merge(errors, fileErrors);
    }
    if (existing + files.length > MAX_PROOF_FILES) errors.add('files', `A claim has at most ${MAX_PROOF_FILES} proof files (it has ${existing}).`);
    const plain = (minor: bigint | null): string | null => (minor === null ? null : formatPlain(minor, claim.currency));
    const merged: ClaimData = {
      actualCost: input.actualCost ?? plain(claim.actualCostMinor)!,
      claimedAmount: input.claimedAmount ?? plain(claim.claimedMinor)!,
      attendees: input.attendees !== undefined ? input.attendees : claim.attendees,
      leads: input.leads !== undefined ? input.leads : claim.leads,
      opportunities: input.opportunities !== undefined ? input.opportunities : claim.opportunities,
      pipeline: input.pipeline !== undefined ? input.pipeline : plain(claim.pipelineMinor),
      dealIds: input.dealIds,
      notes: input.notes !== undefined ? input.notes : claim.notes,
    };
    const checked = await this.validate(ctx, request, merged, errors);
    errors.throwIfAny('The claim is not valid.');
    const stored = await this.storeFiles(files);
    try {
      await this.store.write(async (em) => {
        const after = await this.store.transitionClaim(em, claim, 'resubmit', {
          actual_cost_minor: checked.actualMinor,
          claimed_minor: checked.claimedMinor,
          attendees: merged.attendees ?? null,
          leads: merged.leads ?? null,
          opportunities: merged.opportunities ?? null,
          pipeline_minor: checked.pipelineMinor,
          notes: merged.notes ?? null,
          last_submitted_at: this.store.now(),
        });
        await this.insertFiles(em, ctx, after, stored);
        if (checked.deals) await this.replaceDeals(em, claim.id, checked.deals);
        const change = checked.claimedMinor - claim.claimedMinor;
        if (change !== 0n) await this.store.moveBalances(em, claim.fundId, { claimed: change });
        await this.store.timeline(em, ctx, { requestId: claim.requestId, claimId: claim.id, kind: 'STATUS', from: claim.status, to: after.status, comment: input.comment ?? null });
        await this.audit.record(em, ctx, {
          operation: 'resubmitMdfClaim',
          entityType: 'MdfClaim',
          entityId: claim.id,
          before: auditable(claim),
          after: { ...auditable(after), addedFiles: stored.map((f) => f.name) },
        });
        const reviewers = await this.users.reviewersOf(claim.organisationId, em);
        await this.notify(em, reviewers, 'MDF_CLAIM_SUBMITTED', after, `MDF claim ${after.number} was resubmitted`, input.comment);
      });
      return await this.store.claim(ctx, claimId);
    } catch (err) {
      await this.removeFiles(stored);
      throw err;
    }
  }

  // ---- manager decisions ----

  /**
   * Approves A ≤ C. In one transaction: the claim (only from SUBMITTED, so a repeated or concurrent
   * approval acts once), the request becomes COMPLETED, and the fund moves claimed −= C,
   * reserved −= X, approved += A.
   */
  async approve(ctx: RequestContext, id: string, amountText?: string | null, comment?: string | null): Promise<ClaimRow> {
    const claim = await this.store.claim(ctx, id);
    const errors = new FieldErrorCollector();
    const approvedMinor = amountText === undefined || amountText === null ? claim.claimedMinor : positiveAmount(amountText, claim.currency, 'amount', errors);
    if (approvedMinor !== null && approvedMinor > claim.claimedMinor) errors.add('amount', `At most the ${formatMoneyText(claim.claimedMinor, claim.currency)} claimed.`);
    errors.throwIfAny('The approval is not valid.');
    await this.store.write(async (em) => {
      const after = await this.store.transitionClaim(em, claim, 'approve', {
        approved_minor: approvedMinor!,
        decided_at: this.store.now(),
        decided_by_user_id: ctx.actor?.userId ?? null,
        decision_comment: comment ?? null,
      });
      const request = await this.store.request(ctx, claim.requestId, em, true);
      const completed = await this.store.transitionRequest(em, request, 'complete');
      await this.store.timeline(em, ctx, { requestId: request.id, claimId: claim.id, kind: 'STATUS', from: claim.status, to: after.status, comment: comment ?? null });
      await this.store.timeline(em, ctx, { requestId: request.id, kind: 'STATUS', from: request.status, to: completed.status });
      await this.audit.record(em, ctx, {
        operation: 'approveMdfClaim',
        entityType: 'MdfClaim',
        entityId: claim.id,
        before: { status: claim.status, approvedMinor: null },
        after: { status: after.status, approvedMinor: approvedMinor!.toString(), comment: comment ?? null },
      });
      await this.audit.record(em, ctx, { operation: 'approveMdfClaim', entityType: 'MdfRequest', entityId: request.id, before: { status: request.status }, after: { status: completed.status } });
      await this.notifyCreator(em, after, `MDF claim ${after.number} is approved for ${formatMoneyText(approvedMinor!, after.currency)}`, comment);
      // Last, as in every decision: the fund row is locked from this update to the commit.
      await this.store.moveBalances(em, claim.fundId, { claimed: -after.claimedMinor, reserved: -request.approvedMinor!, approved: approvedMinor! });
    });
    return this.store.claim(ctx, id);
  }

  reject(ctx: RequestContext, id: string, reason: string): Promise<ClaimRow> {
    return this.decide(ctx, id, 'reject', reason);
  }

  requestInfo(ctx: RequestContext, id: string, comment: string): Promise<ClaimRow> {
    return this.decide(ctx, id, 'requestInfo', comment);
  }

  private async decide(ctx: RequestContext, id: string, action: 'reject' | 'requestInfo', comment: string): Promise<ClaimRow> {
    const claim = await this.store.claim(ctx, id);
    await this.store.write(async (em) => {
      const set = action === 'reject' ? { decided_at: this.store.now(), decided_by_user_id: ctx.actor?.userId ?? null, decision_comment: comment } : { decision_comment: comment };
      const after = await this.store.transitionClaim(em, claim, action, set);
      await this.store.timeline(em, ctx, { requestId: claim.requestId, claimId: claim.id, kind: 'STATUS', from: claim.status, to: after.status, comment });
      await this.audit.record(em, ctx, {
        operation: action === 'reject' ? 'rejectMdfClaim' : 'requestMdfClaimInfo',
        entityType: 'MdfClaim',
        entityId: claim.id,
        before: { status: claim.status },
        after: { status: after.status, comment },
      });
      await this.notifyCreator(em, after, `MDF claim ${after.number} ${action === 'reject' ? 'is rejected' : 'needs more information'}`, comment);
      // A rejected claim no longer waits for review; the request keeps its reservation and may be claimed again.
      if (action === 'reject') await this.store.moveBalances(em, claim.fundId, { claimed: -claim.claimedMinor });
    });
    return this.store.claim(ctx, id);
  }

  /**
   * Marks approved claims paid, once per idempotency key: the payment row is inserted first under a
   * unique key, so a repeated or concurrent call with the same key finds it and changes nothing.
   */
  async markPaid(ctx: RequestContext, input: PaymentData): Promise<PaymentResult> {
    const claimIds = [...new Set(input.claimIds)].sort();
    const errors = new FieldErrorCollector();
    if (claimIds.length === 0) errors.add('claimIds', 'Choose at least one claim.');
    if (!isIsoDate(input.paymentDate)) errors.add('paymentDate', 'Enter a date as YYYY-MM-DD.');
    else if (input.paymentDate > this.store.today()) errors.add('paymentDate', 'The payment date cannot be in the future.');
    errors.throwIfAny('The payment is not valid.');
    const result = await this.store.write(async (em) => {
      const [inserted]: { id: string }[] = await em.query(
        `INSERT INTO mdf_payments (idempotency_key, payment_reference, payment_date, claim_ids, paid_by_user_id, paid_by_api_key_id)
         VALUES ($1, $2, $3, $4::uuid[], $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [input.idempotencyKey, input.paymentReference, input.paymentDate, claimIds, ctx.actor?.userId ?? null, ctx.actor?.apiKeyId ?? null],
      );
      if (!inserted) {
        const [existing]: { id: string; reference: string; date: string; claimIds: string[] }[] = await em.query(
          `SELECT id, payment_reference AS reference, payment_date::text AS date, claim_ids::text[] AS "claimIds" FROM mdf_payments WHERE idempotency_key = $1`,
          [input.idempotencyKey],
        );
        if (!existing || [...existing.claimIds].sort().join() !== claimIds.join()) {
          throw new DomainError('CONFLICT', 'This idempotency key was used for a payment of other claims.', { idempotencyKey: ['Use a new key for a new payment.'] });
        }
        return { paymentId: existing.id, reference: existing.reference, date: existing.date, duplicate: true };
      }
      const claims: ClaimRow[] = (await em.query(`SELECT ${CLAIM_COLUMNS} FROM mdf_claims c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE OF c`, [claimIds])).map(toClaim);
      if (claims.length !== claimIds.length) throw new DomainError('NOT_FOUND', 'MDF claim not found.');
      for (const claim of claims) nextClaimStatus(claim.status, 'pay');
      const now = this.store.now();
      await em.query(`UPDATE mdf_claims SET status = 'PAID', payment_id = $2, paid_at = $3, updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'APPROVED'`, [
        claimIds,
        inserted.id,
        now,
      ]);
      for (const claim of claims) {
        const comment = `Paid ${formatMoneyText(claim.approvedMinor!, claim.currency)} on ${input.paymentDate}, reference ${input.paymentReference}`;
        await this.store.timeline(em, ctx, { requestId: claim.requestId, claimId: claim.id, kind: 'STATUS', from: claim.status, to: 'PAID', comment });
        await this.audit.record(em, ctx, {
          operation: 'markMdfClaimsPaid',
          entityType: 'MdfClaim',
          entityId: claim.id,
          before: { status: claim.status },
          after: { status: 'PAID', paymentId: inserted.id, paymentReference: input.paymentReference, paymentDate: input.paymentDate, idempotencyKey: input.idempotencyKey },
        });
        await this.notifyCreator(em, claim, `MDF claim ${claim.number} is paid`, comment, 'MDF_CLAIM_PAID');
      }
      // The funds last (in a fixed order, so two payments never deadlock): their rows stay locked until the commit.
      const perFund = new Map<string, bigint>();
      for (const claim of claims) perFund.set(claim.fundId, (perFund.get(claim.fundId) ?? 0n) + claim.approvedMinor!);
      for (const fundId of [...perFund.keys()].sort()) {
        const sum = perFund.get(fundId)!;
        await this.store.moveBalances(em, fundId, { approved: -sum, paid: sum });
      }
      return { paymentId: inserted.id, reference: input.paymentReference, date: input.paymentDate, duplicate: false };
    });
    const claims = (await this.store.dataSource.query(`SELECT ${CLAIM_COLUMNS} FROM mdf_claims c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id`, [claimIds])).map(toClaim);
    return {
      paymentId: result.paymentId,
      idempotencyKey: input.idempotencyKey,
      paymentReference: result.reference,
      paymentDate: result.date,
      duplicate: result.duplicate,
      claims,
    };
  }

  // ---- helpers ----

  private assertClaimable(request: RequestRow): void {
    if (request.status !== 'APPROVED') {
      throw new DomainError('CONFLICT', `Claims are made against an approved request; this one is ${request.status.toLowerCase().replace(/_/g, ' ')}.`);
    }
    const deadline = effectiveDeadline(request);
    if (isClaimLate(this.store.today(), deadline)) {
      throw new DomainError(
        'CONFLICT',
        `The claim deadline was ${deadline}; a late claim is accepted only when your channel manager extends the deadline.`,
      );
    }
  }

  private async validate(ctx: RequestContext, request: RequestRow, input: ClaimData, errors: FieldErrorCollector): Promise<CheckedClaim> {
    const currency = request.currency;
    const actualMinor = positiveAmount(input.actualCost, currency, 'actualCost', errors);
    const claimedMinor = positiveAmount(input.claimedAmount, currency, 'claimedAmount', errors);
    const pipelineMinor = input.pipeline === undefined || input.pipeline === null ? null : amount(input.pipeline, currency, 'pipeline', errors);
    if (actualMinor !== null && claimedMinor !== null) {
      const pct = parsePercent(request.cofundingPct);
      const cap = claimCapMinor(actualMinor, request.approvedMinor ?? 0n, pct);
      if (claimedMinor > cap) {
        errors.add(
          'claimedAmount',
          `At most ${formatMoneyText(cap, currency)}: the approved ${formatMoneyText(request.approvedMinor ?? 0n, currency)}, and ${formatPercent(pct)}% of the actual cost, rounded down.`,
        );
      }
    }
    let deals: CheckedClaim['deals'] = null;
    if (input.dealIds !== undefined && input.dealIds !== null) {
      const ids = [...new Set(input.dealIds)];
      if (ids.length > MAX_LINKED_DEALS) errors.add('dealIds', `Link at most ${MAX_LINKED_DEALS} deals.`);
      const found = ids.length ? await this.registrations.byIds(ctx, ids) : [];
      const usable = found.filter((d) => d.organisationId === request.organisationId && d.status === 'WON');
      const missing = ids.filter((id) => !usable.some((d) => d.id === id));
      if (missing.length) errors.add('dealIds', `Link won deals of your organisation only (not: ${missing.join(', ')}).`);
      deals = usable.map((d) => ({ id: d.id, currency: d.currency, wonValueMinor: (d.actualMrrMinor ?? 0n) * 12n + (d.actualOneTimeMinor ?? 0n) }));
    }
    return { actualMinor: actualMinor ?? 0n, claimedMinor: claimedMinor ?? 0n, pipelineMinor, deals };
  }

  private async storeFiles(files: UploadedProof[]): Promise<{ key: string; name: string; contentType: string; size: number }[]> {
    const stored: { key: string; name: string; contentType: string; size: number }[] = [];
    try {
      for (const file of files) {
        const contentType = sniffProofType(file.bytes.subarray(0, PROOF_SNIFF_BYTES))!;
        const key = `${randomUUID()}.${extensionFor(contentType)}`;
        await this.storage.put(key, file.bytes, contentType);
        stored.push({ key, name: file.name, contentType, size: file.bytes.length });
      }
      return stored;
    } catch (err) {
      await this.removeFiles(stored);
      throw err;
    }
  }

  private async removeFiles(stored: { key: string }[]): Promise<void> {
    for (const file of stored) await this.storage.delete(file.key).catch(() => undefined);
  }

  private async insertFiles(em: EntityManager, ctx: RequestContext, claim: ClaimRow, stored: { key: string; name: string; contentType: string; size: number }[]): Promise<void> {
    for (const file of stored) {
      await em.query(
        `INSERT INTO mdf_proof_files (claim_id, organisation_id, storage_key, original_name, content_type, size_bytes, uploaded_by_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [claim.id, claim.organisationId, file.key, file.name, file.contentType, file.size, ctx.actor?.userId ?? null],
      );
    }
  }

  private async replaceDeals(em: EntityManager, claimId: string, deals: { id: string; wonValueMinor: bigint; currency: string }[]): Promise<void> {
    await em.query(`DELETE FROM mdf_claim_deals WHERE claim_id = $1`, [claimId]);
    for (const deal of deals) {
      await em.query(`INSERT INTO mdf_claim_deals (claim_id, registration_id, won_value_minor, currency) VALUES ($1, $2, $3, $4)`, [claimId, deal.id, deal.wonValueMinor.toString(), deal.currency]);
    }
  }

  private async notifyCreator(em: EntityManager, claim: ClaimRow, title: string, body?: string | null, type: NotificationType = 'MDF_CLAIM_DECIDED'): Promise<void> {
    if (claim.createdByUserId) await this.notify(em, [claim.createdByUserId], type, claim, title, body);
  }

  private notify(em: EntityManager, userIds: string[], type: NotificationType, claim: ClaimRow, title: string, body?: string | null): Promise<void> {
    return this.notifications.notify(em, userIds, { type, title, body: body ?? undefined, entityType: 'MdfClaim', entityId: claim.id });
  }
}

const candidate = (file: UploadedProof) => ({ name: file.name, size: file.bytes.length, head: file.bytes.subarray(0, PROOF_SNIFF_BYTES) });

function merge(errors: FieldErrorCollector, fields: FieldErrors): void {
  for (const [field, messages] of Object.entries(fields)) for (const message of messages) errors.add(field, message);
}

const formatPlain = (minor: bigint, currency: string): string => formatMoneyPlain(money(minor, currency));
