import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { isWithinClawbackWindow, type Period, periodOf, referralCommission } from '@prm/domain/incentives';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { addMonths, daysBetween, monthOf } from '@prm/domain/revenue';
import { type Connection, parseCursor, pgCode, RequestContext, Role, toConnection } from '@prm/server/core';
import { AuditService, OrganisationsService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import { RevenueFactsService } from '@prm/server/revenue';
import { type DesiredLine, IncentiveAccrualsService, type IncentiveSource, versionFor } from './incentive-accruals.service';
import { IncentivesStore } from './incentives-store.service';
import { percentUnits, type PlanRow, type VersionRow } from './incentives.types';
import { planPartners, planPeriods } from './incentive-facts.helpers';

export interface ReferralLinkRow {
  id: string;
  organisationId: string;
  code: string;
  active: boolean;
  createdAt: Date;
  signupCount: number;
}

export interface ReferralSignupRow {
  id: string;
  linkId: string;
  organisationId: string;
  prospectName: string;
  prospectEmail: string;
  company: string;
  signedUpAt: Date;
  customerId: string | null;
  customerName: string | null;
  organisationName: string | null;
  linkedAt: Date | null;
}

/** Sign-ups one address may make through the public form per hour. */
export const SIGNUPS_PER_IP_PER_HOUR = 20;

const LINK_COLUMNS = `k.id, k.organisation_id AS "organisationId", k.code, k.active, k.created_at AS "createdAt",
  (SELECT count(*)::int FROM referral_signups s WHERE s.link_id = k.id) AS "signupCount"`;
const SIGNUP_COLUMNS = `s.id, s.link_id AS "linkId", s.organisation_id AS "organisationId", s.prospect_name AS "prospectName", s.prospect_email AS "prospectEmail",
  s.company, s.signed_up_at AS "signedUpAt", s.customer_id AS "customerId", s.linked_at AS "linkedAt"`;

/**
 * Referral links and sign-ups, and the REFERRAL plan source: a linked sign-up makes its customer's MRR
 * commissionable for the referring partner, one line per month (REFERRAL_MRR) for N months or the lifetime.
 */
@Injectable()
export class ReferralService implements IncentiveSource, OnModuleInit {
  readonly kind = 'REFERRAL' as const;

  constructor(
    private readonly store: IncentivesStore,
    private readonly audit: AuditService,
    private readonly accruals: IncentiveAccrualsService,
    private readonly facts: RevenueFactsService,
    private readonly programs: ProgramsService,
    private readonly organisations: OrganisationsService,
  ) {}

  onModuleInit(): void {
    this.accruals.registerSource(this);
  }

  // ---- links ----

  /** The partner's active link (partners: their own; vendor staff name the partner), or null. */
  async link(ctx: RequestContext, organisationIdArg?: string | null): Promise<ReferralLinkRow | null> {
    return (await this.linkStatus(ctx, organisationIdArg)).link;
  }

  async linkStatus(ctx: RequestContext, organisationIdArg?: string | null): Promise<{ organisationId: string; link: ReferralLinkRow | null }> {
    if (organisationIdArg) ctx.assertCanSeeOrganisation(organisationIdArg, 'Organisation');
    const organisationId = ctx.partnerScope ?? organisationIdArg;
    if (!organisationId) throw new DomainError('BAD_USER_INPUT', 'Name the partner.', { organisationId: ['Choose the partner whose referral link to show.'] });
    const [row] = await this.store.dataSource.query(`SELECT ${LINK_COLUMNS} FROM referral_links k WHERE k.organisation_id = $1 AND k.active`, [organisationId]);
    return { organisationId, link: (row as ReferralLinkRow | undefined) ?? null };
  }

  /** The caller's organisation gets its link; asking again returns the same link. */
  async createLink(ctx: RequestContext): Promise<ReferralLinkRow> {
    const organisationId = ctx.partnerScope;
    if (!organisationId || !ctx.hasRole(Role.PARTNER_ADMIN)) throw new DomainError('FORBIDDEN', 'Only a partner admin creates the partner’s referral link.');
    const existing = await this.link(ctx);
    if (existing) return existing;
    try {
      await this.store.write(async (em) => {
        const [row] = await em.query(`INSERT INTO referral_links (organisation_id, code, created_at, created_by_user_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
          organisationId,
          randomBytes(9).toString('base64url'),
          this.store.now(),
          ctx.actor?.userId ?? null,
        ]);
        await this.audit.record(em, ctx, { operation: 'createReferralLink', entityType: 'ReferralLink', entityId: (row as { id: string }).id, before: null, after: { organisationId } });
      });
    } catch (err) {
      // A concurrent first call made it: the one active link per partner is unique.
      if (pgCode(err) !== '23505') throw err;
    }
    return (await this.link(ctx)) as ReferralLinkRow;
  }

  // ---- sign-ups ----

  /** The public form: a sign-up through an active link's code, attributed to the link's partner. */
  async signUp(code: string, body: { name: string; email: string; company: string }, clientIp: string | null): Promise<{ id: string }> {
    const [link] = (await this.store.dataSource.query(`SELECT id, organisation_id AS "organisationId" FROM referral_links WHERE code = $1 AND active`, [code])) as { id: string; organisationId: string }[];
    if (!link) throw new DomainError('NOT_FOUND', 'This referral link does not exist or is no longer active.');
    const now = this.store.now();
    if (clientIp) {
      const [recent] = await this.store.dataSource.query(`SELECT count(*)::int AS n FROM referral_signups WHERE client_ip = $1 AND signed_up_at > $2 AND signed_up_at <= $3`, [clientIp, new Date(now.getTime() - 3_600_000), now]);
      if ((recent as { n: number }).n >= SIGNUPS_PER_IP_PER_HOUR) throw new DomainError('RATE_LIMITED', 'Too many sign-ups from this address; try again in an hour.');
    }
    return this.store.write(async (em) => {
      const [row] = await em.query(
        `INSERT INTO referral_signups (link_id, organisation_id, prospect_name, prospect_email, company, signed_up_at, client_ip) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [link.id, link.organisationId, body.name, body.email, body.company, now, clientIp],
      );
      const id = (row as { id: string }).id;
      await this.audit.record(em, RequestContext.system('public:referral-signup'), {
        operation: 'referralSignup',
        entityType: 'ReferralSignup',
        entityId: id,
        before: null,
        after: { linkId: link.id, organisationId: link.organisationId, company: body.company },
      });
      return { id };
    });
  }

  async signups(ctx: RequestContext, filter: { organisationId?: string; linked?: boolean }, first: number, after?: string): Promise<Connection<ReferralSignupRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Organisation');
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where = ['true'];
    const org = ctx.partnerScope ?? filter.organisationId;
    if (org) where.push(`s.organisation_id = ${p(org)}`);
    if (filter.linked !== undefined && filter.linked !== null) where.push(filter.linked ? 's.customer_id IS NOT NULL' : 's.customer_id IS NULL');
    if (cursor) where.push(`(s.signed_up_at, s.id) < (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    const rows: ReferralSignupRow[] = await this.store.dataSource.query(
      `SELECT ${SIGNUP_COLUMNS} FROM referral_signups s WHERE ${where.join(' AND ')} ORDER BY s.signed_up_at DESC, s.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(await this.withNames(ctx, rows), first, (r) => [new Date(r.signedUpAt).toISOString(), r.id]);
  }

  /** Customer and partner names through their own contexts (one query each for the page). */
  private async withNames(ctx: RequestContext, rows: ReferralSignupRow[]): Promise<ReferralSignupRow[]> {
    const customers = new Map((await this.facts.customersByIds([...new Set(rows.flatMap((r) => (r.customerId ? [r.customerId] : [])))])).map((c) => [c.id, c.name]));
    const orgs = new Map((await this.organisations.byIds(ctx, [...new Set(rows.map((r) => r.organisationId))])).map((o) => [o.id, o.name]));
    return rows.map((r) => ({ ...r, customerName: r.customerId ? (customers.get(r.customerId) ?? null) : null, organisationName: orgs.get(r.organisationId) ?? null }));
  }

  private async signup(ctx: RequestContext, id: string): Promise<ReferralSignupRow | null> {
    const rows: ReferralSignupRow[] = await this.store.dataSource.query(`SELECT ${SIGNUP_COLUMNS} FROM referral_signups s WHERE s.id = $1`, [id]);
    return (await this.withNames(ctx, rows))[0] ?? null;
  }

  /** Vendor staff link a sign-up to the revenue customer it became; linking again to the same customer changes nothing. */
  async linkSignup(ctx: RequestContext, signupId: string, customerId: string): Promise<ReferralSignupRow> {
    const signup = await this.signup(ctx, signupId);
    if (!signup) throw new DomainError('NOT_FOUND', 'Referral sign-up not found.');
    if ((await this.facts.customersByIds([customerId])).length === 0) throw new DomainError('NOT_FOUND', 'Customer not found.');
    if (signup.customerId === customerId) return signup;
    if (signup.customerId) throw new DomainError('CONFLICT', `This sign-up is already linked to ${signup.customerName ?? 'another customer'}.`);
    try {
      await this.store.write(async (em) => {
        const rows: unknown[] = await em.query(`UPDATE referral_signups SET customer_id = $2, linked_at = $3, linked_by_user_id = $4 WHERE id = $1 AND customer_id IS NULL RETURNING id`, [
          signupId,
          customerId,
          this.store.now(),
          ctx.actor?.userId ?? null,
        ]);
        if (rows.length === 0) throw new DomainError('CONFLICT', 'This sign-up was linked to a customer meanwhile.');
        await this.audit.record(em, ctx, { operation: 'linkReferralSignup', entityType: 'ReferralSignup', entityId: signupId, before: { customerId: null }, after: { customerId } });
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', 'This customer is already linked to another referral sign-up.');
      throw err;
    }
    return (await this.signup(ctx, signupId)) as ReferralSignupRow;
  }

  // ---- the REFERRAL plan source ----

  /** Per linked sign-up and month of its customer's MRR (base currency): rate × MRR for the version in force that month. */
  async desired(plan: PlanRow, versions: VersionRow[], upTo: Period): Promise<DesiredLine[]> {
    const periods = planPeriods(plan, versions, upTo);
    if (periods.length === 0) return [];
    const today = this.store.today();
    const lastMonth = monthOf(upTo.end < today ? upTo.end : today);
    const linked: { customerId: string; organisationId: string; signedUpOn: string }[] = await this.store.dataSource.query(
      `SELECT s.customer_id AS "customerId", s.organisation_id AS "organisationId", to_char(s.signed_up_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "signedUpOn"
         FROM referral_signups s WHERE s.customer_id IS NOT NULL ORDER BY s.customer_id`,
    );
    const names = new Map((await this.facts.customersByIds(linked.map((s) => s.customerId))).map((c) => [c.id, c.name]));
    const signups = linked.map((s) => ({ ...s, customerName: names.get(s.customerId) ?? s.customerId }));
    const partners = await planPartners(this.programs, plan, signups.map((s) => s.organisationId));
    const mine = signups.filter((s) => partners.has(s.organisationId));
    const series = await this.facts.customerMonthlyMrr(mine.map((s) => s.customerId), lastMonth);
    const earliest = mine.reduce((min, s) => (s.signedUpOn < min ? s.signedUpOn : min), today);
    const churns = mine.length === 0 ? [] : await this.facts.movementsBetween(['CHURN'], earliest, today, mine.map((s) => s.customerId));
    const cur = plan.currency;
    const out: DesiredLine[] = [];
    for (const s of mine) {
      const months = series.filter((p) => p.customerId === s.customerId).map((p) => ({ month: p.month, mrrMinor: p.mrrMinor }));
      const lines: DesiredLine[] = [];
      for (const version of versions) {
        if (version.rules.kind !== 'REFERRAL') continue;
        const rules = version.rules;
        for (const line of referralCommission(months, { attributionStart: s.signedUpOn, ratePct: percentUnits(rules.ratePct), months: rules.months })) {
          if (versionFor(versions, periodOf(line.month, plan.periodKind).start)?.id !== version.id) continue;
          const of = rules.months === null ? 'lifetime' : `of ${rules.months}`;
          lines.push({
            planVersionId: version.id,
            organisationId: s.organisationId,
            userId: null,
            rule: 'REFERRAL',
            eventDate: line.month,
            sourceType: 'REFERRAL_MRR',
            sourceId: `${s.customerId}:${line.month.slice(0, 7)}`,
            sourceLabel: `Referral of ${s.customerName} (signed up ${s.signedUpOn}), ${line.month.slice(0, 7)}: month ${line.monthNumber} ${of}, MRR ${cur} ${formatMoneyPlain(money(line.baseMinor, cur))}`,
            baseMinor: line.baseMinor,
            ratePct: line.ratePct,
            amountMinor: line.amountMinor,
            cappedBy: null,
          });
        }
      }
      // A referred customer churning 0..n days after signing up (n: the version in force at the churn): every
      // commission month from the sign-up on is reversed, so whatever was booked for it is clawed back.
      const churn = churns.find((c) => {
        const v = versionFor(versions, periodOf(c.date, plan.periodKind).start);
        const days = v?.rules.kind === 'REFERRAL' ? v.rules.clawbackDays : null;
        return c.customerId === s.customerId && days !== null && isWithinClawbackWindow(s.signedUpOn, c.date, days);
      });
      if (churn) {
        const v = versionFor(versions, periodOf(churn.date, plan.periodKind).start);
        const days = v?.rules.kind === 'REFERRAL' ? v.rules.clawbackDays : null;
        const reason = `${s.customerName} churned on ${churn.date}, ${daysBetween(s.signedUpOn, churn.date)} days after signing up (clawback window ${days} days).`;
        // This plan's reversal of every commission month from the sign-up on, also months that no longer pay (after
        // the churn) but were booked before it: nothing is written here, so a preview writes nothing either.
        const reversal = { reason, on: churn.date };
        const byMonth = new Map(lines.map((l) => [l.sourceId, l]));
        for (let month = monthOf(s.signedUpOn); month <= lastMonth; month = addMonths(month, 1)) {
          const sourceId = `${s.customerId}:${month.slice(0, 7)}`;
          const line = byMonth.get(sourceId);
          if (line) {
            line.reversal = reversal;
            continue;
          }
          const version = versionFor(versions, periodOf(month, plan.periodKind).start);
          if (!version) continue;
          lines.push({
            planVersionId: version.id,
            organisationId: s.organisationId,
            userId: null,
            rule: 'REFERRAL',
            eventDate: month,
            sourceType: 'REFERRAL_MRR',
            sourceId,
            sourceLabel: `Referral of ${s.customerName} (signed up ${s.signedUpOn}), ${month.slice(0, 7)}`,
            baseMinor: null,
            ratePct: null,
            amountMinor: 0n,
            cappedBy: null,
            reversal,
          });
        }
      }
      out.push(...lines);
    }
    return out;
  }
}
