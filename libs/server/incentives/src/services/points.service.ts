import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { applyRedemption, DEFAULT_POINTS_EXPIRY_MONTHS, expirePoints, type PointsEntry } from '@prm/domain/incentives';
import { type Connection, parseCursor, pgCode, RequestContext, Role, toConnection } from '@prm/server/core';
import { AuditService, UsersService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import type { EntityManager } from 'typeorm';
import { IncentivesStore } from './incentives-store.service';
import {
  ACCOUNT_COLUMNS,
  ENTRY_COLUMNS,
  type PointsEntryRow,
  REDEMPTION_COLUMNS,
  type RedemptionRow,
  REWARD_COLUMNS,
  type RewardKind,
  type RewardRow,
  toAccount,
  toEntry,
  toRedemption,
  toRewardRow,
} from './incentives.types';

const NO_USER = '00000000-0000-0000-0000-000000000000';

export interface WalletRef {
  organisationId: string;
  /** null: the organisation's own wallet (rebates paid in points). */
  userId: string | null;
}

export interface WalletArgs {
  organisationId?: string | null;
  userId?: string | null;
  organisationWallet?: boolean | null;
}

export interface CreateRewardData {
  name: string;
  kind: RewardKind;
  pointsPrice: number;
  stock?: number | null;
  eligibleTierIds?: string[] | null;
  requiresApproval?: boolean | null;
}

/**
 * The points ledger and the rewards catalogue. A wallet's balance row is moved only by conditional
 * UPDATEs (`balance >= price`) in the same transaction as its entry, so concurrent redemptions never
 * overdraw it; reward stock is taken the same way; CHECK constraints are the backstop.
 */
@Injectable()
export class PointsService {
  constructor(
    private readonly store: IncentivesStore,
    private readonly audit: AuditService,
    private readonly programs: ProgramsService,
    private readonly users: UsersService,
  ) {}

  /** Which wallet a caller means: a rep only their own; a partner admin their own, a colleague's or the organisation's; vendor staff any, naming the organisation. */
  async wallet(ctx: RequestContext, args: WalletArgs): Promise<WalletRef> {
    const wallet = this.walletOf(ctx, args);
    // A named person must belong to the organisation; anyone else's id is not found.
    if (args.userId && wallet.userId) {
      const [user] = await this.users.byIds(RequestContext.system(), [wallet.userId]);
      if (!user || user.organisationId !== wallet.organisationId) throw new DomainError('NOT_FOUND', 'Points account not found.');
    }
    return wallet;
  }

  private walletOf(ctx: RequestContext, args: WalletArgs): WalletRef {
    const actor = ctx.requireActor();
    const org = ctx.partnerScope;
    if (org) {
      if (args.organisationId && args.organisationId !== org) throw new DomainError('NOT_FOUND', 'Points account not found.');
      if (ctx.hasRole(Role.PARTNER_REP)) {
        if (args.organisationWallet || (args.userId && args.userId !== actor.userId)) throw new DomainError('NOT_FOUND', 'Points account not found.');
        return { organisationId: org, userId: actor.userId };
      }
      return { organisationId: org, userId: args.organisationWallet ? null : (args.userId ?? actor.userId) };
    }
    if (!args.organisationId) throw new DomainError('BAD_USER_INPUT', 'Name the partner.', { organisationId: ['Choose the partner whose points to show.'] });
    return { organisationId: args.organisationId, userId: args.organisationWallet ? null : (args.userId ?? null) };
  }

  async balance(wallet: WalletRef, em?: EntityManager): Promise<bigint> {
    const [row] = await this.store.q(em).query(
      `SELECT ${ACCOUNT_COLUMNS} FROM points_accounts a WHERE a.organisation_id = $1 AND COALESCE(a.user_id, $3::uuid) = COALESCE($2::uuid, $3::uuid)`,
      [wallet.organisationId, wallet.userId, NO_USER],
    );
    return row ? toAccount(row).balance : 0n;
  }

  async entries(wallet: WalletRef, first: number, after?: string): Promise<Connection<PointsEntryRow>> {
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const params: unknown[] = [wallet.organisationId, wallet.userId, NO_USER];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where = [`a.organisation_id = $1`, `COALESCE(a.user_id, $3::uuid) = COALESCE($2::uuid, $3::uuid)`];
    if (cursor) where.push(`(e.at, e.id) < (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    const rows = await this.store.dataSource.query(
      `SELECT ${ENTRY_COLUMNS} FROM points_entries e JOIN points_accounts a ON a.id = e.account_id WHERE ${where.join(' AND ')} ORDER BY e.at DESC, e.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows.map(toEntry), first, (e: PointsEntryRow) => [new Date(e.at).toISOString(), e.id]);
  }

  /** The wallet's account row, created on first use. */
  async account(em: EntityManager, wallet: WalletRef): Promise<string> {
    await em.query(`INSERT INTO points_accounts (organisation_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [wallet.organisationId, wallet.userId]);
    const [row] = await em.query(`SELECT a.id FROM points_accounts a WHERE a.organisation_id = $1 AND COALESCE(a.user_id, $3::uuid) = COALESCE($2::uuid, $3::uuid)`, [
      wallet.organisationId,
      wallet.userId,
      NO_USER,
    ]);
    return (row as { id: string }).id;
  }

  /** An EARN entry and the balance it adds, once per source. */
  async earn(em: EntityManager, organisationId: string, userId: string | null, points: bigint, sourceType: string, sourceId: string): Promise<void> {
    const accountId = await this.account(em, { organisationId, userId });
    const rows: unknown[] = await em.query(
      `INSERT INTO points_entries (account_id, kind, counter_account, amount, source_type, source_id, at) VALUES ($1, 'EARN', 'ISSUED', $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [accountId, points.toString(), sourceType, sourceId, this.store.now()],
    );
    if (rows.length > 0) await em.query(`UPDATE points_accounts SET balance = balance + $2, updated_at = $3 WHERE id = $1`, [accountId, points.toString(), this.store.now()]);
  }

  // ---- expiry ----

  /**
   * Expires, per wallet, what is left of points earned `months` or more ago (FIFO, the domain's
   * `expirePoints`): one EXPIRE entry per lot, once (unique per lot), under the account's row lock so a
   * concurrent redemption is serialised with it. Returns the number of entries written.
   */
  async expire(months = DEFAULT_POINTS_EXPIRY_MONTHS): Promise<number> {
    const asOf = this.store.today();
    const accounts: { id: string }[] = await this.store.dataSource.query(`SELECT id FROM points_accounts WHERE balance > 0 ORDER BY id`);
    let written = 0;
    for (const { id } of accounts) {
      written += await this.store.write(async (em) => {
        await em.query(`SELECT id FROM points_accounts WHERE id = $1 FOR UPDATE`, [id]);
        const rows: PointsEntryRow[] = (await em.query(`SELECT ${ENTRY_COLUMNS} FROM points_entries e WHERE e.account_id = $1`, [id])).map(toEntry);
        // Append order; entries of one instant: earnings before what uses them.
        const rank = { EARN: 0, ADJUST: 1, REDEEM: 2, EXPIRE: 3 } as const;
        rows.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || rank[a.kind] - rank[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const entries: PointsEntry[] = rows.map((e) => ({
          id: e.id,
          kind: e.kind,
          points: e.amount,
          on: new Date(e.at).toISOString().slice(0, 10),
          lotId: e.kind === 'EXPIRE' ? e.sourceId : null,
        }));
        let n = 0;
        for (const expiry of expirePoints(entries, asOf, months)) {
          const inserted: unknown[] = await em.query(
            `INSERT INTO points_entries (account_id, kind, counter_account, amount, source_type, source_id, at) VALUES ($1, 'EXPIRE', 'EXPIRED', $2, 'POINTS_LOT', $3, $4)
             ON CONFLICT DO NOTHING RETURNING id`,
            [id, expiry.points.toString(), expiry.lotId, this.store.now()],
          );
          if (inserted.length === 0) continue;
          await em.query(`UPDATE points_accounts SET balance = balance + $2, updated_at = $3 WHERE id = $1`, [id, expiry.points.toString(), this.store.now()]);
          n += 1;
        }
        return n;
      });
    }
    return written;
  }

  // ---- rewards ----

  async rewards(ctx: RequestContext, first: number, after?: string): Promise<Connection<RewardRow>> {
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where = [ctx.partnerScope ? 'w.active' : 'true'];
    if (cursor) where.push(`(w.created_at, w.id) < (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    const rows = await this.store.dataSource.query(`SELECT ${REWARD_COLUMNS} FROM rewards w WHERE ${where.join(' AND ')} ORDER BY w.created_at DESC, w.id DESC LIMIT ${p(first + 1)}`, params);
    return toConnection(rows.map(toRewardRow), first, (w: RewardRow) => [new Date(w.createdAt).toISOString(), w.id]);
  }

  async createReward(ctx: RequestContext, input: CreateRewardData): Promise<RewardRow> {
    const tierIds = [...new Set(input.eligibleTierIds ?? [])];
    if (tierIds.length > 0 && (await this.programs.tiersByIds(tierIds)).length !== tierIds.length) {
      throw new DomainError('BAD_USER_INPUT', 'The reward is not valid.', { eligibleTierIds: ['Some of these tiers do not exist.'] });
    }
    return this.store.write(async (em) => {
      const [row] = await em.query(
        `INSERT INTO rewards (name, kind, points_price, stock, eligible_tier_ids, requires_approval, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${REWARD_COLUMNS.replace(/w\./g, '')}`,
        [input.name, input.kind, input.pointsPrice, input.stock ?? null, tierIds, input.requiresApproval ?? false, this.store.now()],
      );
      const reward = toRewardRow(row);
      await this.audit.record(em, ctx, {
        operation: 'createReward',
        entityType: 'Reward',
        entityId: reward.id,
        before: null,
        after: { name: input.name, kind: input.kind, pointsPrice: input.pointsPrice, stock: input.stock ?? null },
      });
      return reward;
    });
  }

  /** Takes one unit of stock and the price from the caller's wallet in one transaction; either both happen or neither. */
  async redeem(ctx: RequestContext, rewardId: string, organisationWallet: boolean): Promise<RedemptionRow> {
    const wallet = this.walletOf(ctx, { organisationWallet });
    const [found] = await this.store.dataSource.query(`SELECT ${REWARD_COLUMNS} FROM rewards w WHERE w.id = $1 AND w.active`, [rewardId]);
    if (!found) throw new DomainError('NOT_FOUND', 'Reward not found.');
    const reward = toRewardRow(found);
    if (reward.eligibleTierIds.length > 0) {
      const tiers = (await this.programs.enrolmentsOf(RequestContext.system(), [wallet.organisationId])).map((e) => e.tierId);
      if (!tiers.some((t) => reward.eligibleTierIds.includes(t))) throw new DomainError('CONFLICT', 'Your tier is not eligible for this reward.');
    }
    return this.store.write(async (em) => {
      const [taken] = await em.query(`UPDATE rewards SET stock = stock - 1 WHERE id = $1 AND (stock IS NULL OR stock > 0) RETURNING id`, [rewardId]);
      if (taken.length === 0) throw new DomainError('CONFLICT', 'This reward is out of stock.');
      const accountId = await this.account(em, wallet);
      let paid: Record<string, unknown>[];
      try {
        [paid] = await em.query(`UPDATE points_accounts SET balance = balance - $2, updated_at = $3 WHERE id = $1 AND balance >= $2 RETURNING balance`, [
          accountId,
          reward.pointsPrice.toString(),
          this.store.now(),
        ]);
      } catch (err) {
        if (pgCode(err) === '23514') throw new DomainError('CONFLICT', 'Not enough points.');
        throw err;
      }
      if (paid.length === 0) {
        // The domain's message, with the balance as it is now.
        applyRedemption(await this.balance(wallet, em), reward.pointsPrice);
        throw new DomainError('CONFLICT', 'Not enough points.');
      }
      const status = reward.requiresApproval ? 'REQUESTED' : 'APPROVED';
      const [row] = await em.query(
        `INSERT INTO reward_redemptions (reward_id, account_id, organisation_id, user_id, points, status, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [rewardId, accountId, wallet.organisationId, wallet.userId, reward.pointsPrice.toString(), status, this.store.now()],
      );
      const id = (row as { id: string }).id;
      await em.query(
        `INSERT INTO points_entries (account_id, kind, counter_account, amount, source_type, source_id, at) VALUES ($1, 'REDEEM', 'REDEEMED', $2, 'REWARD_REDEMPTION', $3, $4)`,
        [accountId, (-reward.pointsPrice).toString(), id, this.store.now()],
      );
      await this.audit.record(em, ctx, { operation: 'redeemReward', entityType: 'RewardRedemption', entityId: id, before: null, after: { rewardId, points: reward.pointsPrice.toString(), status } });
      return this.redemption(em, id);
    });
  }

  async approveRedemption(ctx: RequestContext, id: string): Promise<RedemptionRow> {
    return this.store.write(async (em) => {
      const [rows] = await em.query(`UPDATE reward_redemptions SET status = 'APPROVED', decided_at = $2, decided_by_user_id = $3 WHERE id = $1 AND status = 'REQUESTED' RETURNING id`, [
        id,
        this.store.now(),
        ctx.actor?.userId ?? null,
      ]);
      if (rows.length === 0) {
        const [exists] = await em.query(`SELECT status FROM reward_redemptions WHERE id = $1`, [id]);
        if (!exists) throw new DomainError('NOT_FOUND', 'Redemption not found.');
        throw new DomainError('CONFLICT', `Cannot approve a redemption that is ${String((exists as { status: string }).status).toLowerCase()}.`);
      }
      await this.audit.record(em, ctx, { operation: 'approveRewardRedemption', entityType: 'RewardRedemption', entityId: id, before: { status: 'REQUESTED' }, after: { status: 'APPROVED' } });
      return this.redemption(em, id);
    });
  }

  /** REQUESTED → REJECTED once; the points go back to the wallet (an ADJUST entry) and the unit back to stock. */
  async rejectRedemption(ctx: RequestContext, id: string, reason: string): Promise<RedemptionRow> {
    return this.store.write(async (em) => {
      const [rows] = await em.query(
        `UPDATE reward_redemptions SET status = 'REJECTED', decided_at = $2, decided_by_user_id = $3 WHERE id = $1 AND status = 'REQUESTED' RETURNING ${REDEMPTION_COLUMNS.replace(/d\./g, '')}`,
        [id, this.store.now(), ctx.actor?.userId ?? null],
      );
      if (rows.length === 0) {
        const [exists] = await em.query(`SELECT status FROM reward_redemptions WHERE id = $1`, [id]);
        if (!exists) throw new DomainError('NOT_FOUND', 'Redemption not found.');
        throw new DomainError('CONFLICT', `Cannot reject a redemption that is ${String((exists as { status: string }).status).toLowerCase()}.`);
      }
      const redemption = toRedemption(rows[0]);
      await em.query(
        `INSERT INTO points_entries (account_id, kind, counter_account, amount, source_type, source_id, at) VALUES ($1, 'ADJUST', 'ADJUSTMENTS', $2, 'REWARD_REDEMPTION_REFUND', $3, $4)`,
        [redemption.accountId, redemption.points.toString(), id, this.store.now()],
      );
      await em.query(`UPDATE points_accounts SET balance = balance + $2, updated_at = $3 WHERE id = $1`, [redemption.accountId, redemption.points.toString(), this.store.now()]);
      await em.query(`UPDATE rewards SET stock = stock + 1 WHERE id = $1 AND stock IS NOT NULL`, [redemption.rewardId]);
      await this.audit.record(em, ctx, {
        operation: 'rejectRewardRedemption',
        entityType: 'RewardRedemption',
        entityId: id,
        before: { status: 'REQUESTED' },
        after: { status: 'REJECTED', reason, refundedPoints: redemption.points.toString() },
      });
      return this.redemption(em, id);
    });
  }

  private async redemption(em: EntityManager, id: string): Promise<RedemptionRow> {
    const [row] = await em.query(`SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions d WHERE d.id = $1`, [id]);
    return toRedemption(row);
  }
}
