// Incentives at Scale S: one quarter with a million won deals (the qualifying events of a SPIF and a
// rebate plan) spread over every partner and its users, generated inside PostgreSQL in batches.
import { periodOf } from '@prm/domain/incentives';
import type { Pool } from 'pg';
import type { GeneratedData } from './data';

export const INCENTIVES_SCALE = { wonDeals: 1_000_000, batch: 100_000 };

export interface IncentivesData {
  /** The quarter the deals were won in: the last one that is over (a period can only be closed once it has ended). */
  quarter: { key: string; start: string; end: string };
  sizes: { wonDeals: number; productLines: number; partners: number; reps: number };
}

/** The last quarter that ended before `today`. */
export function lastClosedQuarter(today: string): { key: string; start: string; end: string } {
  const current = periodOf(today, 'QUARTER');
  const day = new Date(`${current.start}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  const previous = periodOf(day.toISOString().slice(0, 10), 'QUARTER');
  return { key: previous.key, start: previous.start, end: previous.end };
}

/**
 * Won deals, deal g of the quarter: partner (g × 7,919 mod P), one of its users in turn, a close day
 * spread over the quarter, MRR €10–€510 and, for every fifth deal, €500 one-time; one product line each.
 */
export async function generateIncentives(pool: Pool, base: GeneratedData, today: string): Promise<IncentivesData> {
  const quarter = lastClosedQuarter(today);
  const days = Math.round((Date.parse(`${quarter.end}T00:00:00Z`) - Date.parse(`${quarter.start}T00:00:00Z`)) / 86_400_000) + 1;
  const partners = base.partners.filter((p) => p.userIds.length > 0);
  const offsets: number[] = [];
  const counts: number[] = [];
  const users: string[] = [];
  for (const p of partners) {
    offsets.push(users.length);
    counts.push(p.userIds.length);
    users.push(...p.userIds);
  }
  let products: string[] = (await pool.query<{ id: string }>(`SELECT id FROM products ORDER BY sku LIMIT 8`)).rows.map((r) => r.id);
  if (products.length === 0) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO products (sku, name, product_line, pricing, list_price_minor, currency)
       SELECT 'BENCH-' || i, 'Bench product ' || i, 'Bench', CASE WHEN i % 2 = 0 THEN 'ONE_TIME' ELSE 'RECURRING' END, 1000 * i, 'EUR' FROM generate_series(1, 4) AS i
       RETURNING id`,
    );
    products = rows.map((r) => r.id);
  }
  const client = await pool.connect();
  try {
    for (let from = 1; from <= INCENTIVES_SCALE.wonDeals; from += INCENTIVES_SCALE.batch) {
      const to = Math.min(INCENTIVES_SCALE.wonDeals, from + INCENTIVES_SCALE.batch - 1);
      await client.query(
        `WITH src AS (
           SELECT g, (1 + (g::bigint * 7919) % $4::int)::int AS p FROM generate_series($1::int, $2::int) AS g
         ), deals AS (
           SELECT g, ($5::uuid[])[p] AS organisation_id, ($6::uuid[])[p] AS program_id,
                  ($7::uuid[])[1 + ($8::int[])[p] + (g / $4::int) % ($9::int[])[p]] AS rep,
                  ($3::date + (g % $10::int)) AS close_date
             FROM src
         ), made AS (
           INSERT INTO deal_registrations (organisation_id, program_id, registered_by_user_id, status, customer_name, customer_normalised_name, customer_domain,
             customer_country, currency, estimated_mrr_minor, expected_close_date, sales_stage, submitted_at, decided_at, approved_at, protection_ends_at,
             closed_at, actual_mrr_minor, actual_one_time_minor, actual_close_date, created_at, updated_at)
           SELECT organisation_id, program_id, rep, 'WON', 'Bench Customer ' || g, 'bench customer ' || g, 'bench-customer-' || g || '.test',
                  CASE WHEN g % 3 = 0 THEN 'BE' ELSE 'NL' END, 'EUR', 1000 + (g * 31) % 50000, close_date, 'COMMIT',
                  close_date - 30, close_date - 28, close_date - 28, close_date + 62, close_date + interval '12 hours',
                  1000 + (g * 31) % 50000, CASE WHEN g % 5 = 0 THEN 50000 ELSE 0 END, close_date, close_date - 30, close_date + interval '12 hours'
             FROM deals
           RETURNING id, customer_domain, number)
         INSERT INTO deal_registration_products (registration_id, customer_domain, product_id, quantity, protected)
         SELECT id, customer_domain, ($11::uuid[])[1 + number % $12::int], 1, false FROM made`,
        [from, to, quarter.start, partners.length, partners.map((p) => p.id), partners.map((p) => p.programId), users, offsets, counts, days, products, products.length],
      );
    }
    await client.query('ANALYZE deal_registrations');
    await client.query('ANALYZE deal_registration_products');
  } finally {
    client.release();
  }
  const [won] = (
    await pool.query<{ deals: number; lines: number }>(
      `SELECT count(*)::int AS deals, (SELECT count(*)::int FROM deal_registration_products p JOIN deal_registrations r ON r.id = p.registration_id
                                         WHERE r.status = 'WON' AND r.actual_close_date BETWEEN $1 AND $2) AS lines
         FROM deal_registrations WHERE status = 'WON' AND actual_close_date BETWEEN $1 AND $2`,
      [quarter.start, quarter.end],
    )
  ).rows;
  return { quarter, sizes: { wonDeals: won!.deals, productLines: won!.lines, partners: partners.length, reps: users.length } };
}
