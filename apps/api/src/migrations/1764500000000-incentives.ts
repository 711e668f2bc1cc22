import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incentives: plans and their dated versions, accrual lines traced to their source fact (unique per
 * plan, source, rule, kind and booking period, so re-processing an event adds nothing), one close row
 * per plan and period, statements per beneficiary with idempotent payments, a points ledger whose
 * account balances never go negative, and a rewards catalogue whose stock never goes below zero.
 */
export class Incentives1764500000000 implements MigrationInterface {
  name = 'Incentives1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const unit = (col: string) => `${col} text NOT NULL CHECK (${col} = 'POINTS' OR ${col} ~ '^[A-Z]{3}$')`;

    await q.query(`
      CREATE TABLE incentive_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('SPIF', 'REBATE', 'ACTIVITY', 'TRAINING', 'RETENTION', 'REFERRAL')),
        -- The program filter: only partners enrolled in this program take part (null: every partner).
        program_id uuid REFERENCES programs (id),
        period_kind text NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR')),
        ${unit('currency')},
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
        created_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT incentive_plans_published CHECK ((status = 'DRAFT') = (published_at IS NULL))
      )`);
    await q.query(`CREATE INDEX incentive_plans_list ON incentive_plans (created_at DESC, id DESC)`);

    // Rules are validated by the domain before they are stored; a version applies from the first day of a period.
    await q.query(`
      CREATE TABLE incentive_plan_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES incentive_plans (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        effective_from date NOT NULL,
        rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'object'),
        created_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT incentive_plan_versions_number UNIQUE (plan_id, version),
        CONSTRAINT incentive_plan_versions_from UNIQUE (plan_id, effective_from)
      )`);

    await q.query(`
      CREATE TABLE incentive_period_closes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES incentive_plans (id) ON DELETE CASCADE,
        period_key text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        closed_at timestamptz NOT NULL,
        closed_by_user_id uuid REFERENCES users (id),
        statement_count integer NOT NULL CHECK (statement_count >= 0),
        CONSTRAINT incentive_period_closes_once UNIQUE (plan_id, period_key),
        CONSTRAINT incentive_period_closes_period CHECK (period_end >= period_start)
      )`);

    await q.query(`
      CREATE TABLE incentive_statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES incentive_plans (id) ON DELETE CASCADE,
        period_key text NOT NULL,
        period_end date NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        user_id uuid REFERENCES users (id),
        ${unit('unit')},
        total_minor bigint NOT NULL,
        line_count integer NOT NULL CHECK (line_count >= 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'APPROVED', 'PAID')),
        created_at timestamptz NOT NULL,
        approved_at timestamptz,
        approved_by_user_id uuid REFERENCES users (id),
        paid_at timestamptz,
        payment_method text CHECK (payment_method IN ('CASH', 'CREDIT_NOTE', 'POINTS')),
        payment_key text,
        points_awarded bigint CHECK (points_awarded >= 0),
        CONSTRAINT incentive_statements_paid CHECK ((status = 'PAID') = (paid_at IS NOT NULL AND payment_method IS NOT NULL AND payment_key IS NOT NULL)),
        CONSTRAINT incentive_statements_approved CHECK ((status = 'DRAFT') = (approved_at IS NULL))
      )`);
    // One statement per beneficiary (organisation, or organisation + rep) per plan and period.
    await q.query(
      `CREATE UNIQUE INDEX incentive_statements_one ON incentive_statements (plan_id, period_key, organisation_id, COALESCE(user_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    );
    await q.query(`CREATE INDEX incentive_statements_org ON incentive_statements (organisation_id, period_end DESC, id DESC)`);
    await q.query(`CREATE INDEX incentive_statements_list ON incentive_statements (period_end DESC, id DESC)`);

    await q.query(`
      CREATE TABLE incentive_payments (
        idempotency_key text PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 8 AND 200),
        method text NOT NULL CHECK (method IN ('CASH', 'CREDIT_NOTE', 'POINTS')),
        statement_ids uuid[] NOT NULL,
        paid_at timestamptz NOT NULL,
        paid_by_user_id uuid REFERENCES users (id)
      )`);

    await q.query(`
      CREATE TABLE incentive_accrual_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES incentive_plans (id) ON DELETE CASCADE,
        plan_version_id uuid NOT NULL REFERENCES incentive_plan_versions (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        user_id uuid REFERENCES users (id),
        rule text NOT NULL,
        -- The period the fact belongs to, and the period the line is booked in (later for a late event).
        event_period_key text NOT NULL,
        period_key text NOT NULL,
        event_date date NOT NULL,
        source_type text NOT NULL CHECK (source_type IN ('DEAL', 'REBATE_VOLUME')),
        source_id text NOT NULL,
        source_label text NOT NULL,
        ${unit('unit')},
        base_minor bigint,
        rate_pct numeric(7,4) CHECK (rate_pct >= 0 AND rate_pct <= 100),
        amount_minor bigint NOT NULL,
        capped_by text CHECK (capped_by IN ('REP_CAP', 'BUDGET')),
        kind text NOT NULL CHECK (kind IN ('ACCRUAL', 'ADJUSTMENT', 'CLAWBACK')),
        reason text,
        statement_id uuid REFERENCES incentive_statements (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT incentive_accrual_lines_once UNIQUE (plan_id, source_type, source_id, rule, kind, period_key),
        CONSTRAINT incentive_accrual_lines_reason CHECK (kind = 'ACCRUAL' OR reason IS NOT NULL),
        CONSTRAINT incentive_accrual_lines_clawback CHECK (kind <> 'CLAWBACK' OR amount_minor <= 0)
      )`);
    await q.query(`CREATE INDEX incentive_accrual_lines_period ON incentive_accrual_lines (plan_id, period_key, id)`);
    await q.query(`CREATE INDEX incentive_accrual_lines_org ON incentive_accrual_lines (organisation_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX incentive_accrual_lines_statement ON incentive_accrual_lines (statement_id) WHERE statement_id IS NOT NULL`);

    // A reversed source (e.g. a won deal reversed) is clawed back from every plan that paid for it.
    await q.query(`
      CREATE TABLE incentive_source_reversals (
        source_type text NOT NULL,
        source_id text NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        reversed_on date NOT NULL,
        reversed_by_user_id uuid REFERENCES users (id),
        PRIMARY KEY (source_type, source_id)
      )`);

    // Points: one account per organisation (user_id null) or per partner user; the balance row is what
    // conditional updates guard, the entries are the ledger it must equal.
    await q.query(`
      CREATE TABLE points_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        user_id uuid REFERENCES users (id),
        balance bigint NOT NULL DEFAULT 0 CONSTRAINT points_accounts_balance CHECK (balance >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX points_accounts_one ON points_accounts (organisation_id, COALESCE(user_id, '00000000-0000-0000-0000-000000000000'::uuid))`);

    // Each entry is one double-entry pair: the wallet moves by amount, the counter account by −amount.
    await q.query(`
      CREATE TABLE points_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES points_accounts (id),
        kind text NOT NULL CHECK (kind IN ('EARN', 'REDEEM', 'EXPIRE', 'ADJUST')),
        counter_account text NOT NULL CHECK (counter_account IN ('ISSUED', 'REDEEMED', 'EXPIRED', 'ADJUSTMENTS')),
        amount bigint NOT NULL,
        source_type text NOT NULL,
        source_id text NOT NULL,
        at timestamptz NOT NULL,
        CONSTRAINT points_entries_once UNIQUE (account_id, source_type, source_id, kind),
        CONSTRAINT points_entries_sign CHECK (
          (kind = 'EARN' AND amount > 0) OR (kind IN ('REDEEM', 'EXPIRE') AND amount < 0) OR (kind = 'ADJUST' AND amount <> 0))
      )`);
    await q.query(`CREATE INDEX points_entries_account ON points_entries (account_id, at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE rewards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('GIFT_VOUCHER', 'SERVICE_CREDIT', 'EVENT_TICKET', 'TRAINING_SEAT')),
        points_price bigint NOT NULL CHECK (points_price > 0),
        -- null: unlimited.
        stock integer CONSTRAINT rewards_stock CHECK (stock >= 0),
        eligible_tier_ids uuid[] NOT NULL DEFAULT '{}',
        requires_approval boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rewards_list ON rewards (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE reward_redemptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reward_id uuid NOT NULL REFERENCES rewards (id),
        account_id uuid NOT NULL REFERENCES points_accounts (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        user_id uuid REFERENCES users (id),
        points bigint NOT NULL CHECK (points > 0),
        status text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'FULFILLED')),
        requested_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by_user_id uuid REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX reward_redemptions_org ON reward_redemptions (organisation_id, requested_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'reward_redemptions',
      'rewards',
      'points_entries',
      'points_accounts',
      'incentive_source_reversals',
      'incentive_accrual_lines',
      'incentive_payments',
      'incentive_statements',
      'incentive_period_closes',
      'incentive_plan_versions',
      'incentive_plans',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
