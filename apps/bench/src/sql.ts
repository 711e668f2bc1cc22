/**
 * The statements the api issues for the measured requests, copied here for the raw-SQL baseline.
 * Keep in step with libs/server/identity/src/auth/jwt.strategy.ts, services/users.service.ts and
 * services/organisations.service.ts.
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
