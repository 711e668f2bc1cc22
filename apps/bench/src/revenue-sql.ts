/**
 * The raw-SQL baselines of the revenue scenarios. Unlike the other baselines (copies of the api's
 * statements), these compute each figure **from the ledger** — subscription events and partner
 * records — without the rollup tables, by the definitions of libs/domain/revenue (docs/metrics.md):
 *
 * - a subscription's MRR on a day is that of the terms of its last event effective on or before it
 *   (of two on one day, the later recorded): 0 unless ACTIVE; quantity × unit price less the discount
 *   (a percentage, or an amount capped at the charge) while it applies (day < discount_ends_on),
 *   ÷ interval months, rounded once, half away from zero (monthlyRecurringMinor);
 * - a month's closing MRR is the MRR on its last day, with the partner of record on that day (the
 *   latest record effective on or before it; before the first, the first), per customer and currency
 *   converted at the rate valid on the month's first day and rounded half away from zero;
 * - NRR/GRR of a month: the customers paying with the partner at the end of the same month a year
 *   earlier, their MRR then and now both at this month's rates; NRR = Σ now ÷ Σ then, GRR =
 *   Σ min(now, then) ÷ Σ then, as percentages with two decimals (ratioPercent).
 *
 * Parameters common to all: the month (first day, $2 or $1), the base currency and its minor digits.
 */

/** MRR (minor units, numeric) of the event row `e` on the day `at`. */
function mrrAt(e: string, at: string): string {
  const gross = `(${e}.quantity::bigint * ${e}.unit_price_minor)`;
  return `CASE WHEN ${e}.status <> 'ACTIVE' OR ${gross} <= 0 THEN 0::numeric
      WHEN ${e}.discount_kind IS NULL OR (${e}.discount_ends_on IS NOT NULL AND ${at} >= ${e}.discount_ends_on)
        THEN round(${gross}::numeric / ${e}.interval_months)
      WHEN ${e}.discount_kind = 'AMOUNT' THEN round((${gross} - LEAST(${e}.discount_value, ${gross}))::numeric / ${e}.interval_months)
      ELSE round(${gross}::numeric * (1000000 - ${e}.discount_value) / (1000000::numeric * ${e}.interval_months)) END`;
}

/** Base-currency minor units per minor unit of `currency` on `day` ($base = base currency, $digits its minor digits). */
function factor(currency: string, day: string, base: string, digits: string): string {
  return `CASE WHEN ${currency} = ${base} THEN 1::numeric ELSE (
      SELECT r.rate * power(10::numeric, ${digits}::int - r.minor_digits) FROM revenue_exchange_rates r
       WHERE r.currency = ${currency} AND r.valid_from <= ${day} ORDER BY r.valid_from DESC LIMIT 1) END`;
}

/** A percentage with two decimals, half away from zero, as ratioPercent prints it; NULL without a denominator. */
const percent = (num: string, den: string): string => `CASE WHEN ${den} > 0 THEN to_char(round(${num} * 10000.0 / ${den}) / 100, 'FM999999999990.00') END`;

/** The partner of record of customer `customer` on the day `at`. */
const partnerOn = (customer: string, at: string): string =>
  `(SELECT p.organisation_id FROM revenue_customer_partners p WHERE p.customer_id = ${customer}
     ORDER BY p.effective_from <= ${at} DESC, CASE WHEN p.effective_from <= ${at} THEN p.effective_from END DESC, p.effective_from LIMIT 1)`;

/** The last event of subscription `subscription` effective on or before `at` (index revenue_events_subscription, backwards). */
const lastEventOn = (subscription: string, at: string): string =>
  `(SELECT * FROM revenue_subscription_events e WHERE e.subscription_id = ${subscription} AND e.effective_date <= ${at}
     ORDER BY e.effective_date DESC, e.sequence DESC LIMIT 1)`;

/**
 * Per customer of `scope`: its base-currency MRR at the end of this month (`now_b`, with the partner
 * of record then) and at the end of the month a year earlier (`then_b`, at this month's rates), with
 * the partner of record on each of the two days. `scope` selects customer ids; with `onlyPartner`, only
 * the month ends at which the customer is with partner $1 are valued.
 */
function customerWindow(scope: string, onlyPartner: boolean): string {
  return `params AS (
  SELECT ($2::date + interval '1 month' - interval '1 day')::date AS now_end, ($2::date - interval '11 months' - interval '1 day')::date AS then_end
),
customers AS (${scope}),
ends AS (
  SELECT c.customer_id, w.which, w.at, ${partnerOn('c.customer_id', 'w.at')} AS organisation_id
    FROM customers c CROSS JOIN params x CROSS JOIN LATERAL (VALUES ('now', x.now_end), ('then', x.then_end)) AS w (which, at)
),
subscription_mrr AS (
  SELECT en.customer_id, en.which, en.organisation_id, e.currency, ${mrrAt('e', 'en.at')} AS mrr_minor
    FROM ends en JOIN revenue_subscriptions s ON s.customer_id = en.customer_id
   CROSS JOIN LATERAL ${lastEventOn('s.id', 'en.at')} e${onlyPartner ? `
   WHERE en.organisation_id = $1` : ''}
),
per_currency AS (
  SELECT customer_id, which, organisation_id, currency, sum(mrr_minor) AS mrr_minor FROM subscription_mrr GROUP BY 1, 2, 3, 4
),
rates AS (
  SELECT c.currency, ${factor('c.currency', '$2::date', '$3::text', '$4')} AS factor FROM (SELECT DISTINCT currency FROM per_currency) c
),
per_end AS (
  SELECT p.customer_id, p.which, p.organisation_id, sum(round(p.mrr_minor * r.factor)) AS base_minor
    FROM per_currency p JOIN rates r ON r.currency = p.currency GROUP BY 1, 2, 3
)`;
}

/**
 * Partner dashboard ($1 partner, $2 month, $3 base currency, $4 its digits): the partner's current MRR
 * (closing of the month) and its NRR and GRR, from the ledger. One statement.
 */
export const PARTNER_SUMMARY_SQL = `WITH ${customerWindow('SELECT DISTINCT customer_id FROM revenue_customer_partners WHERE organisation_id = $1', true)},
mine AS (
  SELECT customer_id,
         COALESCE(sum(base_minor) FILTER (WHERE which = 'now' AND organisation_id = $1), 0) AS now_b,
         sum(base_minor) FILTER (WHERE which = 'then' AND organisation_id = $1) AS then_b
    FROM per_end GROUP BY customer_id
),
totals AS (
  SELECT COALESCE(sum(now_b), 0) AS mrr, COALESCE(sum(then_b) FILTER (WHERE then_b > 0), 0) AS cohort_start,
         COALESCE(sum(now_b) FILTER (WHERE then_b > 0), 0) AS cohort_now, COALESCE(sum(LEAST(now_b, then_b)) FILTER (WHERE then_b > 0), 0) AS cohort_kept
    FROM mine
)
SELECT mrr::text AS mrr_minor, cohort_start::text AS cohort_start_minor, ${percent('cohort_now', 'cohort_start')} AS nrr, ${percent('cohort_kept', 'cohort_start')} AS grr
  FROM totals`;

/** One partner's current MRR (the closing of month $2) from the ledger; $1 partner, $3/$4 base currency and digits. */
export const PARTNER_MRR_SQL = `WITH params AS (SELECT ($2::date + interval '1 month' - interval '1 day')::date AS at),
customers AS (
  SELECT DISTINCT cp.customer_id FROM revenue_customer_partners cp CROSS JOIN params x WHERE cp.organisation_id = $1 AND ${partnerOn('cp.customer_id', 'x.at')} = $1
),
per_currency AS (
  SELECT c.customer_id, e.currency, sum(${mrrAt('e', 'x.at')}) AS mrr_minor
    FROM customers c CROSS JOIN params x JOIN revenue_subscriptions s ON s.customer_id = c.customer_id
   CROSS JOIN LATERAL ${lastEventOn('s.id', 'x.at')} e
   GROUP BY 1, 2
)
SELECT COALESCE(sum(round(p.mrr_minor * ${factor('p.currency', '$2::date', '$3::text', '$4')})), 0)::text AS mrr_minor FROM per_currency p`;

/**
 * NRR leaderboard ($2 month, $3/$4 base currency and digits; $1 the page size): every partner's NRR
 * (with GRR and current MRR) from the ledger, highest NRR first (partners without a cohort last).
 */
export const LEADERBOARD_SQL = `WITH ${customerWindow('SELECT id AS customer_id FROM revenue_customers', false)},
per_customer AS (
  SELECT customer_id,
         (array_agg(organisation_id) FILTER (WHERE which = 'now'))[1] AS now_org, sum(base_minor) FILTER (WHERE which = 'now') AS now_b,
         (array_agg(organisation_id) FILTER (WHERE which = 'then'))[1] AS then_org, sum(base_minor) FILTER (WHERE which = 'then') AS then_b
    FROM per_end GROUP BY customer_id
),
mrr AS (SELECT now_org AS organisation_id, sum(now_b) AS mrr FROM per_customer WHERE now_org IS NOT NULL GROUP BY 1),
cohort AS (
  SELECT then_org AS organisation_id, sum(then_b) AS start_b, sum(kept_now) AS now_b, sum(LEAST(kept_now, then_b)) AS kept_b
    FROM (SELECT then_org, then_b, CASE WHEN now_org = then_org THEN COALESCE(now_b, 0) ELSE 0 END AS kept_now FROM per_customer WHERE then_b > 0) c
   GROUP BY 1
),
board AS (
  SELECT o.id AS organisation_id, o.name, COALESCE(m.mrr, 0) AS mrr, ${percent('c.now_b', 'c.start_b')} AS nrr, ${percent('c.kept_b', 'c.start_b')} AS grr
    FROM organisations o LEFT JOIN mrr m ON m.organisation_id = o.id LEFT JOIN cohort c ON c.organisation_id = o.id
   WHERE o.kind = 'PARTNER'
)
SELECT organisation_id, name, mrr::text AS mrr_minor, nrr, grr FROM board
 ORDER BY nrr::numeric DESC NULLS LAST, name, organisation_id LIMIT $1`;

/**
 * Every partner's closing MRR for each of the 36 months to $1 (first day of the current month), from
 * the ledger ($2/$3 base currency and digits): each event's terms hold from its effective date until
 * the subscription's next event; each month end falls in one such period per subscription and in one
 * partner-of-record period per customer.
 */
export const MONTHLY_CLOSING_SQL = `WITH periods AS (
  SELECT e.*, s.customer_id, lead(e.effective_date) OVER (PARTITION BY e.subscription_id ORDER BY e.effective_date, e.sequence) AS until
    FROM revenue_subscription_events e JOIN revenue_subscriptions s ON s.id = e.subscription_id
),
subscription_months AS (
  SELECT p.customer_id, g.month, g.month_end, p.currency, ${mrrAt('p', 'g.month_end')} AS mrr_minor
    FROM periods p
   CROSS JOIN LATERAL (SELECT m::date AS month, (m + interval '1 month' - interval '1 day')::date AS month_end
                         FROM generate_series(greatest(date_trunc('month', p.effective_date::timestamp), $1::date::timestamp - interval '35 months'),
                                              least(date_trunc('month', COALESCE(p.until - 1, $1::date)::timestamp), $1::date::timestamp), interval '1 month') AS m) g
   WHERE g.month_end >= p.effective_date AND (p.until IS NULL OR g.month_end < p.until)
),
partner_periods AS (
  SELECT customer_id, organisation_id, CASE WHEN row_number() OVER w = 1 THEN '-infinity'::date ELSE effective_from END AS since,
         lead(effective_from) OVER w AS until
    FROM revenue_customer_partners WINDOW w AS (PARTITION BY customer_id ORDER BY effective_from)
),
per_currency AS (
  SELECT pp.organisation_id, sm.customer_id, sm.month, sm.currency, sum(sm.mrr_minor) AS mrr_minor
    FROM subscription_months sm
    JOIN partner_periods pp ON pp.customer_id = sm.customer_id AND sm.month_end >= pp.since AND (pp.until IS NULL OR sm.month_end < pp.until)
   GROUP BY 1, 2, 3, 4
),
rates AS (
  SELECT c.currency, c.month, ${factor('c.currency', 'c.month', '$2::text', '$3')} AS factor FROM (SELECT DISTINCT currency, month FROM per_currency) c
)
SELECT p.organisation_id, p.month::text AS month, sum(round(p.mrr_minor * r.factor))::text AS closing_minor
  FROM per_currency p JOIN rates r ON r.currency = p.currency AND r.month = p.month
 GROUP BY 1, 2`;
