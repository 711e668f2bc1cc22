import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recurring-revenue ledger (customers with a partner of record, subscriptions and their
 * effective-dated events, exchange rates) and the rollups derived from it (movements, customer
 * months, partner months), plus the queue of customers whose rollups are out of date.
 */
export class Revenue1764300000000 implements MigrationInterface {
  name = 'Revenue1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE revenue_customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_id varchar(100) UNIQUE,
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        domain varchar(253),
        country char(2) CHECK (country ~ '^[A-Z]{2}$'),
        -- The current partner of record (kept with each transfer) for scoped reads.
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX revenue_customers_name ON revenue_customers (lower(name), id)`);
    await q.query(`CREATE INDEX revenue_customers_org ON revenue_customers (organisation_id, lower(name), id)`);

    // Partner of record, effective-dated: rows are added, never changed. The earliest applies from the start.
    await q.query(`
      CREATE TABLE revenue_customer_partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES revenue_customers (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        effective_from date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by_user_id uuid REFERENCES users (id),
        UNIQUE (customer_id, effective_from)
      )`);
    await q.query(`CREATE INDEX revenue_customer_partners_org ON revenue_customer_partners (organisation_id, customer_id)`);

    await q.query(`
      CREATE TABLE revenue_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES revenue_customers (id) ON DELETE CASCADE,
        product_id uuid NOT NULL REFERENCES products (id),
        external_id varchar(100) UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX revenue_subscriptions_customer ON revenue_subscriptions (customer_id)`);

    await q.query(`
      CREATE TABLE revenue_subscription_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sequence bigserial NOT NULL UNIQUE,
        subscription_id uuid NOT NULL REFERENCES revenue_subscriptions (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('START', 'CHANGE', 'PAUSE', 'RESUME', 'CANCEL', 'RENEW')),
        effective_date date NOT NULL,
        recorded_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('TRIAL', 'ACTIVE', 'PAUSED', 'CANCELLED')),
        quantity integer NOT NULL CHECK (quantity >= 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        interval_months integer NOT NULL CHECK (interval_months BETWEEN 1 AND 120),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        discount_kind text CHECK (discount_kind IN ('PERCENT', 'AMOUNT')),
        discount_value bigint CHECK (discount_value > 0),
        discount_ends_on date,
        paid_through date,
        term_ends_on date,
        cancelled_on date,
        early_renewal boolean NOT NULL DEFAULT false,
        source text NOT NULL CHECK (source IN ('API', 'CSV', 'BILLING', 'DEAL')),
        external_event_id varchar(200) UNIQUE,
        recorded_by_user_id uuid REFERENCES users (id),
        api_key_id uuid REFERENCES api_keys (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT revenue_events_discount CHECK ((discount_kind IS NULL) = (discount_value IS NULL)),
        CONSTRAINT revenue_events_percent CHECK (discount_kind IS DISTINCT FROM 'PERCENT' OR discount_value <= 1000000),
        CONSTRAINT revenue_events_discount_end CHECK (discount_ends_on IS NULL OR discount_ends_on > effective_date)
      )`);
    await q.query(`CREATE INDEX revenue_events_subscription ON revenue_subscription_events (subscription_id, effective_date, sequence)`);

    await q.query(`
      CREATE TABLE revenue_exchange_rates (
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        valid_from date NOT NULL,
        rate numeric(24, 10) NOT NULL CHECK (rate > 0),
        minor_digits smallint NOT NULL CHECK (minor_digits BETWEEN 0 AND 4),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (currency, valid_from)
      )`);

    // Derived: every MRR change, traceable to the ledger event (or partner record) behind it.
    await q.query(`
      CREATE TABLE revenue_movements (
        id bigserial PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES revenue_customers (id) ON DELETE CASCADE,
        subscription_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        date date NOT NULL,
        month date NOT NULL,
        kind text NOT NULL,
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL,
        cause text NOT NULL,
        source_id uuid
      )`);
    await q.query(`CREATE INDEX revenue_movements_org_month ON revenue_movements (organisation_id, month, kind)`);
    await q.query(`CREATE INDEX revenue_movements_customer ON revenue_movements (customer_id, month)`);

    await q.query(`
      CREATE TABLE revenue_customer_months (
        customer_id uuid NOT NULL REFERENCES revenue_customers (id) ON DELETE CASCADE,
        month date NOT NULL,
        organisation_id uuid NOT NULL,
        currency char(3) NOT NULL,
        opening_minor bigint NOT NULL,
        new_minor bigint NOT NULL,
        expansion_minor bigint NOT NULL,
        contraction_minor bigint NOT NULL,
        churn_minor bigint NOT NULL,
        reactivation_minor bigint NOT NULL,
        transfer_in_minor bigint NOT NULL,
        transfer_out_minor bigint NOT NULL,
        closing_minor bigint NOT NULL,
        PRIMARY KEY (customer_id, month, organisation_id, currency),
        CONSTRAINT revenue_customer_months_adds_up CHECK (closing_minor = opening_minor + new_minor + expansion_minor + contraction_minor
          + churn_minor + reactivation_minor + transfer_in_minor + transfer_out_minor)
      )`);
    await q.query(`CREATE INDEX revenue_customer_months_org ON revenue_customer_months (organisation_id, month)`);

    // Per partner and month, in the base currency (fx_minor: the change from exchange rates alone).
    await q.query(`
      CREATE TABLE revenue_partner_months (
        organisation_id uuid NOT NULL,
        month date NOT NULL,
        opening_minor bigint NOT NULL,
        new_minor bigint NOT NULL,
        expansion_minor bigint NOT NULL,
        contraction_minor bigint NOT NULL,
        churn_minor bigint NOT NULL,
        reactivation_minor bigint NOT NULL,
        transfer_in_minor bigint NOT NULL,
        transfer_out_minor bigint NOT NULL,
        fx_minor bigint NOT NULL,
        closing_minor bigint NOT NULL,
        customers_start integer NOT NULL,
        customers_end integer NOT NULL,
        new_customers integer NOT NULL,
        churned_customers integer NOT NULL,
        cohort_start_minor bigint NOT NULL,
        cohort_current_minor bigint NOT NULL,
        cohort_retained_minor bigint NOT NULL,
        PRIMARY KEY (organisation_id, month),
        CONSTRAINT revenue_partner_months_adds_up CHECK (closing_minor = opening_minor + new_minor + expansion_minor + contraction_minor
          + churn_minor + reactivation_minor + transfer_in_minor + transfer_out_minor + fx_minor),
        CONSTRAINT revenue_partner_months_grr CHECK (cohort_retained_minor <= cohort_start_minor AND cohort_retained_minor <= cohort_current_minor)
      )`);
    await q.query(`CREATE INDEX revenue_partner_months_month ON revenue_partner_months (month)`);

    // Customers whose rollups must be recomputed from a month on; drained by the rollup job.
    await q.query(`
      CREATE TABLE revenue_pending (
        customer_id uuid PRIMARY KEY REFERENCES revenue_customers (id) ON DELETE CASCADE,
        from_month date NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row: the month the rollups were last carried to (a new month triggers a roll-forward), and
    // the first month whose base-currency figures an exchange-rate change made stale.
    await q.query(`CREATE TABLE revenue_rollup_state (id boolean PRIMARY KEY DEFAULT true CHECK (id), through_month date, rates_from date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'revenue_rollup_state',
      'revenue_pending',
      'revenue_partner_months',
      'revenue_customer_months',
      'revenue_movements',
      'revenue_exchange_rates',
      'revenue_subscription_events',
      'revenue_subscriptions',
      'revenue_customer_partners',
      'revenue_customers',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
