import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Market development funds: program settings, funds with their balances (kept consistent by
 * conditional updates, with CHECK constraints as the backstop), budget history, pre-approval
 * requests, claims with proof files and linked won deals, idempotent payments, the timeline of
 * every status change and comment, and the expiry-reminder bookkeeping.
 */
export class Mdf1764400000000 implements MigrationInterface {
  name = 'Mdf1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const currency = (col: string) => `${col} char(3) NOT NULL CHECK (${col} ~ '^[A-Z]{3}$')`;
    const rate = (col: string, nullable = false) => `${col} numeric(7,4) ${nullable ? '' : 'NOT NULL'} CHECK (${col} >= 0 AND ${col} <= 100)`;

    await q.query(`
      CREATE TABLE mdf_program_settings (
        program_id uuid PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
        period_kind text NOT NULL DEFAULT 'QUARTER' CHECK (period_kind IN ('QUARTER', 'HALF_YEAR', 'YEAR')),
        claim_deadline_days integer NOT NULL DEFAULT 60 CHECK (claim_deadline_days BETWEEN 0 AND 730),
        expiry_grace_days integer NOT NULL DEFAULT 0 CHECK (expiry_grace_days BETWEEN 0 AND 730),
        ${currency('currency')} DEFAULT 'EUR',
        updated_by_user_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE mdf_funds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        program_id uuid NOT NULL REFERENCES programs (id),
        period_kind text NOT NULL CHECK (period_kind IN ('QUARTER', 'HALF_YEAR', 'YEAR')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        ${currency('currency')},
        budget_kind text NOT NULL CHECK (budget_kind IN ('FIXED', 'ACCRUAL')),
        -- ACCRUAL: the tier's accrual rate and the reference period whose recognised revenue it applies to.
        ${rate('accrual_rate', true)},
        reference_start date,
        reference_end date,
        budget_minor bigint NOT NULL DEFAULT 0 CHECK (budget_minor >= 0),
        reserved_minor bigint NOT NULL DEFAULT 0 CHECK (reserved_minor >= 0),
        claimed_minor bigint NOT NULL DEFAULT 0 CHECK (claimed_minor >= 0),
        approved_minor bigint NOT NULL DEFAULT 0 CHECK (approved_minor >= 0),
        paid_minor bigint NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
        claim_deadline_days integer NOT NULL CHECK (claim_deadline_days BETWEEN 0 AND 730),
        expires_on date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'EXPIRED')),
        -- What was still available when the fund expired (lost: "use it or lose it").
        lapsed_minor bigint CHECK (lapsed_minor >= 0),
        expired_at timestamptz,
        created_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mdf_funds_one_per_period UNIQUE (organisation_id, program_id, period_start),
        CONSTRAINT mdf_funds_period CHECK (period_end >= period_start),
        CONSTRAINT mdf_funds_expiry CHECK (expires_on >= period_end),
        -- available = budget − reserved − approved − paid never goes below zero.
        CONSTRAINT mdf_funds_available CHECK (budget_minor - reserved_minor - approved_minor - paid_minor >= 0),
        -- Claims awaiting review are part of a reservation.
        CONSTRAINT mdf_funds_claimed_reserved CHECK (claimed_minor <= reserved_minor),
        CONSTRAINT mdf_funds_accrual CHECK ((budget_kind = 'ACCRUAL') = (accrual_rate IS NOT NULL AND reference_start IS NOT NULL AND reference_end IS NOT NULL)),
        CONSTRAINT mdf_funds_expired CHECK ((status = 'EXPIRED') = (expired_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX mdf_funds_list ON mdf_funds (period_start DESC, id DESC)`);
    await q.query(`CREATE INDEX mdf_funds_org ON mdf_funds (organisation_id, period_start DESC, id DESC)`);
    await q.query(`CREATE INDEX mdf_funds_open_expiry ON mdf_funds (expires_on) WHERE status = 'OPEN'`);

    await q.query(`
      CREATE TABLE mdf_fund_budget_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sequence bigserial NOT NULL UNIQUE,
        fund_id uuid NOT NULL REFERENCES mdf_funds (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ALLOCATION', 'ADJUSTMENT', 'ACCRUAL')),
        ${currency('currency')},
        before_minor bigint NOT NULL CHECK (before_minor >= 0),
        after_minor bigint NOT NULL CHECK (after_minor >= 0),
        -- The basis of an accrual: recognised revenue (base currency) × rate over the reference period.
        revenue_minor bigint,
        revenue_currency char(3),
        ${rate('rate', true)},
        reference_start date,
        reference_end date,
        reason text,
        actor_user_id uuid REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX mdf_fund_budget_changes_fund ON mdf_fund_budget_changes (fund_id, sequence)`);

    await q.query(`
      CREATE TABLE mdf_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigserial NOT NULL UNIQUE,
        fund_id uuid NOT NULL REFERENCES mdf_funds (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        created_by_user_id uuid REFERENCES users (id),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'COMPLETED', 'EXPIRED')),
        activity_type text NOT NULL CHECK (activity_type IN ('EVENT', 'WEBINAR', 'TRADE_SHOW', 'DIGITAL_CAMPAIGN', 'CONTENT', 'TRAINING', 'OTHER')),
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        description text NOT NULL DEFAULT '',
        target_audience varchar(500),
        start_date date NOT NULL,
        end_date date NOT NULL,
        ${currency('currency')},
        planned_cost_minor bigint NOT NULL CHECK (planned_cost_minor > 0),
        requested_minor bigint NOT NULL CHECK (requested_minor > 0),
        ${rate('cofunding_pct')},
        approved_minor bigint CHECK (approved_minor > 0),
        expected_leads integer CHECK (expected_leads >= 0),
        expected_pipeline_minor bigint CHECK (expected_pipeline_minor >= 0),
        claim_deadline date NOT NULL,
        extended_deadline date,
        extension_reason text,
        extended_by_user_id uuid REFERENCES users (id),
        extended_at timestamptz,
        submitted_at timestamptz,
        decided_at timestamptz,
        decided_by_user_id uuid REFERENCES users (id),
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mdf_requests_dates CHECK (end_date >= start_date),
        CONSTRAINT mdf_requests_cap CHECK (requested_minor <= planned_cost_minor),
        CONSTRAINT mdf_requests_approved CHECK (approved_minor IS NULL OR approved_minor <= requested_minor),
        -- Approved, completed and expired requests carry the approved amount; a cancelled one may (cancelled after approval).
        CONSTRAINT mdf_requests_approved_status CHECK (
          (status IN ('APPROVED', 'COMPLETED', 'EXPIRED') AND approved_minor IS NOT NULL)
          OR (status IN ('DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'REJECTED') AND approved_minor IS NULL)
          OR status = 'CANCELLED'),
        CONSTRAINT mdf_requests_extension CHECK (extended_deadline IS NULL OR extended_deadline > claim_deadline)
      )`);
    await q.query(`CREATE INDEX mdf_requests_list ON mdf_requests (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX mdf_requests_org ON mdf_requests (organisation_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX mdf_requests_fund ON mdf_requests (fund_id, status)`);
    await q.query(`CREATE INDEX mdf_requests_approved ON mdf_requests (claim_deadline) WHERE status = 'APPROVED'`);

    await q.query(`
      CREATE TABLE mdf_payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key varchar(200) NOT NULL CONSTRAINT mdf_payments_idempotency UNIQUE,
        payment_reference varchar(200) NOT NULL,
        payment_date date NOT NULL,
        claim_ids uuid[] NOT NULL,
        paid_by_user_id uuid REFERENCES users (id),
        paid_by_api_key_id uuid REFERENCES api_keys (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE mdf_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigserial NOT NULL UNIQUE,
        request_id uuid NOT NULL REFERENCES mdf_requests (id),
        fund_id uuid NOT NULL REFERENCES mdf_funds (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        created_by_user_id uuid REFERENCES users (id),
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'PAID')),
        ${currency('currency')},
        actual_cost_minor bigint NOT NULL CHECK (actual_cost_minor > 0),
        claimed_minor bigint NOT NULL CHECK (claimed_minor > 0),
        approved_minor bigint CHECK (approved_minor > 0),
        attendees integer CHECK (attendees >= 0),
        leads integer CHECK (leads >= 0),
        opportunities integer CHECK (opportunities >= 0),
        pipeline_minor bigint CHECK (pipeline_minor >= 0),
        notes text,
        submitted_at timestamptz NOT NULL,
        last_submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by_user_id uuid REFERENCES users (id),
        decision_comment text,
        payment_id uuid REFERENCES mdf_payments (id),
        paid_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mdf_claims_cap CHECK (claimed_minor <= actual_cost_minor),
        CONSTRAINT mdf_claims_approved CHECK (approved_minor IS NULL OR approved_minor <= claimed_minor),
        CONSTRAINT mdf_claims_approved_status CHECK ((approved_minor IS NOT NULL) = (status IN ('APPROVED', 'PAID'))),
        CONSTRAINT mdf_claims_paid CHECK ((status = 'PAID') = (payment_id IS NOT NULL AND paid_at IS NOT NULL))
      )`);
    // At most one claim per request that is open or accepted (a rejected claim may be followed by a new one).
    await q.query(`CREATE UNIQUE INDEX mdf_claims_one_open ON mdf_claims (request_id) WHERE status IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'PAID')`);
    await q.query(`CREATE INDEX mdf_claims_list ON mdf_claims (last_submitted_at DESC, id DESC)`);
    await q.query(`CREATE INDEX mdf_claims_org ON mdf_claims (organisation_id, last_submitted_at DESC, id DESC)`);
    await q.query(`CREATE INDEX mdf_claims_fund ON mdf_claims (fund_id, status)`);
    await q.query(`CREATE INDEX mdf_claims_payable ON mdf_claims (decided_at, id) WHERE status = 'APPROVED'`);

    await q.query(`
      CREATE TABLE mdf_claim_deals (
        claim_id uuid NOT NULL REFERENCES mdf_claims (id) ON DELETE CASCADE,
        registration_id uuid NOT NULL REFERENCES deal_registrations (id),
        -- The deal's won first-year value (actual MRR × 12 + one-time) when linked: the influenced revenue.
        won_value_minor bigint NOT NULL CHECK (won_value_minor >= 0),
        ${currency('currency')},
        PRIMARY KEY (claim_id, registration_id)
      )`);
    await q.query(`CREATE INDEX mdf_claim_deals_registration ON mdf_claim_deals (registration_id)`);

    await q.query(`
      CREATE TABLE mdf_proof_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Upload order (several files share a transaction's timestamp).
        sequence bigserial NOT NULL UNIQUE,
        claim_id uuid NOT NULL REFERENCES mdf_claims (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        -- Generated (a uuid); the uploaded name is kept for display only.
        storage_key varchar(200) NOT NULL UNIQUE,
        original_name varchar(255) NOT NULL CHECK (length(original_name) > 0),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
        uploaded_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mdf_proof_files_claim ON mdf_proof_files (claim_id, sequence)`);

    await q.query(`
      CREATE TABLE mdf_timeline (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sequence bigserial NOT NULL UNIQUE,
        request_id uuid NOT NULL REFERENCES mdf_requests (id) ON DELETE CASCADE,
        -- Set for claim entries; a request's timeline shows its claims' entries too.
        claim_id uuid REFERENCES mdf_claims (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        actor_user_id uuid REFERENCES users (id),
        kind text NOT NULL CHECK (kind IN ('STATUS', 'COMMENT', 'EXTENSION', 'UPDATE')),
        from_status text,
        to_status text,
        comment text,
        CONSTRAINT mdf_timeline_comment CHECK (kind <> 'COMMENT' OR length(btrim(comment)) > 0)
      )`);
    await q.query(`CREATE INDEX mdf_timeline_request ON mdf_timeline (request_id, sequence)`);
    await q.query(`CREATE INDEX mdf_timeline_claim ON mdf_timeline (claim_id, sequence) WHERE claim_id IS NOT NULL`);

    // One row per reminder sent: the primary key makes "each sent once" hold across workers.
    await q.query(`
      CREATE TABLE mdf_fund_reminders (
        fund_id uuid NOT NULL REFERENCES mdf_funds (id) ON DELETE CASCADE,
        days_before integer NOT NULL CHECK (days_before > 0),
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (fund_id, days_before)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'mdf_fund_reminders',
      'mdf_timeline',
      'mdf_proof_files',
      'mdf_claim_deals',
      'mdf_claims',
      'mdf_payments',
      'mdf_requests',
      'mdf_fund_budget_changes',
      'mdf_funds',
      'mdf_program_settings',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
