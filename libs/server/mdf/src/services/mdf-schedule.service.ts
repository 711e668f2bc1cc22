import { Injectable } from '@nestjs/common';
import { availableMinor, EXPIRY_REMINDER_DAYS, expiryRemindersDue, formatMoneyText } from '@prm/domain/mdf';
import { addDays } from '@prm/domain/revenue';
import { RequestContext, Role } from '@prm/server/core';
import { AuditService, UsersService } from '@prm/server/identity';
import { NotificationsService } from '@prm/server/notifications';
import { MdfFundsService } from './mdf-funds.service';
import { MdfStore } from './mdf-store.service';
import { FUND_COLUMNS, type FundRow, toFund } from './mdf.types';

export const MDF_SCHEDULE_JOB = 'mdf-schedule';

export interface ScheduleReport {
  expiredRequests: number;
  expiredFunds: number;
  reminders: number;
  accrualsChanged: number;
}

/**
 * The `mdf-schedule` job: requests whose claim deadline passed without a claim expire and release
 * their reservation; funds past their expiry lapse; partner admins are reminded 30 and 7 days before
 * a fund with money left expires (each reminder once); accrual budgets follow recognised revenue.
 * Every step is a conditional update, so overlapping runs (several workers) act once.
 */
@Injectable()
export class MdfScheduleService {
  constructor(
    private readonly store: MdfStore,
    private readonly funds: MdfFundsService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
  ) {}

  async run(ctx: RequestContext = RequestContext.system('system:mdf-schedule')): Promise<ScheduleReport> {
    const expiredRequests = await this.expireRequests(ctx);
    const expiredFunds = await this.expireFunds(ctx);
    const reminders = await this.remind(ctx);
    const accrualsChanged = await this.funds.recomputeAccruals(ctx);
    return { expiredRequests, expiredFunds, reminders, accrualsChanged };
  }

  private async expireRequests(ctx: RequestContext): Promise<number> {
    const today = this.store.today();
    const due: { id: string }[] = await this.store.dataSource.query(
      `SELECT r.id FROM mdf_requests r WHERE r.status = 'APPROVED' AND COALESCE(r.extended_deadline, r.claim_deadline) < $1
          AND NOT EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r.id AND c.status IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'PAID'))
        ORDER BY r.id`,
      [today],
    );
    let expired = 0;
    for (const { id } of due) {
      const done = await this.store.write(async (em) => {
        const request = await this.store.request(ctx, id, em, true);
        if (request.status !== 'APPROVED' || (request.extendedDeadline ?? request.claimDeadline) >= today) return false;
        const [open] = await em.query(`SELECT 1 FROM mdf_claims WHERE request_id = $1 AND status IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'PAID')`, [id]);
        if (open) return false;
        const after = await this.store.transitionRequest(em, request, 'expire');
        await this.store.moveBalances(em, request.fundId, { reserved: -request.approvedMinor! });
        const comment = `No claim by the deadline (${request.extendedDeadline ?? request.claimDeadline}); ${formatMoneyText(request.approvedMinor!, request.currency)} returned to the fund.`;
        await this.store.timeline(em, ctx, { requestId: id, kind: 'STATUS', from: request.status, to: after.status, comment });
        await this.audit.record(em, ctx, { operation: 'expireMdfRequest', entityType: 'MdfRequest', entityId: id, before: { status: request.status }, after: { status: after.status } });
        if (request.createdByUserId) {
          await this.notifications.notify(em, [request.createdByUserId], { type: 'MDF_REQUEST_DECIDED', title: `MDF request ${request.number} (${request.title}) expired`, body: comment, entityType: 'MdfRequest', entityId: id });
        }
        return true;
      });
      if (done) expired += 1;
    }
    return expired;
  }

  private async expireFunds(ctx: RequestContext): Promise<number> {
    const today = this.store.today();
    const due: { id: string }[] = await this.store.dataSource.query(`SELECT id FROM mdf_funds WHERE status = 'OPEN' AND expires_on < $1 ORDER BY id`, [today]);
    let expired = 0;
    for (const { id } of due) {
      const done = await this.store.write(async (em) => {
        const [rows] = await em.query(
          `UPDATE mdf_funds f SET status = 'EXPIRED', expired_at = $2, lapsed_minor = budget_minor - reserved_minor - approved_minor - paid_minor, updated_at = now()
            WHERE f.id = $1 AND f.status = 'OPEN' RETURNING ${FUND_COLUMNS}`,
          [id, this.store.now()],
        );
        if (rows.length === 0) return false;
        const fund = toFund(rows[0]);
        await this.audit.record(em, ctx, {
          operation: 'expireMdfFund',
          entityType: 'MdfFund',
          entityId: id,
          before: { status: 'OPEN' },
          after: { status: 'EXPIRED', lapsedMinor: (fund.lapsedMinor ?? 0n).toString() },
        });
        return true;
      });
      if (done) expired += 1;
    }
    return expired;
  }

  /** Reminders to the partner's admins; a run that finds both due (it missed days) sends the nearer one and records both. */
  private async remind(ctx: RequestContext): Promise<number> {
    const today = this.store.today();
    const horizon = addDays(today, Math.max(...EXPIRY_REMINDER_DAYS));
    const funds: FundRow[] = (
      await this.store.dataSource.query(
        `SELECT ${FUND_COLUMNS} FROM mdf_funds f WHERE f.status = 'OPEN' AND f.expires_on BETWEEN $1 AND $2
            AND f.budget_minor - f.reserved_minor - f.approved_minor - f.paid_minor > 0 ORDER BY f.id`,
        [today, horizon],
      )
    ).map(toFund);
    let sent = 0;
    for (const fund of funds) {
      const already: { days: number }[] = await this.store.dataSource.query(`SELECT days_before AS days FROM mdf_fund_reminders WHERE fund_id = $1`, [fund.id]);
      const due = expiryRemindersDue(fund.expiresOn, today, already.map((r) => Number(r.days)));
      if (due.length === 0) continue;
      const admins = await this.partnerAdmins(fund.organisationId);
      const done = await this.store.write(async (em) => {
        const rows: { days_before: number }[] = await em.query(
          `INSERT INTO mdf_fund_reminders (fund_id, days_before, sent_at) SELECT $1, unnest($2::int[]), $3 ON CONFLICT DO NOTHING RETURNING days_before`,
          [fund.id, due, this.store.now()],
        );
        if (rows.length === 0) return false;
        const title = `${formatMoneyText(availableMinor(fund), fund.currency)} of MDF expires on ${fund.expiresOn}`;
        await this.notifications.notify(em, admins, {
          type: 'MDF_FUND_EXPIRING',
          title,
          body: 'Unused market development funds are lost when the fund expires. Submit requests and claims before then.',
          entityType: 'MdfFund',
          entityId: fund.id,
        });
        await this.audit.record(em, ctx, { operation: 'remindMdfFundExpiry', entityType: 'MdfFund', entityId: fund.id, before: null, after: { daysBefore: rows.map((r) => Number(r.days_before)), recipients: admins.length } });
        return true;
      });
      if (done) sent += 1;
    }
    return sent;
  }

  private async partnerAdmins(organisationId: string): Promise<string[]> {
    const ids = await this.users.activeUserIdsOf(organisationId);
    const users = await this.users.byIds(RequestContext.system(), ids);
    return users.filter((u) => u.role === Role.PARTNER_ADMIN).map((u) => u.id);
  }
}
