import type { DataSource } from 'typeorm';

/** Tables whose content a GraphQL operation may change (login_throttle is bookkeeping and left out). */
export const STATE_TABLES = [
  'organisations',
  'users',
  'sessions',
  'invitations',
  'api_keys',
  'programs',
  'tiers',
  'enrolments',
  'tier_changes',
  'partner_metrics',
  'audit_log',
  'products',
  'deal_rules',
  'house_accounts',
  'deal_registrations',
  'deal_registration_products',
  'leads',
  'lead_assignments',
  'deal_events',
  'deal_conflicts',
  'notifications',
  'notification_mutes',
  'revenue_customers',
  'revenue_customer_partners',
  'revenue_subscriptions',
  'revenue_subscription_events',
  'revenue_exchange_rates',
  'revenue_movements',
  'revenue_customer_months',
  'revenue_partner_months',
  'revenue_pending',
  'revenue_rollup_state',
  'referral_links',
  'referral_signups',
] as const;

export type DbFingerprint = Record<(typeof STATE_TABLES)[number], { rows: number; hash: string }>;

/** Row count and a content hash per table: equal fingerprints mean nothing was inserted, updated or deleted. */
export async function dbFingerprint(dataSource: DataSource): Promise<DbFingerprint> {
  const parts = STATE_TABLES.map(
    (table) => `SELECT '${table}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${table} t`,
  );
  const result: { name: (typeof STATE_TABLES)[number]; rows: number; hash: string }[] = await dataSource.query(parts.join(' UNION ALL '));
  return Object.fromEntries(result.map((r) => [r.name, { rows: r.rows, hash: r.hash }])) as DbFingerprint;
}

export interface OrganisationSnapshot {
  organisation: unknown[];
  users: unknown[];
  sessions: unknown[];
  invitations: unknown[];
  apiKeys: unknown[];
  enrolments: unknown[];
  tierChanges: unknown[];
  partnerMetrics: unknown[];
  dealRegistrations: unknown[];
  auditEntries: number;
}

const rowsOf = async (dataSource: DataSource, sql: string, params: unknown[]): Promise<unknown[]> => {
  const result: { rows: unknown[] }[] = await dataSource.query(`SELECT coalesce(json_agg(t ORDER BY t.sort_key), '[]'::json) AS rows FROM (${sql}) t`, params);
  return result[0].rows;
};

/**
 * Every row that belongs to one organisation, in full, plus the number of audit entries about it
 * (its own records, or written by its users and keys). Compared before/after to prove nothing changed.
 */
export async function organisationSnapshot(dataSource: DataSource, organisationId: string): Promise<OrganisationSnapshot> {
  const p = [organisationId];
  const snapshot: Omit<OrganisationSnapshot, 'auditEntries'> = {
    organisation: await rowsOf(dataSource, `SELECT o.*, o.id::text AS sort_key FROM organisations o WHERE o.id = $1`, p),
    users: await rowsOf(dataSource, `SELECT u.*, u.id::text AS sort_key FROM users u WHERE u.organisation_id = $1`, p),
    sessions: await rowsOf(dataSource, `SELECT s.*, s.id::text AS sort_key FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.organisation_id = $1`, p),
    invitations: await rowsOf(dataSource, `SELECT i.*, i.id::text AS sort_key FROM invitations i WHERE i.organisation_id = $1`, p),
    apiKeys: await rowsOf(dataSource, `SELECT k.*, k.id::text AS sort_key FROM api_keys k WHERE k.organisation_id = $1`, p),
    enrolments: await rowsOf(dataSource, `SELECT e.*, e.id::text AS sort_key FROM enrolments e WHERE e.organisation_id = $1`, p),
    tierChanges: await rowsOf(dataSource, `SELECT c.*, c.id::text AS sort_key FROM tier_changes c WHERE c.organisation_id = $1`, p),
    partnerMetrics: await rowsOf(dataSource, `SELECT m.*, m.metric AS sort_key FROM partner_metrics m WHERE m.organisation_id = $1`, p),
    dealRegistrations: await rowsOf(
      dataSource,
      `SELECT r.*, (SELECT json_agg(l ORDER BY l.product_id) FROM deal_registration_products l WHERE l.registration_id = r.id) AS lines,
              (SELECT count(*) FROM deal_events e WHERE e.registration_id = r.id) AS events, r.id::text AS sort_key
         FROM deal_registrations r WHERE r.organisation_id = $1`,
      p,
    ),
  };
  const owned = [snapshot.users, snapshot.invitations, snapshot.apiKeys, snapshot.enrolments, snapshot.tierChanges, snapshot.dealRegistrations];
  const ids = [organisationId, ...owned.flatMap((rows) => rows.map((r) => (r as { id: string }).id))];
  const audit: { n: number }[] = await dataSource.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE actor_organisation_id = $1 OR entity_id = ANY($2) OR entity_id LIKE $3`,
    [organisationId, ids, `${organisationId}:%`],
  );
  return { ...snapshot, auditEntries: audit[0].n };
}
