import { Injectable } from '@nestjs/common';
import { DomainError, normaliseDomain, normaliseEmail } from '@prm/domain/common';
import { type LeadCandidate, leadRespondBy, normaliseCompanyName, routeLead } from '@prm/domain/deals';
import { parseMoney } from '@prm/domain/money';
import { AppConfig, Clock, type Connection, type CsvRowError, parseCursor, readCsv, RequestContext, Role, toConnection } from '@prm/server/core';
import { AuditService, OrganisationsService, UsersService } from '@prm/server/identity';
import { NotificationsService } from '@prm/server/notifications';
import { ProgramsService } from '@prm/server/programs';
import { isISO31661Alpha2 } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { DealEventEntity, DealRegistrationEntity } from '../entities/deals.entities';
import { DealSetupService } from './deal-setup.service';

export type LeadStatusValue = 'OPEN' | 'ASSIGNED' | 'ACCEPTED' | 'CLOSED';
export type AssignmentOutcome = 'ACCEPTED' | 'DECLINED' | 'LAPSED' | 'WITHDRAWN';

export interface Lead {
  id: string;
  number: number;
  status: LeadStatusValue;
  companyName: string;
  domain: string | null;
  country: string;
  city: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  programId: string | null;
  productIds: string[];
  currency: string;
  estimatedMrrMinor: bigint;
  notes: string | null;
  source: 'MANUAL' | 'IMPORT';
  assignedOrganisationId: string | null;
  respondBy: Date | null;
  registrationId: string | null;
  createdAt: Date;
}

export interface LeadAssignment {
  id: string;
  leadId: string;
  organisationId: string;
  method: 'MANUAL' | 'RULE';
  assignedAt: Date;
  respondBy: Date;
  outcome: AssignmentOutcome | null;
  outcomeAt: Date | null;
  declineReason: string | null;
  /** Seconds from assignment to the partner's answer (accepted or declined); null otherwise. */
  responseSeconds: number | null;
}

export interface LeadInput {
  companyName: string;
  website?: string;
  country: string;
  city?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  programId?: string;
  productIds?: string[];
  currency: string;
  estimatedMrr?: string;
  notes?: string;
}

export interface LeadQuery {
  statuses?: string[];
  organisationId?: string;
  search?: string;
}

export interface LeadImportReport {
  rows: number;
  imported: number;
  rejected: number;
  errors: CsvRowError[];
  applied: boolean;
}

const LEAD_COLUMNS = `l.id, l.number, l.status, l.company_name, l.domain, l.country, l.city, l.contact_name, l.contact_email, l.contact_phone,
  l.program_id, l.product_ids, l.currency, l.estimated_mrr_minor, l.notes, l.source, l.assigned_organisation_id, l.respond_by, l.registration_id, l.created_at`;
const LEAD_STATUSES = new Set(['OPEN', 'ASSIGNED', 'ACCEPTED', 'CLOSED']);
const IMPORT_COLUMNS = { required: ['company_name', 'country'], optional: ['website', 'city', 'contact_name', 'contact_email', 'contact_phone', 'notes'] } as const;
const DAY_MS = 86_400_000;

/**
 * Leads the vendor passes to partners: a pool, assignment by hand or by rule, accept (→ a prefilled
 * draft registration) or decline within the response SLA, and lapse back to the pool.
 */
@Injectable()
export class LeadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly programs: ProgramsService,
    private readonly setup: DealSetupService,
  ) {}

  // ---------------------------------------------------------------- reads

  /** A partner sees a lead only while it is assigned to it, or after it accepted it. */
  private visibleTo(ctx: RequestContext, lead: Lead): boolean {
    const scope = ctx.partnerScope;
    return scope === null || (lead.assignedOrganisationId === scope && (lead.status === 'ASSIGNED' || lead.status === 'ACCEPTED'));
  }

  async get(ctx: RequestContext, id: string, manager?: EntityManager, lock = false): Promise<Lead> {
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    const lead = rows[0] ? toLead(rows[0]) : null;
    if (!lead || !this.visibleTo(ctx, lead)) throw new DomainError('NOT_FOUND', 'Lead not found.');
    return lead;
  }

  async list(ctx: RequestContext, filter: LeadQuery, first: number, after?: string): Promise<Connection<Lead>> {
    const params: unknown[] = [];
    const param = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const scope = ctx.partnerScope;
    if (scope) where.push(`l.assigned_organisation_id = ${param(scope)} AND l.status IN ('ASSIGNED', 'ACCEPTED')`);
    else if (filter.organisationId) where.push(`l.assigned_organisation_id = ${param(filter.organisationId)}`);
    if (filter.statuses?.length) {
      const invalid = filter.statuses.filter((s) => !LEAD_STATUSES.has(s));
      if (invalid.length) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { statuses: [`Unknown status: ${invalid.join(', ')}.`] });
      where.push(`l.status = ANY(${param(filter.statuses)}::text[])`);
    }
    if (filter.search) {
      const like = param(`%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(lower(l.company_name) LIKE ${like} OR l.domain LIKE ${like})`);
    }
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    if (cursor) where.push(`(l.created_at, l.id) < (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${LEAD_COLUMNS} FROM leads l WHERE ${where.join(' AND ') || 'true'} ORDER BY l.created_at DESC, l.id DESC LIMIT ${param(first + 1)}`,
      params,
    );
    return toConnection(rows.map(toLead), first, (l) => [l.createdAt.toISOString(), l.id]);
  }

  /** Assignment history; a partner sees only its own assignments of the lead. */
  async assignments(ctx: RequestContext, leadIds: readonly string[]): Promise<LeadAssignment[]> {
    if (leadIds.length === 0) return [];
    const scope = ctx.partnerScope;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, lead_id, organisation_id, method, assigned_at, respond_by, outcome, outcome_at, decline_reason FROM lead_assignments
        WHERE lead_id = ANY($1::uuid[]) ${scope ? 'AND organisation_id = $2' : ''} ORDER BY assigned_at, id`,
      scope ? [leadIds, scope] : [leadIds],
    );
    return rows.map(toAssignment);
  }

  // ---------------------------------------------------------------- vendor actions

  async create(ctx: RequestContext, input: LeadInput, assign: { organisationId?: string; byRule?: boolean } = {}): Promise<Lead> {
    ctx.requireRole(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER);
    const values = await this.validate(input);
    // The assignment is checked before anything is written: a refused assignment leaves no lead behind.
    if (assign.organisationId || assign.byRule) {
      await this.chooseTarget({ country: input.country, programId: input.programId ?? null }, [], assign.organisationId, 'assignTo');
    }
    const id = await this.dataSource.transaction(async (em) => {
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO leads (company_name, domain, country, city, contact_name, contact_email, contact_phone, program_id, product_ids, currency,
           estimated_mrr_minor, notes, source, created_by_user_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'MANUAL', $13, $14, $14) RETURNING id`,
        [...values, ctx.actor?.userId ?? null, this.clock.now()],
      );
      await this.audit.record(em, ctx, { operation: 'createLead', entityType: 'Lead', entityId: row.id, after: { companyName: input.companyName, country: input.country } });
      return row.id;
    });
    if (assign.organisationId || assign.byRule) return this.assign(ctx, id, assign.organisationId);
    return this.get(ctx, id);
  }

  async importCsv(ctx: RequestContext, csv: string, importValidRows: boolean): Promise<LeadImportReport> {
    ctx.requireRole(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER);
    const rows = readCsv(csv, IMPORT_COLUMNS, 20_000);
    const errors: CsvRowError[] = [];
    const valid: unknown[][] = [];
    for (const r of rows) {
      const rowErrors: CsvRowError[] = [];
      const fail = (column: string, message: string) => rowErrors.push({ row: r.row, column, message });
      const companyName = r.get('company_name');
      if (!companyName) fail('company_name', 'Company name is required.');
      else if (companyName.length > 200) fail('company_name', 'At most 200 characters.');
      const country = r.get('country').toUpperCase();
      if (!isISO31661Alpha2(country)) fail('country', 'Use a two-letter country code such as NL.');
      const website = r.get('website');
      const domain = website ? normaliseDomain(website) : null;
      if (website && !domain) fail('website', `"${website.slice(0, 60)}" is not a web address or domain.`);
      const email = r.get('contact_email');
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('contact_email', 'Not an e-mail address.');
      const phone = r.get('contact_phone');
      if (phone && !/^\+?[0-9 ()./-]{6,40}$/.test(phone)) fail('contact_phone', 'Not a phone number.');
      for (const [column, max] of [['city', 100], ['contact_name', 200], ['notes', 4000]] as const) {
        if (r.get(column).length > max) fail(column, `At most ${max} characters.`);
      }
      if (rowErrors.length) errors.push(...rowErrors);
      else {
        valid.push([companyName, domain, country, r.get('city') || null, r.get('contact_name') || null, email ? normaliseEmail(email) : null, phone || null, r.get('notes') || null]);
      }
    }
    const rejected = new Set(errors.map((e) => e.row)).size;
    const report: LeadImportReport = { rows: rows.length, imported: 0, rejected, errors: errors.slice(0, 500), applied: false };
    if ((errors.length > 0 && !importValidRows) || valid.length === 0) return report;
    return this.dataSource.transaction(async (em) => {
      const column = (i: number) => valid.map((v) => v[i]);
      const now = this.clock.now();
      const inserted: unknown[] = await em.query(
        `INSERT INTO leads (company_name, domain, country, city, contact_name, contact_email, contact_phone, notes, source, created_by_user_id, created_at, updated_at)
         SELECT t.*, 'IMPORT', $9::uuid, $10::timestamptz, $10::timestamptz
           FROM unnest($1::varchar[], $2::varchar[], $3::char(2)[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[]) AS t
         RETURNING id`,
        [column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(7), ctx.actor?.userId ?? null, now],
      );
      await this.audit.record(em, ctx, { operation: 'importLeads', entityType: 'Lead', entityId: 'import', after: { rows: rows.length, imported: inserted.length, rejected } });
      return { ...report, imported: inserted.length, applied: true };
    });
  }

  /** Assigns an open lead to a partner (given), or by the routing rule (organisationId left out). */
  async assign(ctx: RequestContext, id: string, organisationId?: string): Promise<Lead> {
    const actor = ctx.requireRole(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER);
    const lead = await this.get(ctx, id);
    if (lead.status !== 'OPEN') throw new DomainError('CONFLICT', `Only leads in the pool can be assigned; this one is ${lead.status.toLowerCase()}.`);
    const history = await this.assignments(ctx, [id]);
    const { target, method } = await this.chooseTarget(lead, history.map((h) => h.organisationId), organisationId);
    const partnerUsers = await this.partnerRecipients(target);
    await this.dataSource.transaction(async (em) => {
      const locked = await this.get(ctx, id, em, true);
      if (locked.status !== 'OPEN') throw new DomainError('CONFLICT', 'The lead was assigned meanwhile.');
      const now = this.clock.now();
      const respondBy = leadRespondBy(now, this.config.LEAD_RESPONSE_HOURS);
      await em.query(`UPDATE leads SET status = 'ASSIGNED', assigned_organisation_id = $2, respond_by = $3, updated_at = $4 WHERE id = $1`, [id, target, respondBy, now]);
      await em.query(
        `INSERT INTO lead_assignments (lead_id, organisation_id, method, assigned_at, assigned_by_user_id, respond_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, target, method, now, actor.userId, respondBy],
      );
      await this.audit.record(em, ctx, { operation: 'assignLead', entityType: 'Lead', entityId: id, before: { status: 'OPEN' }, after: { status: 'ASSIGNED', organisationId: target, method } });
      await this.notifications.notify(em, partnerUsers, {
        type: 'LEAD_ASSIGNED',
        title: `New lead L-${lead.number}: ${lead.companyName}`,
        body: `Accept or decline it before ${respondBy.toISOString().slice(0, 16).replace('T', ' ')} UTC; after that it goes back to the pool.`,
        entityType: 'Lead',
        entityId: id,
      });
    });
    return this.get(ctx, id);
  }

  /** Takes a lead back (assigned → pool, or open → closed). */
  async withdraw(ctx: RequestContext, id: string, close: boolean): Promise<Lead> {
    ctx.requireRole(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER);
    await this.get(ctx, id);
    await this.dataSource.transaction(async (em) => {
      const lead = await this.get(ctx, id, em, true);
      if (lead.status === 'ACCEPTED' || lead.status === 'CLOSED') throw new DomainError('CONFLICT', `This lead is ${lead.status.toLowerCase()}; it cannot be withdrawn.`);
      const now = this.clock.now();
      if (lead.status === 'ASSIGNED') await this.closeAssignment(em, id, 'WITHDRAWN', null, null);
      const status: LeadStatusValue = close ? 'CLOSED' : 'OPEN';
      await em.query(`UPDATE leads SET status = $2, assigned_organisation_id = NULL, respond_by = NULL, updated_at = $3 WHERE id = $1`, [id, status, now]);
      await this.audit.record(em, ctx, { operation: close ? 'closeLead' : 'withdrawLead', entityType: 'Lead', entityId: id, before: { status: lead.status }, after: { status } });
    });
    return this.get(ctx, id);
  }

  // ---------------------------------------------------------------- partner actions

  /** Accepts the lead: it becomes a draft registration prefilled from the lead, marked as from a vendor lead. */
  async accept(ctx: RequestContext, id: string): Promise<Lead> {
    const actor = ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const lead = await this.get(ctx, id);
    if (!actor.userId) throw new DomainError('FORBIDDEN', 'Leads are accepted by signed-in partner users.');
    const programId = await this.programFor(actor.organisationId, lead.programId);
    const products = (await this.setup.productsByIds(lead.productIds)).filter((p) => p.active);
    await this.dataSource.transaction(async (em) => {
      const locked = await this.get(ctx, id, em, true);
      this.assertOpenFor(locked, actor.organisationId);
      const now = this.clock.now();
      const registration = em.getRepository(DealRegistrationEntity).create({
        organisationId: actor.organisationId,
        programId,
        registeredByUserId: actor.userId!,
        status: 'DRAFT',
        customerName: lead.companyName,
        customerNormalisedName: normaliseCompanyName(lead.companyName),
        customerDomain: lead.domain,
        customerCountry: lead.country,
        customerCity: lead.city,
        contactName: lead.contactName,
        contactEmail: lead.contactEmail,
        contactPhone: lead.contactPhone,
        currency: lead.currency,
        estimatedMrrMinor: lead.estimatedMrrMinor,
        estimatedOneTimeMinor: 0n,
        expectedCloseDate: new Date(now.getTime() + 90 * DAY_MS).toISOString().slice(0, 10),
        salesStage: 'QUALIFIED',
        notes: lead.notes,
        fromVendorLead: true,
        possibleConflict: false,
        extensionsUsed: 0,
        remindersSent: [],
      });
      await em.getRepository(DealRegistrationEntity).insert(registration);
      if (products.length > 0) {
        await em.query(
          `INSERT INTO deal_registration_products (registration_id, customer_domain, product_id, quantity) SELECT $1, $2, p, 1 FROM unnest($3::uuid[]) AS p`,
          [registration.id, lead.domain, products.map((p) => p.id)],
        );
      }
      await em.getRepository(DealEventEntity).insert({
        registrationId: registration.id,
        at: now,
        actorUserId: actor.userId,
        type: 'CREATED',
        fromStatus: null,
        toStatus: 'DRAFT',
        note: `From lead L-${lead.number}`,
        data: { leadId: id } as never,
      });
      await this.closeAssignment(em, id, 'ACCEPTED', actor.userId, null);
      await em.query(`UPDATE leads SET status = 'ACCEPTED', respond_by = NULL, registration_id = $2, updated_at = $3 WHERE id = $1`, [id, registration.id, now]);
      await this.audit.record(em, ctx, { operation: 'acceptLead', entityType: 'Lead', entityId: id, before: { status: 'ASSIGNED' }, after: { status: 'ACCEPTED', registrationId: registration.id } });
    });
    return this.get(ctx, id);
  }

  async decline(ctx: RequestContext, id: string, reason: string): Promise<boolean> {
    const actor = ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    await this.get(ctx, id);
    await this.dataSource.transaction(async (em) => {
      const lead = await this.get(ctx, id, em, true);
      this.assertOpenFor(lead, actor.organisationId);
      await this.closeAssignment(em, id, 'DECLINED', actor.userId, reason);
      await em.query(`UPDATE leads SET status = 'OPEN', assigned_organisation_id = NULL, respond_by = NULL, updated_at = $2 WHERE id = $1`, [id, this.clock.now()]);
      await this.audit.record(em, ctx, { operation: 'declineLead', entityType: 'Lead', entityId: id, before: { status: 'ASSIGNED' }, after: { status: 'OPEN', declineReason: reason } });
    });
    // Once declined the lead is back in the pool and no longer visible to the partner.
    return true;
  }

  // ---------------------------------------------------------------- scheduled work

  /** Returns unanswered leads to the pool at their deadline, and reminds partners before it. */
  async runSchedule(): Promise<{ lapsed: number; reminded: number }> {
    const ctx = RequestContext.system('system:lead-schedule');
    const now = this.clock.now();
    const overdue: { id: string }[] = await this.dataSource.query(`SELECT id FROM leads WHERE status = 'ASSIGNED' AND respond_by <= $1`, [now]);
    let lapsed = 0;
    for (const { id } of overdue) {
      await this.dataSource.transaction(async (em) => {
        const [lead]: { status: string; respond_by: Date }[] = await em.query(`SELECT status, respond_by FROM leads WHERE id = $1 FOR UPDATE`, [id]);
        if (lead?.status !== 'ASSIGNED' || lead.respond_by > now) return;
        await this.closeAssignment(em, id, 'LAPSED', null, null);
        await em.query(`UPDATE leads SET status = 'OPEN', assigned_organisation_id = NULL, respond_by = NULL, updated_at = $2 WHERE id = $1`, [id, now]);
        await this.audit.record(em, ctx, { operation: 'lapseLead', entityType: 'Lead', entityId: id, before: { status: 'ASSIGNED' }, after: { status: 'OPEN' } });
        lapsed += 1;
      });
    }
    const soon: { id: string; lead_id: string; organisation_id: string; number: string; company_name: string; respond_by: Date }[] = await this.dataSource.query(
      `SELECT a.id, a.lead_id, a.organisation_id, l.number, l.company_name, a.respond_by FROM lead_assignments a JOIN leads l ON l.id = a.lead_id
        WHERE a.outcome IS NULL AND a.reminded_at IS NULL AND a.respond_by > $1 AND a.respond_by <= $1 + make_interval(hours => $2)`,
      [now, this.config.LEAD_REMINDER_HOURS],
    );
    let reminded = 0;
    for (const a of soon) {
      const recipients = await this.partnerRecipients(a.organisation_id);
      await this.dataSource.transaction(async (em) => {
        // For an UPDATE, TypeORM's query() answers [rows, affected count].
        const [, marked] = (await em.query(`UPDATE lead_assignments SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL AND outcome IS NULL`, [a.id, now])) as [
          unknown,
          number,
        ];
        if (marked === 0) return;
        await this.notifications.notify(em, recipients, {
          type: 'LEAD_RESPONSE_DUE',
          title: `Lead L-${a.number} (${a.company_name}) returns to the pool at ${a.respond_by.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          body: 'Accept or decline it before then.',
          entityType: 'Lead',
          entityId: a.lead_id,
        });
        reminded += 1;
      });
    }
    return { lapsed, reminded };
  }

  // ---------------------------------------------------------------- internals

  private assertOpenFor(lead: Lead, organisationId: string): void {
    if (lead.status !== 'ASSIGNED' || lead.assignedOrganisationId !== organisationId) {
      throw new DomainError('CONFLICT', lead.status === 'ACCEPTED' ? 'You already accepted this lead.' : 'This lead is no longer waiting for your answer.');
    }
    if (lead.respondBy && lead.respondBy.getTime() <= this.clock.now().getTime()) {
      throw new DomainError('CONFLICT', 'The time to answer this lead has passed; it returns to the pool.');
    }
  }

  private async closeAssignment(em: EntityManager, leadId: string, outcome: AssignmentOutcome, userId: string | null, reason: string | null): Promise<void> {
    await em.query(
      `UPDATE lead_assignments SET outcome = $2, outcome_at = $3, responded_by_user_id = $4, decline_reason = $5 WHERE lead_id = $1 AND outcome IS NULL`,
      [leadId, outcome, this.clock.now(), userId, reason],
    );
  }

  /** The partner a lead goes to: the one named (must be an active partner), or the routing rule's choice. */
  private async chooseTarget(
    lead: { country: string; programId: string | null },
    hadIt: string[],
    organisationId?: string,
    field = 'organisationId',
  ): Promise<{ target: string; method: 'MANUAL' | 'RULE' }> {
    if (organisationId) {
      const [org] = await this.organisations.byIds(RequestContext.system(), [organisationId]);
      if (!org || org.kind !== 'PARTNER') throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { [field]: ['Choose a partner.'] });
      if (org.status !== 'ACTIVE') throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { [field]: ['This partner is suspended.'] });
      return { target: organisationId, method: 'MANUAL' };
    }
    const chosen = routeLead({ country: lead.country, programId: lead.programId, excludedOrganisationIds: hadIt }, await this.candidates(lead.country));
    if (!chosen) throw new DomainError('CONFLICT', 'No partner matches this lead’s country and program (partners that already had it are left out). Assign it by hand.');
    return { target: chosen.organisationId, method: 'RULE' };
  }

  /** Active partners of the country with their programs, highest tier rank and open leads (asked of identity and programs). */
  private async candidates(country: string): Promise<LeadCandidate[]> {
    const partners = await this.organisations.activePartnersIn(country);
    if (partners.length === 0) return [];
    const ids = partners.map((p) => p.id);
    const enrolments = await this.programs.enrolmentsOf(RequestContext.system(), ids);
    const tiers = new Map((await this.programs.tiersByIds([...new Set(enrolments.map((e) => e.tierId))])).map((t) => [t.id, t.rank]));
    const open: { organisation_id: string; n: number }[] = await this.dataSource.query(
      `SELECT assigned_organisation_id AS organisation_id, count(*)::int AS n FROM leads WHERE status = 'ASSIGNED' AND assigned_organisation_id = ANY($1::uuid[]) GROUP BY 1`,
      [ids],
    );
    const openBy = new Map(open.map((o) => [o.organisation_id, o.n]));
    return partners.map((p) => {
      const own = enrolments.filter((e) => e.organisationId === p.id);
      return {
        organisationId: p.id,
        name: p.name,
        country: p.country,
        programIds: own.map((e) => e.programId),
        tierRank: Math.max(0, ...own.map((e) => tiers.get(e.tierId) ?? 0)),
        openLeads: openBy.get(p.id) ?? 0,
      };
    });
  }

  /** Who hears about a partner's leads: its admins and reps (active). */
  private async partnerRecipients(organisationId: string): Promise<string[]> {
    return this.users.activeUserIdsOf(organisationId);
  }

  private async programFor(organisationId: string, programId: string | null): Promise<string> {
    const enrolments = await this.programs.enrolmentsOf(RequestContext.system(), [organisationId]);
    if (programId && enrolments.some((e) => e.programId === programId)) return programId;
    if (enrolments.length > 0) return enrolments[0].programId;
    throw new DomainError('CONFLICT', 'Your organisation is not enrolled in a program yet; ask your channel manager.');
  }

  private async validate(input: LeadInput): Promise<unknown[]> {
    const errors: Record<string, string[]> = {};
    let domain: string | null = null;
    if (input.website) {
      domain = normaliseDomain(input.website);
      if (!domain) errors.website = ['Enter a web address such as https://example.com.'];
    }
    let mrr = 0n;
    if (input.estimatedMrr) {
      try {
        mrr = parseMoney(input.estimatedMrr, input.currency, 'estimatedMrr').amountMinor;
      } catch (err) {
        errors.estimatedMrr = [err instanceof DomainError ? err.message : 'Enter an amount such as 1250.00.'];
      }
    }
    if (input.programId) {
      try {
        await this.programs.get(input.programId);
      } catch {
        errors.programId = ['Unknown program.'];
      }
    }
    const productIds = [...new Set(input.productIds ?? [])];
    if (productIds.length) {
      const known = new Set((await this.setup.productsByIds(productIds)).map((p) => p.id));
      if (productIds.some((p) => !known.has(p))) errors.productIds = ['Unknown product.'];
    }
    if (Object.keys(errors).length) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', errors);
    return [
      input.companyName,
      domain,
      input.country,
      input.city ?? null,
      input.contactName ?? null,
      input.contactEmail ?? null,
      input.contactPhone ?? null,
      input.programId ?? null,
      productIds,
      input.currency,
      mrr.toString(),
      input.notes ?? null,
    ];
  }
}

function toLead(row: Record<string, unknown>): Lead {
  return {
    id: row.id as string,
    number: Number(row.number),
    status: row.status as LeadStatusValue,
    companyName: row.company_name as string,
    domain: (row.domain as string | null) ?? null,
    country: row.country as string,
    city: (row.city as string | null) ?? null,
    contactName: (row.contact_name as string | null) ?? null,
    contactEmail: (row.contact_email as string | null) ?? null,
    contactPhone: (row.contact_phone as string | null) ?? null,
    programId: (row.program_id as string | null) ?? null,
    productIds: (row.product_ids as string[] | null) ?? [],
    currency: row.currency as string,
    estimatedMrrMinor: BigInt(row.estimated_mrr_minor as string),
    notes: (row.notes as string | null) ?? null,
    source: row.source as Lead['source'],
    assignedOrganisationId: (row.assigned_organisation_id as string | null) ?? null,
    respondBy: (row.respond_by as Date | null) ?? null,
    registrationId: (row.registration_id as string | null) ?? null,
    createdAt: row.created_at as Date,
  };
}

function toAssignment(row: Record<string, unknown>): LeadAssignment {
  const assignedAt = row.assigned_at as Date;
  const outcome = (row.outcome as AssignmentOutcome | null) ?? null;
  const outcomeAt = (row.outcome_at as Date | null) ?? null;
  return {
    id: row.id as string,
    leadId: row.lead_id as string,
    organisationId: row.organisation_id as string,
    method: row.method as LeadAssignment['method'],
    assignedAt,
    respondBy: row.respond_by as Date,
    outcome,
    outcomeAt,
    declineReason: (row.decline_reason as string | null) ?? null,
    responseSeconds: outcomeAt && (outcome === 'ACCEPTED' || outcome === 'DECLINED') ? Math.round((outcomeAt.getTime() - assignedAt.getTime()) / 1000) : null,
  };
}
