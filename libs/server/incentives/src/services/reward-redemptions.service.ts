import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { type Connection, parseCursor, RequestContext, Role, toConnection } from '@prm/server/core';
import { AuditService } from '@prm/server/identity';
import { IncentivesStore } from './incentives-store.service';
import { REDEMPTION_COLUMNS, type RedemptionRow, type RedemptionStatus, REWARD_COLUMNS, type RewardRow, toRedemption, toRewardRow } from './incentives.types';

export interface RedemptionFilter {
  status?: RedemptionStatus;
  organisationId?: string;
}

/**
 * Reward redemptions after the request: the lists (a partner admin the organisation's, a rep their
 * own, vendor staff all) and fulfilment. The lifecycle: REQUESTED (approval needed) → APPROVED or
 * REJECTED; a reward without approval is APPROVED at once; APPROVED → FULFILLED once the vendor has
 * delivered it. Only APPROVED can be fulfilled (a REQUESTED one is approved first).
 */
@Injectable()
export class RewardRedemptionsService {
  constructor(
    private readonly store: IncentivesStore,
    private readonly audit: AuditService,
  ) {}

  /** Redemptions a caller may see: reps their own, partner admins their organisation's, vendor staff all. */
  private scope(ctx: RequestContext, offset: number): { sql: string; params: unknown[] } {
    const org = ctx.partnerScope;
    if (!org) return { sql: 'true', params: [] };
    if (ctx.hasRole(Role.PARTNER_REP)) return { sql: `d.organisation_id = $${offset + 1} AND d.user_id = $${offset + 2}`, params: [org, ctx.actor?.userId ?? null] };
    return { sql: `d.organisation_id = $${offset + 1}`, params: [org] };
  }

  async list(ctx: RequestContext, filter: RedemptionFilter, first: number, after?: string): Promise<Connection<RedemptionRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Organisation');
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = this.scope(ctx, 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.status) where.push(`d.status = ${p(filter.status)}`);
    if (filter.organisationId) where.push(`d.organisation_id = ${p(filter.organisationId)}`);
    if (cursor) where.push(`(d.requested_at, d.id) < (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    const rows = await this.store.dataSource.query(
      `SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions d WHERE ${where.join(' AND ')} ORDER BY d.requested_at DESC, d.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows.map(toRedemption), first, (d: RedemptionRow) => [new Date(d.requestedAt).toISOString(), d.id]);
  }

  /** APPROVED → FULFILLED once (a conditional update, so two at once fulfil it once); anything else is CONFLICT. */
  async fulfil(ctx: RequestContext, id: string): Promise<RedemptionRow> {
    return this.store.write(async (em) => {
      const [updated]: [unknown[], number] = await em.query(
        `UPDATE reward_redemptions SET status = 'FULFILLED', decided_at = COALESCE(decided_at, $2) WHERE id = $1 AND status = 'APPROVED' RETURNING id`,
        [id, this.store.now()],
      );
      if (updated.length === 0) {
        const [exists] = await em.query(`SELECT status FROM reward_redemptions WHERE id = $1`, [id]);
        if (!exists) throw new DomainError('NOT_FOUND', 'Redemption not found.');
        const status = String((exists as { status: string }).status);
        throw new DomainError('CONFLICT', status === 'REQUESTED' ? 'Approve the redemption before fulfilling it.' : `Cannot fulfil a redemption that is ${status.toLowerCase()}.`);
      }
      await this.audit.record(em, ctx, { operation: 'fulfilRewardRedemption', entityType: 'RewardRedemption', entityId: id, before: { status: 'APPROVED' }, after: { status: 'FULFILLED' } });
      const [row] = await em.query(`SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions d WHERE d.id = $1`, [id]);
      return toRedemption(row);
    });
  }

  /** Rewards by id for the redemption lists (any state: a retired reward still names old redemptions). */
  async rewardsByIds(ids: readonly string[]): Promise<RewardRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.store.dataSource.query(`SELECT ${REWARD_COLUMNS} FROM rewards w WHERE w.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toRewardRow);
  }
}
