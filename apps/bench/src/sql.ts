import { NAME_SIMILARITY_THRESHOLD } from '@prm/domain/deals';
import { conflictCandidatesQuery } from '@prm/server/deals';
/**
 * The statements the api issues for the measured requests, copied here for the raw-SQL baseline.
 * Keep in step with libs/server/identity/src/auth/jwt.strategy.ts, services/users.service.ts,
 * services/organisations.service.ts and libs/server/deals/src/services/deal-registrations.service.ts.
 */

/** JwtStrategy.validate: the per-request user lookup. */
export const AUTH_LOOKUP_SQL = `SELECT u.id, u.email, u.role, u.organisation_id FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = $1 AND u.status = 'ACTIVE' AND o.status = 'ACTIVE'`;

const USER_COLUMNS = `u.id, u.organisation_id, u.email, u.name, u.role, u.status, u.last_login_at, u.created_at, u.updated_at`;

/** UsersService.get (TypeORM findOneBy({ id })): the `me` row. */
export const USER_BY_ID_SQL = `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 LIMIT 1`;

/** UsersService.byIds (the channelManager DataLoader batch): `u.id IN ($1, …, $n)`. */
export function usersByIdsSql(count: number): string {
  const params = Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');
  return `SELECT ${USER_COLUMNS} FROM users u WHERE u.id IN (${params})`;
}

const ORG_COLUMNS = `o.id, o.kind, o.name, o.legal_name, o.country, o.city, o.website, o.domain, o.vat_number, o.segment,
  o.preferred_language, o.currency, o.status, o.channel_manager_id, o.created_at, o.updated_at`;

export interface PartnerPageRequest {
  first: number;
  /** Decoded cursor: [lower(name), id] of the previous page's last row. */
  after?: [string, string];
  search?: string;
}

/** OrganisationsService.partners for a vendor caller (no partner scope): keyset by (lower(name), id), LIMIT first + 1. */
export function partnerPageQuery(req: PartnerPageRequest): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = [`o.kind = 'PARTNER'`];
  if (req.search) {
    const like = param(`%${req.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(lower(o.name) LIKE ${like} OR lower(coalesce(o.legal_name, '')) LIKE ${like} OR lower(coalesce(o.city, '')) LIKE ${like} OR coalesce(o.domain, '') LIKE ${like})`);
  }
  if (req.after) {
    values.push(req.after[0], req.after[1]);
    where.push(`(lower(o.name), o.id) > ($${values.length - 1}, $${values.length}::uuid)`);
  }
  values.push(req.first + 1);
  return {
    text: `SELECT ${ORG_COLUMNS} FROM organisations o WHERE ${where.join(' AND ')} ORDER BY lower(o.name), o.id LIMIT $${values.length}`,
    values,
  };
}

/** OrganisationsService.byIds (the organisation DataLoader batch, vendor caller). */
export const ORGANISATIONS_BY_IDS_SQL = `SELECT ${ORG_COLUMNS} FROM organisations o WHERE o.id = ANY($1)`;

/** DealRegistrationsService REGISTRATION_COLUMNS. */
const REGISTRATION_COLUMNS = `r.id, r.number, r.organisation_id, r.program_id, r.registered_by_user_id, r.status, r.customer_name, r.customer_normalised_name,
  r.customer_domain, r.customer_country, r.customer_city, r.contact_name, r.contact_email, r.contact_phone, r.currency, r.estimated_mrr_minor,
  r.estimated_one_time_minor, to_char(r.expected_close_date, 'YYYY-MM-DD') AS expected_close_date, r.sales_stage, r.notes, r.from_vendor_lead,
  r.possible_conflict, r.submitted_at, r.review_due_at, r.decided_at, r.decided_by_user_id, r.decision_reason, r.approved_at, r.protection_ends_at,
  r.extensions_used, r.extension_requested_at, r.extension_reason, r.reminders_sent, r.closed_at, r.actual_mrr_minor, r.actual_one_time_minor,
  to_char(r.actual_close_date, 'YYYY-MM-DD') AS actual_close_date, r.created_at, r.updated_at`;

export interface QueuePageRequest {
  first: number;
  /** Decoded cursor: [review_due_at (ISO), id] of the previous page's last row. */
  after?: [string, string];
}

/** DealRegistrationsService.list(…, queue = true) for a vendor caller without filter: keyset by (review_due_at, id), LIMIT first + 1. */
export function reviewQueueQuery(req: QueuePageRequest): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const where = [`r.status <> 'DRAFT'`, `r.status = 'SUBMITTED'`];
  if (req.after) {
    values.push(req.after[0], req.after[1]);
    where.push(`(r.review_due_at, r.id) > ($1::timestamptz, $2::uuid)`);
  }
  values.push(req.first + 1);
  return {
    text: `SELECT ${REGISTRATION_COLUMNS} FROM deal_registrations r WHERE ${where.join(' AND ')} ORDER BY r.review_due_at ASC, r.id ASC LIMIT $${values.length}`,
    values,
  };
}

/** The candidate a conflict check compares (DealRegistrationsService's Candidate) and whether other partners and house accounts are searched (vendor staff). */
export interface ConflictCheckRequest {
  normalisedName: string;
  domain: string | null;
  /** The partner's organisation, or the vendor's for vendor staff. */
  organisationId: string;
  excludeId: string | null;
  others: boolean;
}

/**
 * DealRegistrationsService.findMatches (checkDealConflicts): the service's own statement builder, run
 * through `pg` on a connection whose `pg_trgm.similarity_threshold` is the service's (see BASELINE_OPTIONS).
 */
export function conflictCheckQuery(req: ConflictCheckRequest, now: Date): { text: string; values: unknown[] } {
  return conflictCandidatesQuery(req, req.others, now);
}

/** Connection options of the baseline's pools: the trigram threshold the service sets in its transaction. */
export const BASELINE_OPTIONS = `-c pg_trgm.similarity_threshold=${NAME_SIMILARITY_THRESHOLD}`;
