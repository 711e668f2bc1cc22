import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, normaliseDomain } from '@prm/domain/common';
import {
  assertMeetsMinimum,
  type DealAction,
  type DealRules,
  type DealStatus,
  dueReminder,
  extendedProtectionEnd,
  firstYearValueMinor,
  isEditable,
  isMatch,
  nextDealStatus,
  normaliseCompanyName,
  protectionEndsAt,
  reviewDueAt,
  scoreConflict,
} from '@prm/domain/deals';
import { formatMoneyPlain, MAX_AMOUNT_MINOR, money, parseMoney } from '@prm/domain/money';
import { Clock, type Connection, isPartnerRole, JobsService, parseCursor, RequestContext, Role, toConnection, VENDOR_ROLES, pgCode } from '@prm/server/core';
import { AuditService, OrganisationsService, UsersService } from '@prm/server/identity';
import { NotificationsService, type NotificationType } from '@prm/server/notifications';
import { ProgramsService } from '@prm/server/programs';
import { DataSource, type EntityManager, In } from 'typeorm';
import {
  type ConflictSourceValue,
  DealConflictEntity,
  DealEventEntity,
  type DealEventType,
  DealProductLineEntity,
  DealRegistrationEntity,
  type ProductEntity,
} from '../entities/deals.entities';
import type {
  CreateDealRegistrationInput,
  DealConflictCheckInput,
  DealRegistrationFilter,
  MarkDealWonInput,
  UpdateDealRegistrationInput,
} from '../graphql/deals.inputs';
import { DealSetupService } from './deal-setup.service';

export const DEAL_OUTCOME_JOB = 'deal-outcome';
export const DEAL_SCHEDULE_JOB = 'deal-schedule';

/** What incentives and revenue need from a closed registration; `eventId` is the idempotency key. */
export interface DealOutcomeEvent {
  eventId: string;
  type: 'DEAL_WON' | 'DEAL_LOST' | 'DEAL_EXPIRED';
  registrationId: string;
  registrationNumber: number;
  organisationId: string;
  programId: string;
  repUserId: string;
  currency: string;
  mrrMinor: string;
  oneTimeMinor: string;
  closeDate: string | null;
  occurredAt: string;
  products: { productId: string; sku: string; productLine: string; pricing: string; quantity: number }[];
}

export interface ConflictMatch {
  source: ConflictSourceValue;
  score: number;
  reasons: string[];
  nameSimilarity: number;
  registrationId: string | null;
  registrationNumber: number | null;
  registrationStatus: DealStatus | null;
  organisationId: string | null;
  houseAccountId: string | null;
  customerName: string;
  customerDomain: string | null;
  customerCountry: string | null;
  protectionEndsAt: Date | null;
}

interface Candidate {
  normalisedName: string;
  domain: string | null;
  country: string;
  organisationId: string;
  excludeId: string | null;
}

const REGISTRATION_COLUMNS = `r.id, r.number, r.organisation_id, r.program_id, r.registered_by_user_id, r.status, r.customer_name, r.customer_normalised_name,
  r.customer_domain, r.customer_country, r.customer_city, r.contact_name, r.contact_email, r.contact_phone, r.currency, r.estimated_mrr_minor,
  r.estimated_one_time_minor, to_char(r.expected_close_date, 'YYYY-MM-DD') AS expected_close_date, r.sales_stage, r.notes, r.from_vendor_lead,
  r.possible_conflict, r.submitted_at, r.review_due_at, r.decided_at, r.decided_by_user_id, r.decision_reason, r.approved_at, r.protection_ends_at,
  r.extensions_used, r.extension_requested_at, r.extension_reason, r.reminders_sent, r.closed_at, r.actual_mrr_minor, r.actual_one_time_minor,
  to_char(r.actual_close_date, 'YYYY-MM-DD') AS actual_close_date, r.created_at, r.updated_at`;

const DEAL_STATUS_SET = new Set(['DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WON', 'LOST', 'EXPIRED']);
const MAX_CLOSE_YEARS = 3;


/** A UUID derived from a key, so the same event always becomes the same job id (pg-boss ignores the repeat). */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Candidate rows read per source and per match kind (same domain, similar name): enough for a reviewer, bounded for the database. */
export const CONFLICT_CANDIDATES_PER_SOURCE = 50;

/**
 * The one statement behind conflict detection (also the benchmark's raw-SQL baseline). Each source is
 * ordered (same domain first, then by similarity) and limited on its own, so a common name can never
 * crowd out a house account or a same-domain registration. Name matches use pg_trgm `%`: run it with
 * `pg_trgm.similarity_threshold` set to NAME_SIMILARITY_THRESHOLD (below it no name-only candidate can score a match).
 */
export function conflictCandidatesQuery(
  c: { normalisedName: string; domain: string | null; organisationId: string; excludeId: string | null },
  others: boolean,
  now: Date,
): { text: string; values: unknown[] } {
  const n = CONFLICT_CANDIDATES_PER_SOURCE;
  const select = `SELECT r.id, r.number, r.status, r.organisation_id, r.customer_name, r.customer_domain, r.customer_country,
        r.protection_ends_at, similarity(r.customer_normalised_name, $1::text) AS sim FROM deal_registrations r`;
  const parts: string[] = [
    // The partner's own earlier registrations (any status but draft), by domain or similar name.
    `SELECT 'OWN_REGISTRATION' AS source, x.* FROM (${select}
        WHERE r.organisation_id = $3 AND r.status <> 'DRAFT' AND r.id IS DISTINCT FROM $4::uuid
          AND (r.customer_domain = $2::text OR r.customer_normalised_name % $1::text)
        ORDER BY (r.customer_domain = $2::text) IS TRUE DESC, sim DESC, r.id LIMIT ${n}) x`,
  ];
  if (others) {
    const active = `r.organisation_id <> $3 AND r.status IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED') AND (r.status <> 'APPROVED' OR r.protection_ends_at > $5)`;
    parts.push(
      `SELECT 'OTHER_PARTNER' AS source, x.* FROM (
          (${select} WHERE r.customer_domain = $2::text AND ${active} ORDER BY r.id LIMIT ${n})
          UNION (${select} WHERE r.customer_normalised_name % $1::text AND ${active} ORDER BY sim DESC, r.id LIMIT ${n})) x`,
      `SELECT 'HOUSE_ACCOUNT' AS source, x.* FROM (SELECT h.id, NULL::bigint AS number, NULL::text AS status, NULL::uuid AS organisation_id,
           h.company_name AS customer_name, h.domain AS customer_domain, h.country AS customer_country, NULL::timestamptz AS protection_ends_at,
           similarity(h.normalised_name, $1::text) AS sim
         FROM house_accounts h WHERE h.domain = $2::text OR h.normalised_name % $1::text
         ORDER BY (h.domain = $2::text) IS TRUE DESC, sim DESC, h.id LIMIT ${n}) x`,
    );
  }
  return { text: parts.join(' UNION ALL '), values: [c.normalisedName, c.domain, c.organisationId, c.excludeId, ...(others ? [now] : [])] };
}

/**
 * Deal registrations: the lifecycle (draft → submitted → approved/rejected/more info → won/lost/expired),
 * conflict detection, protection windows and extensions, expiry and reminders, and the outcome events.
 */
/** A won deal as incentive plans see it: value = actual MRR × 12 + actual one-time amount, in minor units. */
export interface WonDealFact {
  id: string;
  number: number;
  organisationId: string;
  programId: string;
  repUserId: string;
  customerName: string;
  country: string;
  currency: string;
  closeDate: string;
  valueMinor: bigint;
  productIds: string[];
}

@Injectable()
export class DealRegistrationsService {
  private readonly outcomeListeners: ((event: DealOutcomeEvent) => Promise<void>)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly programs: ProgramsService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly setup: DealSetupService,
  ) {}

  // ---------------------------------------------------------------- reads

  async get(ctx: RequestContext, id: string, manager?: EntityManager): Promise<DealRegistrationEntity> {
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${REGISTRATION_COLUMNS} FROM deal_registrations r WHERE r.id = $1`,
      [id],
    );
    const reg = rows[0] ? toRegistration(rows[0]) : null;
    if (!reg) throw new DomainError('NOT_FOUND', 'Deal registration not found.');
    ctx.assertCanSeeOrganisation(reg.organisationId, 'Deal registration');
    // Vendor staff do not see partners' drafts: a draft is not registered yet.
    if (!ctx.partnerScope && reg.status === 'DRAFT' && !ctx.isSystem) throw new DomainError('NOT_FOUND', 'Deal registration not found.');
    return reg;
  }

  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<DealRegistrationEntity[]> {
    if (ids.length === 0) return [];
    const scope = ctx.partnerScope;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM deal_registrations r WHERE r.id = ANY($1::uuid[]) ${scope ? 'AND r.organisation_id = $2' : "AND r.status <> 'DRAFT'"}`,
      scope ? [ids, scope] : [ids],
    );
    return rows.map(toRegistration);
  }

  /**
   * Lists registrations. Partners see their own organisation's; vendor staff see all but drafts. The
   * review queue (`queue`) is the submitted ones ordered by SLA due time; other lists are newest first.
   */
  async list(ctx: RequestContext, filter: DealRegistrationFilter, first: number, after: string | undefined, queue: boolean): Promise<Connection<DealRegistrationEntity>> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const scope = ctx.partnerScope;
    if (scope) where.push(`r.organisation_id = ${param(scope)}`);
    else {
      where.push(`r.status <> 'DRAFT'`);
      if (filter.organisationId) where.push(`r.organisation_id = ${param(filter.organisationId)}`);
    }
    if (queue) where.push(`r.status = 'SUBMITTED'`);
    else if (filter.statuses?.length) {
      const invalid = filter.statuses.filter((s) => !DEAL_STATUS_SET.has(s));
      if (invalid.length) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { statuses: [`Unknown status: ${invalid.join(', ')}.`] });
      where.push(`r.status = ANY(${param(filter.statuses)}::text[])`);
    }
    if (filter.programId) where.push(`r.program_id = ${param(filter.programId)}`);
    if (filter.search) {
      const like = param(`%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(lower(r.customer_name) LIKE ${like} OR r.customer_domain LIKE ${like})`);
    }
    let order: string;
    let cursorOf: (r: DealRegistrationEntity) => (string | number)[];
    if (queue) {
      const cursor = parseCursor(after, ['timestamp', 'uuid']);
      if (cursor) where.push(`(r.review_due_at, r.id) > (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
      order = 'r.review_due_at ASC, r.id ASC';
      cursorOf = (r) => [(r.reviewDueAt ?? new Date(0)).toISOString(), r.id];
    } else {
      const cursor = parseCursor(after, ['timestamp', 'uuid']);
      if (cursor) where.push(`(r.created_at, r.id) < (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
      order = 'r.created_at DESC, r.id DESC';
      cursorOf = (r) => [r.createdAt.toISOString(), r.id];
    }
    const limit = param(first + 1);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM deal_registrations r WHERE ${where.join(' AND ') || 'true'} ORDER BY ${order} LIMIT ${limit}`,
      params,
    );
    return toConnection(rows.map(toRegistration), first, cursorOf);
  }

  /** Every registration the list would show, in keyset batches (CSV export). */
  async *forExport(ctx: RequestContext, filter: DealRegistrationFilter): AsyncGenerator<DealRegistrationEntity[]> {
    let after: string | undefined;
    for (;;) {
      const page = await this.list(ctx, filter, 500, after, false);
      yield page.edges.map((e) => e.node);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }

  /**
   * Won deals closed in [from, to] in one currency (and program, when given), with only what an
   * incentive plan looks at: ordered by close date and id, product ids (when asked for) aggregated in
   * the same read. One statement, sized for a quarter with a million won deals (docs/performance.md);
   * without `withProducts`, `productIds` is empty.
   */
  async wonDealFacts(from: string, to: string, currency: string, options: { programId?: string | null; organisationId?: string | null; withProducts?: boolean } = {}): Promise<WonDealFact[]> {
    const withProducts = options.withProducts ?? true;
    const won = `SELECT r.id, r.number, r.organisation_id, r.program_id, r.registered_by_user_id AS rep, r.customer_name AS customer, r.customer_country AS country,
                        to_char(r.actual_close_date, 'YYYY-MM-DD') AS close_date,
                        (COALESCE(r.actual_mrr_minor, 0) * 12 + COALESCE(r.actual_one_time_minor, 0))::text AS value
                   FROM deal_registrations r
                  WHERE r.status = 'WON' AND r.actual_close_date BETWEEN $1::date AND $2::date AND r.currency = $3
                    AND ($4::uuid IS NULL OR r.program_id = $4::uuid) AND ($5::uuid IS NULL OR r.organisation_id = $5::uuid)`;
    // Product ids by one grouped join (not a lookup per deal), and only when a plan filters on them.
    const sql = withProducts
      ? `WITH won AS (${won}),
              products AS (SELECT p.registration_id, array_agg(p.product_id::text ORDER BY p.product_id) AS products
                             FROM deal_registration_products p JOIN won w ON w.id = p.registration_id GROUP BY p.registration_id)
         SELECT w.*, COALESCE(products.products, '{}') AS products FROM won w LEFT JOIN products ON products.registration_id = w.id
          ORDER BY w.close_date, w.id`
      : `${won} ORDER BY r.actual_close_date, r.id`;
    const rows: { id: string; number: number; organisation_id: string; program_id: string; rep: string; customer: string; country: string; close_date: string; value: string; products?: string[] }[] =
      await this.dataSource.query(sql, [from, to, currency, options.programId ?? null, options.organisationId ?? null]);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      organisationId: r.organisation_id,
      programId: r.program_id,
      repUserId: r.rep,
      customerName: r.customer,
      country: r.country,
      currency,
      closeDate: r.close_date,
      valueMinor: BigInt(r.value),
      productIds: r.products ?? [],
    }));
  }

  /** Product lines of the given registrations, with their catalogue details. */
  async linesOf(registrationIds: readonly string[]): Promise<(DealProductLineEntity & { product: ProductEntity })[]> {
    if (registrationIds.length === 0) return [];
    const lines = await this.dataSource.getRepository(DealProductLineEntity).find({ where: registrationIds.map((registrationId) => ({ registrationId })) });
    const products = new Map((await this.setup.productsByIds([...new Set(lines.map((l) => l.productId))])).map((p) => [p.id, p]));
    return lines.flatMap((l) => {
      const product = products.get(l.productId);
      return product ? [{ ...l, product }] : [];
    });
  }

  /**
   * Timelines of registrations the caller already holds (a resolved parent was authorised when it was
   * read): one query for the events, one for the actors' names, whatever the number of registrations.
   */
  async timelinesOf(ids: readonly string[]): Promise<(DealEventEntity & { actorName: string | null; actorSide: string | null })[]> {
    if (ids.length === 0) return [];
    const events = await this.dataSource.getRepository(DealEventEntity).find({ where: { registrationId: In([...ids]) }, order: { id: 'ASC' } });
    // Actor names come from identity (system lookup: the registrations themselves were authorised).
    const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((u): u is string => u !== null))];
    const actors = new Map((await this.users.byIds(RequestContext.system(), actorIds)).map((u) => [u.id, u]));
    return events.map((e) => {
      const actor = e.actorUserId ? actors.get(e.actorUserId) : undefined;
      return Object.assign(e, {
        actorName: actor?.name ?? null,
        actorSide: actor ? (isPartnerRole(actor.role) ? 'PARTNER' : 'VENDOR') : null,
      });
    });
  }

  /** The conflicts recorded at the last submission, with the other side's details (vendor staff only). */
  async conflicts(ctx: RequestContext, id: string): Promise<(ConflictMatch & { organisationName: string | null })[]> {
    ctx.requireRole(...VENDOR_ROLES);
    await this.get(ctx, id);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT c.source, c.score, c.reasons, c.name_similarity::text AS name_similarity, c.matched_registration_id, c.matched_house_account_id,
              r.number, r.status, r.organisation_id, r.protection_ends_at,
              coalesce(r.customer_name, h.company_name) AS customer_name, coalesce(r.customer_domain, h.domain) AS customer_domain,
              coalesce(r.customer_country, h.country) AS customer_country
         FROM deal_conflicts c
         LEFT JOIN deal_registrations r ON r.id = c.matched_registration_id
         LEFT JOIN house_accounts h ON h.id = c.matched_house_account_id
        WHERE c.registration_id = $1 ORDER BY c.score DESC, c.id`,
      [id],
    );
    const orgIds = [...new Set(rows.map((r) => r.organisation_id as string | null).filter((o): o is string => !!o))];
    const names = new Map((await this.organisations.byIds(RequestContext.system(), orgIds)).map((o) => [o.id, o.name]));
    return rows.map((r) => ({
      source: r.source as ConflictSourceValue,
      score: Number(r.score),
      reasons: r.reasons as string[],
      nameSimilarity: Number(r.name_similarity),
      registrationId: (r.matched_registration_id as string | null) ?? null,
      registrationNumber: r.number === null || r.number === undefined ? null : Number(r.number),
      registrationStatus: (r.status as DealStatus | null) ?? null,
      organisationId: (r.organisation_id as string | null) ?? null,
      organisationName: names.get(r.organisation_id as string) ?? null,
      houseAccountId: (r.matched_house_account_id as string | null) ?? null,
      customerName: r.customer_name as string,
      customerDomain: (r.customer_domain as string | null) ?? null,
      customerCountry: (r.customer_country as string | null) ?? null,
      protectionEndsAt: (r.protection_ends_at as Date | null) ?? null,
    }));
  }

  /**
   * The live check as the rep types. Partners get only their own earlier registrations (duplicate
   * hints); vendor staff get every match. Nothing is stored.
   */
  async checkConflicts(ctx: RequestContext, input: DealConflictCheckInput): Promise<{ matches: ConflictMatch[]; domain: string | null; normalisedName: string }> {
    const actor = ctx.requireActor();
    const domain = input.customerWebsite ? normaliseDomain(input.customerWebsite) : null;
    const normalisedName = normaliseCompanyName(input.customerName);
    let organisationId = ctx.partnerScope;
    if (!organisationId && input.registrationId) organisationId = (await this.get(ctx, input.registrationId)).organisationId;
    const candidate: Candidate = {
      normalisedName,
      domain,
      country: input.customerCountry,
      organisationId: organisationId ?? actor.organisationId,
      excludeId: input.registrationId ?? null,
    };
    const matches = await this.findMatches(this.dataSource.manager, candidate, { others: ctx.partnerScope === null });
    return { matches, domain, normalisedName };
  }

  /**
   * Matches in the three sources; `others` adds other partners' registrations and house accounts.
   * Sessions run with pg_trgm.similarity_threshold = NAME_SIMILARITY_THRESHOLD (core SESSION_SETTINGS);
   * with another threshold the answer is the same, only slower (candidates below it never score a match).
   */
  private async findMatches(em: EntityManager, c: Candidate, options: { others: boolean }): Promise<ConflictMatch[]> {
    const query = conflictCandidatesQuery(c, options.others, this.clock.now());
    const rows: Record<string, unknown>[] = await em.query(query.text, query.values);
    const matches: ConflictMatch[] = [];
    for (const row of rows) {
      const sameDomain = c.domain !== null && row.customer_domain === c.domain;
      const country = (row.customer_country as string | null) ?? null;
      const result = scoreConflict({ sameDomain, nameSimilarity: Number(row.sim), sameCountry: country === null ? null : country === c.country });
      if (!isMatch(result)) continue;
      const isHouse = row.source === 'HOUSE_ACCOUNT';
      matches.push({
        source: row.source as ConflictSourceValue,
        score: result.score,
        reasons: result.reasons,
        nameSimilarity: Math.round(Number(row.sim) * 10_000) / 10_000,
        registrationId: isHouse ? null : (row.id as string),
        registrationNumber: isHouse ? null : Number(row.number),
        registrationStatus: isHouse ? null : (row.status as DealStatus),
        organisationId: isHouse ? null : (row.organisation_id as string),
        houseAccountId: isHouse ? (row.id as string) : null,
        customerName: row.customer_name as string,
        customerDomain: (row.customer_domain as string | null) ?? null,
        customerCountry: country,
        protectionEndsAt: (row.protection_ends_at as Date | null) ?? null,
      });
    }
    return matches.sort((a, b) => b.score - a.score || a.customerName.localeCompare(b.customerName));
  }

  // ---------------------------------------------------------------- writes by partners

  async create(ctx: RequestContext, input: CreateDealRegistrationInput): Promise<DealRegistrationEntity> {
    const actor = ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const programId = await this.programFor(actor.organisationId, input.programId);
    const rules = await this.setup.rulesFor(programId);
    const fields = await this.validateDetails(input, rules, input.submit);
    const id = await this.write(async (em) => {
      const reg = em.getRepository(DealRegistrationEntity).create({
        organisationId: actor.organisationId,
        programId,
        registeredByUserId: actor.userId ?? undefined,
        status: 'DRAFT',
        ...fields.columns,
        possibleConflict: false,
        extensionsUsed: 0,
        remindersSent: [],
      });
      if (!actor.userId) throw new DomainError('FORBIDDEN', 'Deal registrations are made by signed-in partner users.');
      await em.getRepository(DealRegistrationEntity).insert(reg);
      await this.replaceLines(em, reg.id, fields.columns.customerDomain ?? null, fields.lines);
      await this.event(em, ctx, reg.id, 'CREATED', null, 'DRAFT');
      await this.audit.record(em, ctx, { operation: 'createDealRegistration', entityType: 'DealRegistration', entityId: reg.id, after: auditSnapshot(reg) });
      if (input.submit) await this.submitInside(em, ctx, reg.id, rules);
      return reg.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateDealRegistrationInput): Promise<DealRegistrationEntity> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const current = await this.get(ctx, id);
    if (!isEditable(current.status)) {
      throw new DomainError('CONFLICT', 'Only drafts and registrations waiting for more information can be edited.');
    }
    if (input.programId && input.programId !== current.programId) {
      throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { programId: ['The program of a registration cannot be changed.'] });
    }
    const rules = await this.setup.rulesFor(current.programId);
    const lines = input.products ?? (await this.linesOf([id])).map((l) => ({ productId: l.productId, quantity: l.quantity }));
    const merged: CreateDealRegistrationInput = {
      customerName: input.customerName ?? current.customerName,
      customerWebsite: input.customerWebsite !== undefined ? input.customerWebsite : current.customerDomain ?? undefined,
      customerCountry: input.customerCountry ?? current.customerCountry,
      customerCity: input.customerCity !== undefined ? input.customerCity : current.customerCity ?? undefined,
      contactName: input.contactName !== undefined ? input.contactName : current.contactName ?? undefined,
      contactEmail: input.contactEmail !== undefined ? input.contactEmail : current.contactEmail ?? undefined,
      contactPhone: input.contactPhone !== undefined ? input.contactPhone : current.contactPhone ?? undefined,
      products: lines,
      currency: input.currency ?? current.currency,
      estimatedMrr: input.estimatedMrr ?? minorToText(current.estimatedMrrMinor, current.currency),
      estimatedOneTime: input.estimatedOneTime ?? minorToText(current.estimatedOneTimeMinor, current.currency),
      expectedCloseDate: input.expectedCloseDate ?? current.expectedCloseDate,
      salesStage: input.salesStage ?? (current.salesStage as CreateDealRegistrationInput['salesStage']),
      notes: input.notes !== undefined ? input.notes : current.notes ?? undefined,
      fromVendorLead: input.fromVendorLead ?? current.fromVendorLead,
      submit: input.submit ?? false,
    };
    const fields = await this.validateDetails(merged, rules, merged.submit);
    await this.write(async (em) => {
      const reg = await this.lock(em, ctx, id);
      if (!isEditable(reg.status)) throw new DomainError('CONFLICT', 'Only drafts and registrations waiting for more information can be edited.');
      const linesText = async (): Promise<string[]> =>
        ((await em.query(`SELECT product_id, quantity FROM deal_registration_products WHERE registration_id = $1 ORDER BY product_id`, [id])) as { product_id: string; quantity: number }[]).map(
          (l) => `${l.product_id} × ${l.quantity}`,
        );
      const before = { ...auditSnapshot(reg), products: await linesText() };
      Object.assign(reg, fields.columns);
      await em.getRepository(DealRegistrationEntity).update({ id }, { ...fields.columns, updatedAt: this.clock.now() });
      await this.replaceLines(em, id, fields.columns.customerDomain ?? null, fields.lines);
      await this.event(em, ctx, id, 'UPDATED', reg.status, reg.status);
      const after = { ...auditSnapshot(reg), products: await linesText() };
      await this.audit.record(em, ctx, { operation: 'updateDealRegistration', entityType: 'DealRegistration', entityId: id, before, after });
      if (merged.submit) await this.submitInside(em, ctx, id, rules);
    });
    return this.get(ctx, id);
  }

  async submit(ctx: RequestContext, id: string): Promise<DealRegistrationEntity> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const current = await this.get(ctx, id);
    const rules = await this.setup.rulesFor(current.programId);
    // Re-validate what a draft may have left open (domain, close date, minimum value).
    const lines = (await this.linesOf([id])).map((l) => ({ productId: l.productId, quantity: l.quantity }));
    await this.validateDetails(
      {
        customerName: current.customerName,
        customerWebsite: current.customerDomain ?? undefined,
        customerCountry: current.customerCountry,
        products: lines,
        currency: current.currency,
        estimatedMrr: minorToText(current.estimatedMrrMinor, current.currency),
        estimatedOneTime: minorToText(current.estimatedOneTimeMinor, current.currency),
        expectedCloseDate: current.expectedCloseDate,
        salesStage: current.salesStage as CreateDealRegistrationInput['salesStage'],
        fromVendorLead: current.fromVendorLead,
        submit: true,
      },
      rules,
      true,
    );
    await this.write((em) => this.submitInside(em, ctx, id, rules));
    return this.get(ctx, id);
  }

  async requestExtension(ctx: RequestContext, id: string, reason: string): Promise<DealRegistrationEntity> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP);
    const current = await this.get(ctx, id);
    const rules = await this.setup.rulesFor(current.programId);
    const reviewers = await this.users.reviewersOf(current.organisationId);
    await this.write(async (em) => {
      const reg = await this.lock(em, ctx, id);
      if (reg.status !== 'APPROVED') throw new DomainError('CONFLICT', 'Only approved registrations can be extended.');
      if (reg.extensionRequestedAt) throw new DomainError('CONFLICT', 'An extension request is already waiting for a decision.');
      // Checks the program's maximum now, so the partner is not left waiting for a refusal.
      extendedProtectionEnd(rules, reg.protectionEndsAt ?? this.clock.now(), reg.extensionsUsed);
      const now = this.clock.now();
      await em.getRepository(DealRegistrationEntity).update({ id }, { extensionRequestedAt: now, extensionReason: reason, updatedAt: now });
      await this.event(em, ctx, id, 'EXTENSION_REQUESTED', 'APPROVED', 'APPROVED', reason);
      await this.audit.record(em, ctx, { operation: 'requestDealExtension', entityType: 'DealRegistration', entityId: id, before: { extensionReason: null }, after: { extensionReason: reason } });
      await this.notify(em, reviewers, 'DEAL_EXTENSION_REQUESTED', reg, `Extension requested for DR-${reg.number} (${reg.customerName})`, reason);
    });
    return this.get(ctx, id);
  }

  // ---------------------------------------------------------------- decisions by vendor staff

  approve(ctx: RequestContext, id: string, note?: string): Promise<DealRegistrationEntity> {
    return this.decide(ctx, id, 'APPROVE', note ?? null);
  }

  reject(ctx: RequestContext, id: string, reason: string): Promise<DealRegistrationEntity> {
    return this.decide(ctx, id, 'REJECT', reason);
  }

  requestInfo(ctx: RequestContext, id: string, message: string): Promise<DealRegistrationEntity> {
    return this.decide(ctx, id, 'REQUEST_INFO', message);
  }

  private async decide(ctx: RequestContext, id: string, action: 'APPROVE' | 'REJECT' | 'REQUEST_INFO', reason: string | null): Promise<DealRegistrationEntity> {
    const actor = ctx.requireRole(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER);
    const current = await this.get(ctx, id);
    const rules = await this.setup.rulesFor(current.programId);
    try {
      await this.write(async (em) => {
        const reg = await this.lock(em, ctx, id);
        const to = nextDealStatus(reg.status, action);
        const now = this.clock.now();
        const changes: Partial<DealRegistrationEntity> = { status: to, decidedAt: now, decidedByUserId: actor.userId, decisionReason: reason, updatedAt: now };
        if (action === 'APPROVE') {
          await this.assertHouseAccountAllowed(em, id, rules);
          changes.approvedAt = now;
          changes.protectionEndsAt = protectionEndsAt(rules, now);
          await this.expireOverdueFor(em, reg.customerDomain);
          await em.update(DealRegistrationEntity, { id }, changes);
          // The partial unique index refuses a second protected registration of this domain and product.
          await em.query(`UPDATE deal_registration_products SET protected = true WHERE registration_id = $1`, [id]);
        } else {
          await em.update(DealRegistrationEntity, { id }, changes);
        }
        const type: DealEventType = action === 'APPROVE' ? 'APPROVED' : action === 'REJECT' ? 'REJECTED' : 'INFO_REQUESTED';
        await this.event(em, ctx, id, type, reg.status, to, reason);
        await this.audit.record(em, ctx, {
          operation: action === 'APPROVE' ? 'approveDealRegistration' : action === 'REJECT' ? 'rejectDealRegistration' : 'requestDealInformation',
          entityType: 'DealRegistration',
          entityId: id,
          before: { status: reg.status },
          after: { status: to, decisionReason: reason, protectionEndsAt: changes.protectionEndsAt ?? null },
        });
        const notification: NotificationType = action === 'APPROVE' ? 'DEAL_APPROVED' : action === 'REJECT' ? 'DEAL_REJECTED' : 'DEAL_INFO_REQUESTED';
        const title =
          action === 'APPROVE'
            ? `DR-${reg.number} (${reg.customerName}) is approved; protected until ${changes.protectionEndsAt?.toISOString().slice(0, 10)}`
            : action === 'REJECT'
              ? `DR-${reg.number} (${reg.customerName}) was rejected`
              : `DR-${reg.number} (${reg.customerName}) needs more information`;
        await this.notify(em, [reg.registeredByUserId], notification, reg, title, reason ?? undefined);
      });
    } catch (err) {
      if (pgCode(err) === '23505') {
        throw new DomainError('CONFLICT', 'Another registration for this customer and product is already approved and protected.');
      }
      throw err;
    }
    return this.get(ctx, id);
  }

  async decideExtension(ctx: RequestContext, id: string, approve: boolean, note?: string): Promise<DealRegistrationEntity> {
    ctx.requireRole(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER);
    const current = await this.get(ctx, id);
    const rules = await this.setup.rulesFor(current.programId);
    await this.write(async (em) => {
      const reg = await this.lock(em, ctx, id);
      if (reg.status !== 'APPROVED' || !reg.extensionRequestedAt) throw new DomainError('CONFLICT', 'There is no extension request waiting for a decision.');
      const now = this.clock.now();
      const changes: Partial<DealRegistrationEntity> = { extensionRequestedAt: null, updatedAt: now };
      if (approve) {
        nextDealStatus(reg.status, 'EXTEND');
        changes.protectionEndsAt = extendedProtectionEnd(rules, reg.protectionEndsAt ?? now, reg.extensionsUsed);
        changes.extensionsUsed = reg.extensionsUsed + 1;
        // Reminders start over for the new end date.
        changes.remindersSent = [];
      }
      await em.update(DealRegistrationEntity, { id }, changes);
      await this.event(em, ctx, id, approve ? 'EXTENSION_APPROVED' : 'EXTENSION_DECLINED', 'APPROVED', 'APPROVED', note ?? null, {
        protectionEndsAt: (changes.protectionEndsAt ?? reg.protectionEndsAt)?.toISOString() ?? null,
      });
      await this.audit.record(em, ctx, {
        operation: 'decideDealExtension',
        entityType: 'DealRegistration',
        entityId: id,
        before: { protectionEndsAt: reg.protectionEndsAt, extensionsUsed: reg.extensionsUsed },
        after: { protectionEndsAt: changes.protectionEndsAt ?? reg.protectionEndsAt, extensionsUsed: changes.extensionsUsed ?? reg.extensionsUsed },
      });
      const title = approve
        ? `Extension approved for DR-${reg.number}: protected until ${changes.protectionEndsAt?.toISOString().slice(0, 10)}`
        : `Extension declined for DR-${reg.number} (${reg.customerName})`;
      await this.notify(em, [reg.registeredByUserId], 'DEAL_EXTENSION_DECIDED', reg, title, note);
    });
    return this.get(ctx, id);
  }

  // ---------------------------------------------------------------- outcomes (partner or vendor)

  async markWon(ctx: RequestContext, id: string, input: MarkDealWonInput): Promise<DealRegistrationEntity> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP, Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER);
    const current = await this.get(ctx, id);
    const today = this.clock.now().toISOString().slice(0, 10);
    const fieldErrors: Record<string, string[]> = {};
    if (!isRealDate(input.closeDate)) fieldErrors.closeDate = ['Enter a real date as YYYY-MM-DD.'];
    else if (input.closeDate > today) fieldErrors.closeDate = ['A won deal closed today or earlier.'];
    const mrr = input.actualMrr !== undefined ? parseMoney(input.actualMrr, current.currency, 'actualMrr').amountMinor : current.estimatedMrrMinor;
    const oneTime = input.actualOneTime !== undefined ? parseMoney(input.actualOneTime, current.currency, 'actualOneTime').amountMinor : current.estimatedOneTimeMinor;
    if (mrr <= 0n && oneTime <= 0n) fieldErrors.actualMrr = ['Enter the recurring (MRR) or one-time value that was won.'];
    if (Object.keys(fieldErrors).length > 0) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', fieldErrors);
    await this.write(async (em) => {
      const reg = await this.lock(em, ctx, id);
      const to = nextDealStatus(reg.status, 'MARK_WON');
      const now = this.clock.now();
      await em.update(DealRegistrationEntity, { id }, { status: to, closedAt: now, actualMrrMinor: mrr, actualOneTimeMinor: oneTime, actualCloseDate: input.closeDate, updatedAt: now });
      await this.closeInside(em, ctx, reg, to, 'WON', null, { mrr, oneTime, closeDate: input.closeDate });
    });
    return this.get(ctx, id);
  }

  async markLost(ctx: RequestContext, id: string, reason: string): Promise<DealRegistrationEntity> {
    ctx.requireRole(Role.PARTNER_ADMIN, Role.PARTNER_REP, Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER);
    await this.get(ctx, id);
    await this.write(async (em) => {
      const reg = await this.lock(em, ctx, id);
      const to = nextDealStatus(reg.status, 'MARK_LOST');
      const now = this.clock.now();
      await em.update(DealRegistrationEntity, { id }, { status: to, closedAt: now, decisionReason: reason, updatedAt: now });
      await this.closeInside(em, ctx, reg, to, 'LOST', reason, null);
    });
    return this.get(ctx, id);
  }

  // ---------------------------------------------------------------- scheduled work

  /**
   * Expires approved registrations whose protection has ended and sends the 14- and 3-day
   * reminders. Idempotent; run by the hourly job and callable from tests with a moved clock.
   */
  async runSchedule(): Promise<{ expired: number; reminded: number }> {
    const ctx = RequestContext.system('system:deal-schedule');
    const now = this.clock.now();
    let expired = 0;
    for (;;) {
      const ids: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM deal_registrations WHERE status = 'APPROVED' AND protection_ends_at <= $1 ORDER BY protection_ends_at LIMIT 200`,
        [now],
      );
      if (ids.length === 0) break;
      for (const { id } of ids) {
        await this.write(async (em) => {
          const reg = await this.lock(em, ctx, id);
          if (reg.status !== 'APPROVED' || !reg.protectionEndsAt || reg.protectionEndsAt > now) return;
          await this.expireInside(em, ctx, reg);
          expired += 1;
        });
      }
    }
    let reminded = 0;
    const maxDays = 14;
    const due: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM deal_registrations r
        WHERE r.status = 'APPROVED' AND r.protection_ends_at > $1 AND r.protection_ends_at <= $1 + make_interval(days => $2)`,
      [now, maxDays],
    );
    for (const row of due) {
      const reg = toRegistration(row);
      const rules = await this.setup.rulesFor(reg.programId);
      const days = dueReminder(reg.protectionEndsAt!, now, rules.reminderDays, reg.remindersSent);
      if (days === null) continue;
      await this.write(async (em) => {
        // For an UPDATE, TypeORM's query() answers [rows, affected count]: the count says whether this run claimed the reminder.
        const [, claimed] = (await em.query(
          `UPDATE deal_registrations SET reminders_sent = array_append(reminders_sent, $2::int) WHERE id = $1 AND NOT ($2 = ANY(reminders_sent)) AND status = 'APPROVED'`,
          [reg.id, days],
        )) as [unknown[], number];
        if (claimed === 0) return;
        await this.event(em, ctx, reg.id, 'REMINDER_SENT', 'APPROVED', 'APPROVED', `${days} days before the protection ends`);
        await this.notify(
          em,
          [reg.registeredByUserId],
          'DEAL_PROTECTION_ENDING',
          reg,
          `Protection of DR-${reg.number} (${reg.customerName}) ends on ${reg.protectionEndsAt!.toISOString().slice(0, 10)}`,
          'Mark it won or lost, or request an extension.',
        );
        reminded += 1;
      });
    }
    await this.refreshWonDealsMetric(null);
    return { expired, reminded };
  }

  /**
   * Other contexts' reactions to a deal's outcome (incentives bring their deal plans up to date), run by
   * the deal-outcome job after this context's own; deals knows nothing of who listens.
   */
  onOutcome(listener: (event: DealOutcomeEvent) => Promise<void>): void {
    this.outcomeListeners.push(listener);
  }

  /** The deal-outcome job: the WON_DEALS recount, then every listener (a repeated event changes nothing in either). */
  async handleOutcome(event: DealOutcomeEvent): Promise<void> {
    await this.refreshWonDealsMetric(event.organisationId);
    for (const listener of this.outcomeListeners) await listener(event);
  }

  /** WON_DEALS for tier qualification: deals won (by close date) in the trailing 12 months, per partner with registrations. */
  async refreshWonDealsMetric(organisationId: string | null): Promise<void> {
    const now = this.clock.now();
    const rows: { organisation_id: string; won: string }[] = await this.dataSource.query(
      `SELECT organisation_id, count(*) FILTER (WHERE status = 'WON' AND actual_close_date > ($1::timestamptz - interval '12 months')::date)::text AS won
         FROM deal_registrations WHERE ($2::uuid IS NULL OR organisation_id = $2) GROUP BY organisation_id`,
      [now, organisationId],
    );
    await this.programs.storeMetrics(
      rows.map((r) => ({ organisationId: r.organisation_id, metric: 'WON_DEALS', value: r.won })),
      'deals',
    );
  }

  // ---------------------------------------------------------------- internals

  private async write<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(fn);
    } catch (err) {
      const code = pgCode(err);
      if (code === '23503') throw new DomainError('NOT_FOUND', 'A referenced record does not exist.');
      throw err;
    }
  }

  private async lock(em: EntityManager, ctx: RequestContext, id: string): Promise<DealRegistrationEntity> {
    const rows: Record<string, unknown>[] = await em.query(`SELECT ${REGISTRATION_COLUMNS} FROM deal_registrations r WHERE r.id = $1 FOR UPDATE`, [id]);
    const reg = rows[0] ? toRegistration(rows[0]) : null;
    if (!reg) throw new DomainError('NOT_FOUND', 'Deal registration not found.');
    ctx.assertCanSeeOrganisation(reg.organisationId, 'Deal registration');
    return reg;
  }

  private async programFor(organisationId: string, programId: string | undefined): Promise<string> {
    const enrolments = await this.programs.enrolmentsOf(RequestContext.system(), [organisationId]);
    if (programId) {
      if (!enrolments.some((e) => e.programId === programId)) {
        throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { programId: ['Your organisation is not enrolled in this program.'] });
      }
      return programId;
    }
    if (enrolments.length === 1) return enrolments[0].programId;
    throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', {
      programId: [enrolments.length === 0 ? 'Your organisation is not enrolled in a program yet; ask your channel manager.' : 'Choose the program to register under.'],
    });
  }

  /** Field checks that need data or the clock; returns the columns to write. Throws one BAD_USER_INPUT with every field error. */
  private async validateDetails(input: CreateDealRegistrationInput, rules: DealRules, submitting: boolean) {
    const errors: Record<string, string[]> = {};
    const add = (field: string, message: string) => (errors[field] ??= []).push(message);
    let domain: string | null = null;
    if (input.customerWebsite) {
      domain = normaliseDomain(input.customerWebsite);
      if (!domain) add('customerWebsite', 'Enter a web address such as https://example.com.');
    } else if (submitting) add('customerWebsite', 'The customer’s website or domain is needed to submit.');
    const today = this.clock.now().toISOString().slice(0, 10);
    if (!isRealDate(input.expectedCloseDate)) add('expectedCloseDate', 'Enter a real date as YYYY-MM-DD.');
    else if (input.expectedCloseDate < today) add('expectedCloseDate', 'The expected close date cannot be in the past.');
    else if (input.expectedCloseDate > `${Number(today.slice(0, 4)) + MAX_CLOSE_YEARS}${today.slice(4)}`) add('expectedCloseDate', `Choose a date within ${MAX_CLOSE_YEARS} years.`);
    const money = (text: string | undefined, field: string): bigint => {
      if (text === undefined || text === '') return 0n;
      try {
        return parseMoney(text, input.currency, field).amountMinor;
      } catch (err) {
        add(field, err instanceof DomainError ? err.message : 'Enter an amount such as 1250.00.');
        return 0n;
      }
    };
    const mrr = money(input.estimatedMrr, 'estimatedMrr');
    const oneTime = money(input.estimatedOneTime, 'estimatedOneTime');
    if (!errors.estimatedMrr && !errors.estimatedOneTime) {
      try {
        // Every answer shows the first-year value: it must be a storable amount too (3-decimal currencies can overflow).
        if (firstYearValueMinor(mrr, oneTime) > MAX_AMOUNT_MINOR) add('estimatedMrr', 'The first-year value (MRR × 12 + one-time) is too large.');
        else assertMeetsMinimum(rules, input.currency, mrr, oneTime);
      } catch (err) {
        if (err instanceof DomainError && err.fields) for (const [f, ms] of Object.entries(err.fields)) ms.forEach((m) => add(f, m));
        else throw err;
      }
    }
    const productIds = input.products.map((p) => p.productId);
    if (new Set(productIds).size !== productIds.length) add('products', 'Each product can be listed once.');
    // A draft made from a lead may have no product lines yet; a submission needs at least one.
    if (submitting && productIds.length === 0) add('products', 'Choose at least one product.');
    const products = await this.setup.productsByIds(productIds);
    const known = new Map(products.map((p) => [p.id, p]));
    productIds.forEach((pid, i) => {
      const product = known.get(pid);
      if (!product) add(`products.${i}.productId`, 'Unknown product.');
      else if (!product.active) add(`products.${i}.productId`, `${product.name} is no longer offered.`);
    });
    if (Object.keys(errors).length > 0) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', errors);
    return {
      columns: {
        customerName: input.customerName,
        customerNormalisedName: normaliseCompanyName(input.customerName),
        customerDomain: domain,
        customerCountry: input.customerCountry,
        customerCity: input.customerCity ?? null,
        contactName: input.contactName ?? null,
        contactEmail: input.contactEmail ?? null,
        contactPhone: input.contactPhone ?? null,
        currency: input.currency,
        estimatedMrrMinor: mrr,
        estimatedOneTimeMinor: oneTime,
        expectedCloseDate: input.expectedCloseDate,
        salesStage: input.salesStage,
        notes: input.notes ?? null,
        fromVendorLead: input.fromVendorLead,
      },
      lines: input.products,
    };
  }

  private async replaceLines(em: EntityManager, id: string, domain: string | null, lines: { productId: string; quantity: number }[]): Promise<void> {
    await em.query(`DELETE FROM deal_registration_products WHERE registration_id = $1`, [id]);
    await em.query(
      `INSERT INTO deal_registration_products (registration_id, customer_domain, product_id, quantity)
       SELECT $1, $2, p, q FROM unnest($3::uuid[], $4::int[]) AS t (p, q)`,
      [id, domain, lines.map((l) => l.productId), lines.map((l) => l.quantity)],
    );
  }

  private async submitInside(em: EntityManager, ctx: RequestContext, id: string, rules: DealRules): Promise<void> {
    const reg = await this.lock(em, ctx, id);
    const to = nextDealStatus(reg.status, 'SUBMIT');
    const now = this.clock.now();
    const matches = await this.findMatches(em, {
      normalisedName: reg.customerNormalisedName,
      domain: reg.customerDomain,
      country: reg.customerCountry,
      organisationId: reg.organisationId,
      excludeId: id,
    }, { others: true });
    await em.query(`DELETE FROM deal_conflicts WHERE registration_id = $1`, [id]);
    for (const m of matches) {
      await em.getRepository(DealConflictEntity).insert({
        registrationId: id,
        source: m.source,
        matchedRegistrationId: m.registrationId,
        matchedHouseAccountId: m.houseAccountId,
        score: m.score,
        reasons: m.reasons,
        nameSimilarity: m.nameSimilarity.toFixed(4),
        detectedAt: now,
      });
    }
    const possibleConflict = matches.some((m) => m.source !== 'OWN_REGISTRATION');
    await em.update(DealRegistrationEntity, { id }, { status: to, submittedAt: now, reviewDueAt: reviewDueAt(rules, now), possibleConflict, updatedAt: now });
    await this.event(em, ctx, id, 'SUBMITTED', reg.status, to, null, { possibleConflict });
    await this.audit.record(em, ctx, { operation: 'submitDealRegistration', entityType: 'DealRegistration', entityId: id, before: { status: reg.status }, after: { status: to } });
    const reviewers = await this.users.reviewersOf(reg.organisationId, em);
    await this.notify(em, reviewers, 'DEAL_SUBMITTED', reg, `DR-${reg.number} submitted: ${reg.customerName}${possibleConflict ? ' (possible conflict)' : ''}`);
  }

  private async assertHouseAccountAllowed(em: EntityManager, id: string, rules: DealRules): Promise<void> {
    if (rules.allowHouseAccounts) return;
    const [hit]: unknown[] = await em.query(`SELECT 1 FROM deal_conflicts WHERE registration_id = $1 AND source = 'HOUSE_ACCOUNT' LIMIT 1`, [id]);
    if (hit) {
      throw new DomainError('CONFLICT', 'The customer matches a vendor house account, and this program does not allow registrations on house accounts.');
    }
  }

  /** Protection that ended but was not yet expired by the job must not block a new approval. */
  private async expireOverdueFor(em: EntityManager, domain: string | null): Promise<void> {
    if (!domain) return;
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM deal_registrations r WHERE r.customer_domain = $1 AND r.status = 'APPROVED' AND r.protection_ends_at <= $2 FOR UPDATE`,
      [domain, this.clock.now()],
    );
    for (const row of rows) await this.expireInside(em, RequestContext.system('system:deal-expiry'), toRegistration(row));
  }

  private async expireInside(em: EntityManager, ctx: RequestContext, reg: DealRegistrationEntity): Promise<void> {
    const to = nextDealStatus(reg.status, 'EXPIRE');
    const now = this.clock.now();
    await em.update(DealRegistrationEntity, { id: reg.id }, { status: to, closedAt: now, updatedAt: now });
    await this.closeInside(em, ctx, reg, to, 'EXPIRED', null, null);
  }

  /** Common to won, lost and expired: protection released, timeline, audit, outcome event, notification. */
  private async closeInside(
    em: EntityManager,
    ctx: RequestContext,
    reg: DealRegistrationEntity,
    to: DealStatus,
    type: 'WON' | 'LOST' | 'EXPIRED',
    reason: string | null,
    won: { mrr: bigint; oneTime: bigint; closeDate: string } | null,
  ): Promise<void> {
    await em.query(`UPDATE deal_registration_products SET protected = false WHERE registration_id = $1`, [reg.id]);
    await this.event(em, ctx, reg.id, type, reg.status, to, reason);
    await this.audit.record(em, ctx, {
      operation: type === 'WON' ? 'markDealWon' : type === 'LOST' ? 'markDealLost' : 'expireDealRegistration',
      entityType: 'DealRegistration',
      entityId: reg.id,
      before: { status: reg.status },
      after: { status: to, ...(won ? { actualMrrMinor: won.mrr.toString(), actualOneTimeMinor: won.oneTime.toString(), actualCloseDate: won.closeDate } : {}), ...(reason ? { decisionReason: reason } : {}) },
    });
    const lines = await em.query(
      `SELECT l.product_id, p.sku, p.product_line, p.pricing, l.quantity FROM deal_registration_products l JOIN products p ON p.id = l.product_id WHERE l.registration_id = $1 ORDER BY p.sku`,
      [reg.id],
    );
    const event: DealOutcomeEvent = {
      eventId: `deal-registration:${reg.id}:${type}`,
      type: type === 'WON' ? 'DEAL_WON' : type === 'LOST' ? 'DEAL_LOST' : 'DEAL_EXPIRED',
      registrationId: reg.id,
      registrationNumber: reg.number,
      organisationId: reg.organisationId,
      programId: reg.programId,
      repUserId: reg.registeredByUserId,
      currency: reg.currency,
      mrrMinor: (won?.mrr ?? reg.estimatedMrrMinor).toString(),
      oneTimeMinor: (won?.oneTime ?? reg.estimatedOneTimeMinor).toString(),
      closeDate: won?.closeDate ?? null,
      occurredAt: this.clock.now().toISOString(),
      products: (lines as Record<string, unknown>[]).map((l) => ({
        productId: l.product_id as string,
        sku: l.sku as string,
        productLine: l.product_line as string,
        pricing: l.pricing as string,
        quantity: Number(l.quantity),
      })),
    };
    if (this.jobs.running) await this.jobs.send(DEAL_OUTCOME_JOB, event, { manager: em, id: uuidFromKey(event.eventId) });
    if (type === 'EXPIRED') {
      await this.notify(em, [reg.registeredByUserId], 'DEAL_EXPIRED', reg, `Protection of DR-${reg.number} (${reg.customerName}) has ended`);
    }
  }

  private async event(
    em: EntityManager,
    ctx: RequestContext,
    registrationId: string,
    type: DealEventType,
    from: DealStatus | null,
    to: DealStatus | null,
    note: string | null = null,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await em.getRepository(DealEventEntity).insert({
      registrationId,
      at: this.clock.now(),
      actorUserId: ctx.actor?.userId ?? null,
      type,
      fromStatus: from,
      toStatus: to,
      note,
      data: data as never,
    });
  }

  private notify(em: EntityManager, userIds: string[], type: NotificationType, reg: DealRegistrationEntity, title: string, body?: string): Promise<void> {
    return this.notifications.notify(em, userIds, { type, title, body, entityType: 'DealRegistration', entityId: reg.id });
  }
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function minorToText(minor: bigint, currency: string): string {
  return formatMoneyPlain(money(minor, currency));
}

function auditSnapshot(reg: DealRegistrationEntity): Record<string, unknown> {
  return {
    status: reg.status,
    customerName: reg.customerName,
    customerDomain: reg.customerDomain,
    customerCountry: reg.customerCountry,
    currency: reg.currency,
    estimatedMrrMinor: reg.estimatedMrrMinor?.toString(),
    estimatedOneTimeMinor: reg.estimatedOneTimeMinor?.toString(),
    expectedCloseDate: reg.expectedCloseDate,
    salesStage: reg.salesStage,
    customerCity: reg.customerCity,
    contactName: reg.contactName,
    contactEmail: reg.contactEmail,
    contactPhone: reg.contactPhone,
    notes: reg.notes,
    fromVendorLead: reg.fromVendorLead,
  };
}

export function toRegistration(row: Record<string, unknown>): DealRegistrationEntity {
  const big = (v: unknown): bigint | null => (v === null || v === undefined ? null : BigInt(v as string));
  return Object.assign(new DealRegistrationEntity(), {
    id: row.id as string,
    number: Number(row.number),
    organisationId: row.organisation_id as string,
    programId: row.program_id as string,
    registeredByUserId: row.registered_by_user_id as string,
    status: row.status as DealStatus,
    customerName: row.customer_name as string,
    customerNormalisedName: row.customer_normalised_name as string,
    customerDomain: (row.customer_domain as string | null) ?? null,
    customerCountry: row.customer_country as string,
    customerCity: (row.customer_city as string | null) ?? null,
    contactName: (row.contact_name as string | null) ?? null,
    contactEmail: (row.contact_email as string | null) ?? null,
    contactPhone: (row.contact_phone as string | null) ?? null,
    currency: row.currency as string,
    estimatedMrrMinor: big(row.estimated_mrr_minor) ?? 0n,
    estimatedOneTimeMinor: big(row.estimated_one_time_minor) ?? 0n,
    expectedCloseDate: row.expected_close_date as string,
    salesStage: row.sales_stage as DealRegistrationEntity['salesStage'],
    notes: (row.notes as string | null) ?? null,
    fromVendorLead: Boolean(row.from_vendor_lead),
    possibleConflict: Boolean(row.possible_conflict),
    submittedAt: (row.submitted_at as Date | null) ?? null,
    reviewDueAt: (row.review_due_at as Date | null) ?? null,
    decidedAt: (row.decided_at as Date | null) ?? null,
    decidedByUserId: (row.decided_by_user_id as string | null) ?? null,
    decisionReason: (row.decision_reason as string | null) ?? null,
    approvedAt: (row.approved_at as Date | null) ?? null,
    protectionEndsAt: (row.protection_ends_at as Date | null) ?? null,
    extensionsUsed: Number(row.extensions_used),
    extensionRequestedAt: (row.extension_requested_at as Date | null) ?? null,
    extensionReason: (row.extension_reason as string | null) ?? null,
    remindersSent: ((row.reminders_sent as number[] | null) ?? []).map(Number),
    closedAt: (row.closed_at as Date | null) ?? null,
    actualMrrMinor: big(row.actual_mrr_minor),
    actualOneTimeMinor: big(row.actual_one_time_minor),
    actualCloseDate: (row.actual_close_date as string | null) ?? null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
  });
}

export type { DealAction };
