import { parseMoney } from '@prm/domain/money';
import { addMonths, monthOf } from '@prm/domain/revenue';
import type { Pool } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark is a harness of the api: it reuses its demo catalogue
import { DEMO_PRODUCTS } from '../../api/src/app/demo-data';
import { type GeneratedData, SURNAMES } from './data';
import { withoutForeignKeysAndIndexes } from './deals-data';

/**
 * The revenue ledger at Scale S: 100,000 end customers of the 2,000 partners, about 1.3 subscriptions
 * each on the demo catalogue's recurring products, 1.5 million subscription events over the 36 months
 * that end this month.
 */
export const REVENUE_SCALE = { customers: 100_000, events: 1_500_000, months: 36 };

/** Shares (each drawn from its own hash of the customer, subscription or event). */
const MIX = {
  secondSubscription: 0.3,
  usd: 0.04,
  transfer: 0.06,
  /** Billing interval: monthly below 0.72, quarterly below 0.80, annual above. */
  monthly: 0.72,
  quarterly: 0.8,
  trial: 0.05, // of monthly subscriptions: START as TRIAL, converted by the first CHANGE
  cancelled: 0.24, // of monthly and quarterly subscriptions; annual: half of it
  promo: 0.15, // START with 20 % off for six months
  earlyRenewal: 0.35, // of annual subscriptions: renewed 100 days before the term ends (else 30)
  pause: 0.07, // of the odd slots of monthly and quarterly subscriptions: PAUSE, RESUME at the next slot
  quantityUp: 0.55, // of the CHANGE slots; quantity down below 0.80, discount start/end above
  quantityDown: 0.8,
};

/** The USD rate (EUR per USD), one per month. */
const USD_RATE = (i: number): string => (0.92 + 0.04 * Math.sin(i / 4)).toFixed(4);

const ACTIVITIES = ['Bouw', 'Transport', 'Accountants', 'Advocaten', 'Tandartsen', 'Installatietechniek', 'Logistiek', 'Zorg', 'Drukwerk', 'Makelaardij', 'Horeca', 'Architecten'];

export interface RevenueSizes {
  customers: number;
  transferred: number;
  usdCustomers: number;
  partnersWithCustomers: number;
  subscriptions: number;
  byInterval: Record<string, number>;
  events: number;
  byKind: Record<string, number>;
  exchangeRates: number;
  firstDate: string;
  lastDate: string;
}

export interface RevenueData {
  sizes: RevenueSizes;
  /** The day the ledger was generated up to (UTC), the current month and the month 12 months before. */
  today: string;
  month: string;
}

/**
 * Bulk-loads the revenue ledger into a database that holds Scale S (and, when the deal scenarios ran,
 * the product catalogue): set-based `INSERT … SELECT` over `generate_series`, every choice a
 * deterministic hash of the row's number (`hashint8extended`), in one transaction with the ledger's
 * foreign keys and secondary indexes dropped and rebuilt (see withoutForeignKeysAndIndexes); then
 * VACUUM ANALYZE. The rollups are not touched: `RevenueRollupService.rebuild()` derives them.
 *
 * Every event row carries the subscription's full terms from its effective date, as LedgerService
 * would write them: START; CHANGE (quantity up or down, a discount starting — open-ended or with an
 * end date — or removed, a trial converted); PAUSE followed by RESUME at the next event; CANCEL as the
 * last event, effective the day after the paid period (end of the billing period, or of the annual
 * term); RENEW of annual terms 30 or 100 days before they end. A discount whose end date has passed
 * by an event's effective date is not carried into that event (its MRR is the same either way, and
 * the table's CHECK requires discount_ends_on > effective_date). Sequence follows recording order.
 */
export async function generateRevenue(pool: Pool, base: GeneratedData, now = new Date()): Promise<RevenueData> {
  const today = now.toISOString().slice(0, 10);
  const month = monthOf(today);
  const windowStart = addMonths(month, -(REVENUE_SCALE.months - 1));
  const partners = base.partners.map((p) => p.id);
  const recurring = DEMO_PRODUCTS.filter((p) => p.pricing === 'RECURRING');

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    // A uniform number in [0, 1) from a row's number and a purpose (salt): the same data every run.
    await client.query(
      `CREATE FUNCTION pg_temp.u(k bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE
         AS 'SELECT (hashint8extended(k, salt) & 9007199254740991)::float8 / 9007199254740992'`,
    );
    // A deterministic id (an md5 with the version-4 and variant bits, so the api's id validation accepts it).
    await client.query(
      `CREATE FUNCTION pg_temp.uuid_of(t text) RETURNS uuid LANGUAGE sql IMMUTABLE AS 'SELECT overlay(overlay(md5(t) placing ''4'' from 13) placing ''8'' from 17)::uuid'`,
    );

    // The demo catalogue (the deal scenarios may have loaded it already).
    await client.query(
      `INSERT INTO products (sku, name, product_line, pricing, list_price_minor, currency)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[]) ON CONFLICT (sku) DO NOTHING`,
      [
        DEMO_PRODUCTS.map((p) => p.sku),
        DEMO_PRODUCTS.map((p) => p.name),
        DEMO_PRODUCTS.map((p) => p.productLine),
        DEMO_PRODUCTS.map((p) => p.pricing),
        DEMO_PRODUCTS.map((p) => parseMoney(p.listPrice, 'EUR').amountMinor.toString()),
        DEMO_PRODUCTS.map(() => 'EUR'),
      ],
    );
    const { rows: products } = await client.query<{ id: string; sku: string; price: string }>(
      `SELECT id, sku, list_price_minor::text AS price FROM products WHERE sku = ANY($1)`,
      [recurring.map((p) => p.sku)],
    );
    const bySku = new Map(products.map((p) => [p.sku, p]));
    const product = recurring.map((p) => bySku.get(p.sku)!);
    // 1 = ACME-BACKUP (per device), 2 = ACME-MAILSEC (per user), 3 = ACME-SIEM (per tenant).
    if (product.some((p) => p === undefined) || recurring[2]?.sku !== 'ACME-SIEM') throw new Error('the demo catalogue has changed: revenue-data.ts expects BACKUP, MAILSEC, SIEM');

    // Customers: partner skewed (a few partners with hundreds of customers, most with 30–60), start date skewed to the window's first half.
    await client.query(
      `CREATE TEMP TABLE bench_customers ON COMMIT DROP AS
       SELECT k, id, partner, since, usd, subs,
              CASE WHEN moved THEN since + 30 + floor(($2::date - since - 31) * pg_temp.u(k, 6))::int END AS transfer_on,
              CASE WHEN moved THEN 1 + (partner + floor(($3::int - 1) * pg_temp.u(k, 7))::int) % $3::int END AS new_partner
         FROM (SELECT k, pg_temp.uuid_of('bench-revenue-customer-' || k) AS id,
                      1 + least($3::int - 1, floor($3::int * power(pg_temp.u(k, 1), 1.6))::int) AS partner,
                      $4::date + floor(($2::date - $4::date) * power(pg_temp.u(k, 2), 1.25))::int AS since,
                      pg_temp.u(k, 3) < $5 AS usd,
                      CASE WHEN pg_temp.u(k, 4) < $6 THEN 2 ELSE 1 END AS subs,
                      pg_temp.u(k, 5) < $7 AS moved_u
                 FROM generate_series(1, $1::int) AS k) c
        CROSS JOIN LATERAL (SELECT c.moved_u AND $2::date - c.since > 60 AS moved) m`,
      [REVENUE_SCALE.customers, today, partners.length, windowStart, MIX.usd, MIX.secondSubscription, MIX.transfer],
    );

    // Subscriptions: product, interval, trial, cancellation (day the customer cancels), starting quantity, promo, early renewals.
    await client.query(
      `CREATE TEMP TABLE bench_subscriptions ON COMMIT DROP AS
       SELECT s.*, COALESCE(s.cancel_on, $1::date) - s.start AS life
         FROM (SELECT b.key, b.id, b.customer_id, b.usd, b.start, b.product, b.interval_months,
                      b.interval_months = 1 AND pg_temp.u(b.key, 14) < $4 AS trial,
                      CASE WHEN $1::date - b.start >= 2 AND pg_temp.u(b.key, 15) < $5 * CASE WHEN b.interval_months = 12 THEN 0.5 ELSE 1 END
                           THEN b.start + 1 + floor(($1::date - b.start - 1) * pg_temp.u(b.key, 16))::int END AS cancel_on,
                      CASE b.product WHEN 1 THEN 10 + floor(70 * pg_temp.u(b.key, 17)) WHEN 2 THEN 25 + floor(375 * pg_temp.u(b.key, 17))
                           ELSE 1 + floor(3 * pg_temp.u(b.key, 17)) END::int AS q0,
                      pg_temp.u(b.key, 18) < $6 AS promo,
                      pg_temp.u(b.key, 19) < $7 AS early
                 FROM (SELECT (c.k * 4 + n)::bigint AS key, pg_temp.uuid_of('bench-revenue-subscription-' || c.k || '-' || n) AS id, c.id AS customer_id, c.usd,
                              CASE WHEN n = 1 THEN c.since ELSE c.since + floor(($1::date - c.since) * pg_temp.u(c.k * 4 + n, 10))::int END AS start,
                              CASE WHEN pg_temp.u(c.k * 4 + n, 11) < 0.45 THEN 1 WHEN pg_temp.u(c.k * 4 + n, 11) < 0.9 THEN 2 ELSE 3 END AS product,
                              CASE WHEN pg_temp.u(c.k * 4 + n, 12) < $2 THEN 1 WHEN pg_temp.u(c.k * 4 + n, 12) < $3 THEN 3 ELSE 12 END AS interval_months
                         FROM bench_customers c CROSS JOIN LATERAL generate_series(1, c.subs) AS n) b) s`,
      [today, MIX.monthly, MIX.quarterly, MIX.trial, MIX.cancelled, MIX.promo, MIX.earlyRenewal],
    );
    // Renewals of annual terms (term t ends start + 12(t+1) months − 1 day), while not cancelled.
    await client.query(
      `CREATE TEMP TABLE bench_renewals ON COMMIT DROP AS
       SELECT s.id AS subscription_id, r.d
         FROM bench_subscriptions s CROSS JOIN generate_series(0, 3) AS t
        CROSS JOIN LATERAL (SELECT (s.start + make_interval(months => 12 * (t + 1)))::date - 1 - CASE WHEN s.early THEN 100 ELSE 30 END AS d) r
        WHERE s.interval_months = 12 AND r.d <= $1::date AND r.d > s.start AND (s.cancel_on IS NULL OR r.d < s.cancel_on)`,
      [today],
    );
    // Events per day of a subscription's life, so that START + RENEW + the other events come to the target.
    const { rows: calibration } = await client.query<{ k: number }>(
      `SELECT ($1::float8 - (SELECT count(*) FROM bench_subscriptions) - (SELECT count(*) FROM bench_renewals)) / sum(life) AS k FROM bench_subscriptions`,
      [REVENUE_SCALE.events],
    );
    const perDay = Number(calibration[0]!.k);

    await withoutForeignKeysAndIndexes(client, ['revenue_customers', 'revenue_customer_partners', 'revenue_subscriptions', 'revenue_subscription_events'], async () => {
      await client.query(
        `INSERT INTO revenue_customers (id, external_id, name, domain, country, organisation_id, created_at)
         SELECT id, 'BC' || lpad(k::text, 6, '0'),
                ($2::text[])[1 + k % cardinality($2::text[])] || ' ' || ($3::text[])[1 + (k / cardinality($2::text[])) % cardinality($3::text[])] || ' ' || k
                  || CASE WHEN usd THEN ' Inc.' WHEN k % 20 < 13 THEN ' B.V.' ELSE ' NV' END,
                'klant-' || k || CASE WHEN usd THEN '.com' WHEN k % 20 < 13 THEN '.nl' ELSE '.be' END,
                CASE WHEN usd THEN 'US' WHEN k % 20 < 13 THEN 'NL' ELSE 'BE' END,
                ($1::uuid[])[COALESCE(new_partner, partner)], since::timestamptz
           FROM bench_customers ORDER BY k`,
        [partners, SURNAMES, ACTIVITIES],
      );
      await client.query(
        `INSERT INTO revenue_customer_partners (customer_id, organisation_id, effective_from, recorded_at)
         SELECT id, ($1::uuid[])[partner], since, since::timestamptz FROM bench_customers
         UNION ALL
         SELECT id, ($1::uuid[])[new_partner], transfer_on, transfer_on::timestamptz FROM bench_customers WHERE transfer_on IS NOT NULL`,
        [partners],
      );
      await client.query(
        `INSERT INTO revenue_subscriptions (id, customer_id, product_id, external_id, created_at)
         SELECT id, customer_id, ($1::uuid[])[product], 'BS' || lpad(key::text, 7, '0'), start::timestamptz FROM bench_subscriptions ORDER BY key`,
        [product.map((p) => p.id)],
      );
      await client.query(EVENTS_SQL, [perDay, product.map((p) => p.price), MIX.pause, MIX.quantityUp, MIX.quantityDown]);
      await client.query(`SELECT setval(pg_get_serial_sequence('revenue_subscription_events', 'sequence'), (SELECT max(sequence) FROM revenue_subscription_events))`);
    });
    // USD rates: the first day of every month from the month before the window to this one.
    const rateMonths = Array.from({ length: REVENUE_SCALE.months + 1 }, (_, i) => addMonths(windowStart, i - 1));
    await client.query(
      `INSERT INTO revenue_exchange_rates (currency, valid_from, rate, minor_digits) SELECT 'USD', m, r, 2 FROM unnest($1::date[], $2::numeric[]) AS t (m, r)`,
      [rateMonths, rateMonths.map((_, i) => USD_RATE(i))],
    );
    const { rows: counts } = await client.query<{ what: string; key: string; n: string }>(
      `SELECT 'kind' AS what, kind AS key, count(*)::text AS n FROM revenue_subscription_events GROUP BY kind
       UNION ALL SELECT 'interval', interval_months::text, count(*)::text FROM bench_subscriptions GROUP BY interval_months
       UNION ALL SELECT 'customers', '', count(*)::text FROM bench_customers
       UNION ALL SELECT 'partners', '', count(DISTINCT partner)::text FROM bench_customers
       UNION ALL SELECT 'transferred', '', count(transfer_on)::text FROM bench_customers
       UNION ALL SELECT 'usd', '', count(*) FILTER (WHERE usd)::text FROM bench_customers
       UNION ALL SELECT 'subscriptions', '', count(*)::text FROM bench_subscriptions
       UNION ALL SELECT 'rates', '', count(*)::text FROM revenue_exchange_rates
       UNION ALL SELECT 'first', min(effective_date)::text, '0' FROM revenue_subscription_events
       UNION ALL SELECT 'last', max(effective_date)::text, '0' FROM revenue_subscription_events`,
    );
    await client.query('COMMIT');
    await client.query(
      'VACUUM (ANALYZE) products, revenue_customers, revenue_customer_partners, revenue_subscriptions, revenue_subscription_events, revenue_exchange_rates',
    );

    const one = (what: string): number => Number(counts.find((c) => c.what === what)?.n ?? 0);
    const keyed = (what: string): Record<string, number> => Object.fromEntries(counts.filter((c) => c.what === what).map((c) => [c.key, Number(c.n)]));
    const byKind = keyed('kind');
    const names: Record<string, string> = { '1': 'monthly', '3': 'quarterly', '12': 'annual' };
    return {
      sizes: {
        customers: one('customers'),
        transferred: one('transferred'),
        usdCustomers: one('usd'),
        partnersWithCustomers: one('partners'),
        subscriptions: one('subscriptions'),
        byInterval: Object.fromEntries(Object.entries(keyed('interval')).map(([k, v]) => [names[k] ?? `${k}-monthly`, v])),
        events: Object.values(byKind).reduce((a, b) => a + b, 0),
        byKind: Object.fromEntries(['START', 'CHANGE', 'PAUSE', 'RESUME', 'CANCEL', 'RENEW'].map((k) => [k, byKind[k] ?? 0])),
        exchangeRates: one('rates'),
        firstDate: counts.find((c) => c.what === 'first')?.key ?? '',
        lastDate: counts.find((c) => c.what === 'last')?.key ?? '',
      },
      today,
      month,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * The events, from bench_subscriptions and bench_renewals. $1 events per day of life, $2 the list
 * price (minor, per month) of products 1–3, $3 pause share, $4/$5 quantity up/down bounds.
 *
 * slots: n events after START (n from the life in days × $2, at most one a week; a cancelled
 * subscription has at least its CANCEL), spread evenly over the life with a jitter, so dates are
 * distinct and before today (the CANCEL on the day the customer cancels). A slot is CANCEL (the last
 * of a cancelled subscription), PAUSE (odd slots of monthly and quarterly plans, never the trial's
 * first, only when the next slot is not the CANCEL), RESUME (the slot after a PAUSE) or CHANGE.
 * A CHANGE moves the quantity level up or down, or is a discount slot: the odd-numbered discount
 * setter (the START's promo counts) starts a discount, the even one removes it.
 */
const EVENTS_SQL = `
WITH subs AS (
  SELECT s.*, greatest(CASE WHEN s.cancel_on IS NOT NULL THEN 1 ELSE 0 END,
                       least(floor(s.life / 7.0)::int, floor(s.life * $1::float8 + pg_temp.u(s.key, 13))::int)) AS n
    FROM bench_subscriptions s
),
slots AS (
  SELECT s.id AS subscription_id, j,
         CASE WHEN s.cancel_on IS NOT NULL AND j = s.n THEN s.cancel_on
              ELSE s.start + floor(s.life * (j - 0.85 + 0.7 * pg_temp.u(s.key * 1000 + j, 20)) / s.n)::int END AS d,
         CASE WHEN s.cancel_on IS NOT NULL AND j = s.n THEN 'CANCEL'
              WHEN s.interval_months <> 12 AND j % 2 = 1 AND j + 1 <= s.n - (s.cancel_on IS NOT NULL)::int AND NOT (s.trial AND j = 1)
                   AND pg_temp.u(s.key * 1000 + j, 21) < $3 THEN 'PAUSE'
              WHEN s.interval_months <> 12 AND j % 2 = 0 AND j <= s.n - (s.cancel_on IS NOT NULL)::int AND NOT (s.trial AND j - 1 = 1)
                   AND pg_temp.u(s.key * 1000 + j - 1, 21) < $3 THEN 'RESUME'
              ELSE 'CHANGE' END AS kind,
         CASE WHEN s.trial AND j = 1 THEN 'CONVERT'
              WHEN pg_temp.u(s.key * 1000 + j, 22) < $4 THEN 'UP'
              WHEN pg_temp.u(s.key * 1000 + j, 22) < $5 THEN 'DOWN'
              ELSE 'DISCOUNT' END AS change
    FROM subs s CROSS JOIN LATERAL generate_series(1, s.n) AS j
),
ev AS (
  SELECT id AS subscription_id, start AS d, 'START' AS kind, promo AS setter, 0 AS delta FROM bench_subscriptions
  UNION ALL
  SELECT subscription_id, d, kind, kind = 'CHANGE' AND change = 'DISCOUNT', CASE WHEN kind <> 'CHANGE' THEN 0 WHEN change = 'UP' THEN 1 WHEN change = 'DOWN' THEN -1 ELSE 0 END
    FROM slots x
   WHERE NOT EXISTS (SELECT 1 FROM bench_renewals r WHERE r.subscription_id = x.subscription_id AND r.d = x.d)
  UNION ALL
  SELECT subscription_id, d, 'RENEW', false, 0 FROM bench_renewals
),
state AS (
  SELECT ev.subscription_id, ev.d, ev.kind,
         sum(ev.delta) OVER w AS level,
         count(*) FILTER (WHERE ev.kind = 'RENEW') OVER w AS renewals,
         count(*) FILTER (WHERE ev.setter) OVER w AS setters,
         max(ev.d) FILTER (WHERE ev.setter) OVER w AS set_on
    FROM ev WINDOW w AS (PARTITION BY ev.subscription_id ORDER BY ev.d ROWS UNBOUNDED PRECEDING)
),
terms AS (
  SELECT s.key, s.start, s.trial, s.product, s.interval_months, s.usd, s.promo, x.d, x.kind, x.renewals, x.setters, x.set_on, s.id AS subscription_id,
         CASE WHEN s.product = 3 THEN greatest(1, s.q0 + x.level) ELSE greatest(1, round(s.q0 * power(1.15, x.level)))::int END AS quantity,
         round(($2::bigint[])[s.product] * s.interval_months * CASE WHEN s.usd THEN 1.09 ELSE 1 END)::bigint AS unit_price,
         CASE WHEN s.interval_months = 12 THEN (s.start + make_interval(months => (12 * (x.renewals + 1))::int))::date - 1 END AS term_end
    FROM state x JOIN bench_subscriptions s ON s.id = x.subscription_id
),
dated AS (
  SELECT t.*,
         CASE WHEN t.interval_months = 12 THEN t.term_end
              WHEN t.kind = 'CANCEL' THEN (t.start + make_interval(months => t.interval_months
                     * (floor((extract(year FROM age(t.d, t.start)) * 12 + extract(month FROM age(t.d, t.start))) / t.interval_months)::int + 1)))::date - 1
         END AS paid_through,
         -- The discount the last setter started (an odd count), with its end; START promos are 20 % for six months.
         CASE WHEN t.setters % 2 = 1 THEN
           CASE WHEN t.set_on = t.start AND t.promo THEN 'PERCENT' WHEN pg_temp.u(t.key * 10000 + (t.set_on - t.start), 30) < 0.7 THEN 'PERCENT' ELSE 'AMOUNT' END
         END AS discount_kind,
         CASE WHEN t.setters % 2 = 1 THEN
           CASE WHEN t.set_on = t.start AND t.promo THEN 200000
                WHEN pg_temp.u(t.key * 10000 + (t.set_on - t.start), 30) < 0.7 THEN (2 + floor(4 * pg_temp.u(t.key * 10000 + (t.set_on - t.start), 31))::int) * 50000
                ELSE round(t.unit_price * (0.5 + pg_temp.u(t.key * 10000 + (t.set_on - t.start), 31)))::bigint END
         END AS discount_value,
         CASE WHEN t.setters % 2 = 1 THEN
           CASE WHEN t.set_on = t.start AND t.promo THEN (t.start + interval '6 months')::date
                WHEN pg_temp.u(t.key * 10000 + (t.set_on - t.start), 32) < 0.5
                  THEN (t.set_on + make_interval(months => 3 + floor(7 * pg_temp.u(t.key * 10000 + (t.set_on - t.start), 33))::int))::date END
         END AS discount_ends_on
    FROM terms t
),
event_rows AS (
  SELECT y.*, CASE WHEN y.kind = 'CANCEL' THEN y.paid_through + 1 ELSE y.d END AS effective_date
    FROM dated y
)
INSERT INTO revenue_subscription_events (id, sequence, subscription_id, kind, effective_date, recorded_on, status, quantity, unit_price_minor, interval_months,
  currency, discount_kind, discount_value, discount_ends_on, paid_through, term_ends_on, cancelled_on, early_renewal, source, recorded_at)
SELECT pg_temp.uuid_of('bench-revenue-event-' || r.key || '-' || (r.d - r.start)),
       row_number() OVER (ORDER BY r.d + make_interval(secs => 28800 + floor(36000 * pg_temp.u(r.key * 10000 + (r.d - r.start), 40))), r.subscription_id),
       r.subscription_id, r.kind, r.effective_date, r.d,
       CASE r.kind WHEN 'START' THEN CASE WHEN r.trial THEN 'TRIAL' ELSE 'ACTIVE' END WHEN 'PAUSE' THEN 'PAUSED' WHEN 'CANCEL' THEN 'CANCELLED' ELSE 'ACTIVE' END,
       r.quantity, r.unit_price, r.interval_months, CASE WHEN r.usd THEN 'USD' ELSE 'EUR' END,
       CASE WHEN live THEN r.discount_kind END, CASE WHEN live THEN r.discount_value END, CASE WHEN live THEN r.discount_ends_on END,
       r.paid_through, r.term_end, CASE WHEN r.kind = 'CANCEL' THEN r.d END,
       r.kind = 'RENEW' AND (r.start + make_interval(months => (12 * r.renewals)::int))::date - 1 - r.d >= 90,
       'BILLING',
       (r.d + make_interval(secs => 28800 + floor(36000 * pg_temp.u(r.key * 10000 + (r.d - r.start), 40))))::timestamp AT TIME ZONE 'UTC'
  FROM event_rows r CROSS JOIN LATERAL (SELECT r.discount_kind IS NOT NULL AND (r.discount_ends_on IS NULL OR r.discount_ends_on > r.effective_date) AS live) l`;

