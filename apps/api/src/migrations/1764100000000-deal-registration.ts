import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deal registration: product catalogue, rules of engagement per program, vendor house accounts,
 * registrations with their product lines, timeline and detected conflicts, and in-app notifications.
 */
export class DealRegistration1764100000000 implements MigrationInterface {
  name = 'DealRegistration1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sku varchar(40) NOT NULL UNIQUE CHECK (sku ~ '^[A-Z0-9][A-Z0-9._-]*$'),
        name varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
        product_line varchar(60) NOT NULL CHECK (length(btrim(product_line)) > 0),
        pricing text NOT NULL CHECK (pricing IN ('RECURRING', 'ONE_TIME')),
        list_price_minor bigint NOT NULL CHECK (list_price_minor >= 0),
        currency char(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX products_sort ON products (lower(name), id)`);

    await q.query(`
      CREATE TABLE deal_rules (
        program_id uuid PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
        protection_days integer NOT NULL DEFAULT 90 CHECK (protection_days BETWEEN 1 AND 730),
        max_extensions integer NOT NULL DEFAULT 1 CHECK (max_extensions BETWEEN 0 AND 10),
        extension_days integer NOT NULL DEFAULT 30 CHECK (extension_days BETWEEN 1 AND 365),
        review_sla_business_days integer NOT NULL DEFAULT 2 CHECK (review_sla_business_days BETWEEN 0 AND 30),
        minimum_value_minor bigint NOT NULL DEFAULT 0 CHECK (minimum_value_minor >= 0),
        minimum_value_currency char(3) NOT NULL DEFAULT 'EUR' CHECK (minimum_value_currency ~ '^[A-Z]{3}$'),
        allow_house_accounts boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE house_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_name varchar(200) NOT NULL CHECK (length(btrim(company_name)) > 0),
        normalised_name varchar(200) NOT NULL,
        domain varchar(253),
        country char(2) CHECK (country ~ '^[A-Z]{2}$'),
        notes varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT house_accounts_domain_unique UNIQUE (domain)
      )`);
    await q.query(`CREATE INDEX house_accounts_name_trgm ON house_accounts USING gin (normalised_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX house_accounts_sort ON house_accounts (lower(company_name), id)`);

    await q.query(`
      CREATE TABLE deal_registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigserial NOT NULL UNIQUE,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        program_id uuid NOT NULL REFERENCES programs (id),
        registered_by_user_id uuid NOT NULL REFERENCES users (id),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WON', 'LOST', 'EXPIRED')),
        customer_name varchar(200) NOT NULL CHECK (length(btrim(customer_name)) > 0),
        customer_normalised_name varchar(200) NOT NULL,
        customer_domain varchar(253),
        customer_country char(2) NOT NULL CHECK (customer_country ~ '^[A-Z]{2}$'),
        customer_city varchar(100),
        contact_name varchar(200),
        contact_email varchar(254),
        contact_phone varchar(40),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        estimated_mrr_minor bigint NOT NULL DEFAULT 0 CHECK (estimated_mrr_minor >= 0),
        estimated_one_time_minor bigint NOT NULL DEFAULT 0 CHECK (estimated_one_time_minor >= 0),
        expected_close_date date NOT NULL,
        sales_stage text NOT NULL CHECK (sales_stage IN ('PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'COMMIT')),
        notes varchar(4000),
        from_vendor_lead boolean NOT NULL DEFAULT false,
        possible_conflict boolean NOT NULL DEFAULT false,
        submitted_at timestamptz,
        review_due_at timestamptz,
        decided_at timestamptz,
        decided_by_user_id uuid REFERENCES users (id),
        decision_reason varchar(1000),
        approved_at timestamptz,
        protection_ends_at timestamptz,
        extensions_used integer NOT NULL DEFAULT 0 CHECK (extensions_used >= 0),
        extension_requested_at timestamptz,
        extension_reason varchar(1000),
        reminders_sent integer[] NOT NULL DEFAULT '{}',
        closed_at timestamptz,
        actual_mrr_minor bigint CHECK (actual_mrr_minor >= 0),
        actual_one_time_minor bigint CHECK (actual_one_time_minor >= 0),
        actual_close_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deal_registrations_submitted_has_domain CHECK (status = 'DRAFT' OR customer_domain IS NOT NULL),
        CONSTRAINT deal_registrations_approved_has_end CHECK (status <> 'APPROVED' OR protection_ends_at IS NOT NULL),
        CONSTRAINT deal_registrations_won_has_values CHECK (status <> 'WON' OR actual_close_date IS NOT NULL),
        CONSTRAINT deal_registrations_id_domain UNIQUE (id, customer_domain)
      )`);
    await q.query(`CREATE INDEX deal_registrations_org ON deal_registrations (organisation_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX deal_registrations_queue ON deal_registrations (review_due_at, id) WHERE status = 'SUBMITTED'`);
    await q.query(`CREATE INDEX deal_registrations_status ON deal_registrations (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX deal_registrations_domain ON deal_registrations (customer_domain) WHERE status IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED')`);
    await q.query(
      `CREATE INDEX deal_registrations_name_trgm ON deal_registrations USING gin (customer_normalised_name gin_trgm_ops) WHERE status IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED')`,
    );
    await q.query(`CREATE INDEX deal_registrations_protection ON deal_registrations (protection_ends_at) WHERE status = 'APPROVED'`);

    // The product lines of a registration. \`protected\` is true while the registration is APPROVED and
    // unexpired; the partial unique index makes the database refuse a second protected registration
    // of the same customer domain and product, whatever the application does.
    await q.query(`
      CREATE TABLE deal_registration_products (
        registration_id uuid NOT NULL,
        customer_domain varchar(253),
        product_id uuid NOT NULL REFERENCES products (id),
        quantity integer NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 1000000),
        protected boolean NOT NULL DEFAULT false,
        PRIMARY KEY (registration_id, product_id),
        CONSTRAINT deal_registration_products_registration FOREIGN KEY (registration_id, customer_domain)
          REFERENCES deal_registrations (id, customer_domain) ON DELETE CASCADE ON UPDATE CASCADE,
        CONSTRAINT deal_registration_products_protected_domain CHECK (NOT protected OR customer_domain IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX deal_registration_products_exclusive ON deal_registration_products (customer_domain, product_id) WHERE protected`,
    );
    await q.query(`CREATE INDEX deal_registration_products_product ON deal_registration_products (product_id)`);

    await q.query(`
      CREATE TABLE deal_events (
        id bigserial PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES deal_registrations (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        actor_user_id uuid REFERENCES users (id),
        type text NOT NULL,
        from_status text,
        to_status text,
        note varchar(1000),
        data jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX deal_events_registration ON deal_events (registration_id, id)`);

    await q.query(`
      CREATE TABLE deal_conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL REFERENCES deal_registrations (id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('OTHER_PARTNER', 'HOUSE_ACCOUNT', 'OWN_REGISTRATION')),
        matched_registration_id uuid REFERENCES deal_registrations (id) ON DELETE CASCADE,
        matched_house_account_id uuid REFERENCES house_accounts (id) ON DELETE CASCADE,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        reasons text[] NOT NULL,
        name_similarity numeric(5,4) NOT NULL,
        detected_at timestamptz NOT NULL,
        CONSTRAINT deal_conflicts_one_target CHECK ((matched_registration_id IS NULL) <> (matched_house_account_id IS NULL))
      )`);
    await q.query(`CREATE INDEX deal_conflicts_registration ON deal_conflicts (registration_id, score DESC)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        type varchar(60) NOT NULL,
        title varchar(300) NOT NULL,
        body varchar(2000),
        entity_type varchar(60),
        entity_id uuid,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_mutes (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        type varchar(60) NOT NULL,
        PRIMARY KEY (user_id, type)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notification_mutes',
      'notifications',
      'deal_conflicts',
      'deal_events',
      'deal_registration_products',
      'deal_registrations',
      'house_accounts',
      'deal_rules',
      'products',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
