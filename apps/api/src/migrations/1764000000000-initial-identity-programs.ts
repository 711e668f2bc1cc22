import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity (organisations, users, sessions, invitations, API keys, login throttling, audit) and programs/tiers. */
export class InitialIdentityPrograms1764000000000 implements MigrationInterface {
  name = 'InitialIdentityPrograms1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('VENDOR', 'PARTNER')),
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        legal_name varchar(200),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        city varchar(100),
        website varchar(300),
        domain varchar(253),
        vat_number varchar(30),
        segment varchar(60),
        preferred_language text NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'nl')),
        currency char(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
        channel_manager_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisations_one_vendor ON organisations (kind) WHERE kind = 'VENDOR'`);
    await q.query(`CREATE INDEX organisations_sort ON organisations (kind, lower(name), id)`);
    await q.query(`CREATE INDEX organisations_name_trgm ON organisations USING gin (lower(name) gin_trgm_ops)`);
    await q.query(`CREATE INDEX organisations_domain ON organisations (domain)`);
    await q.query(`CREATE INDEX organisations_manager ON organisations (channel_manager_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        name varchar(200) NOT NULL,
        role text NOT NULL CHECK (role IN ('VENDOR_ADMIN', 'CHANNEL_MANAGER', 'ANALYST', 'PARTNER_ADMIN', 'PARTNER_REP')),
        password_hash text,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DEACTIVATED')),
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_unique UNIQUE (email)
      )`);
    await q.query(`CREATE INDEX users_org ON users (organisation_id, lower(name), id)`);
    await q.query(`ALTER TABLE organisations ADD CONSTRAINT organisations_channel_manager_fk FOREIGN KEY (channel_manager_id) REFERENCES users (id) ON DELETE SET NULL`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        revoked_at timestamptz,
        user_agent varchar(300),
        ip varchar(64)
      )`);
    await q.query(`CREATE INDEX sessions_family ON sessions (family_id)`);
    await q.query(`CREATE INDEX sessions_user ON sessions (user_id)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        name varchar(200),
        role text NOT NULL CHECK (role IN ('VENDOR_ADMIN', 'CHANNEL_MANAGER', 'ANALYST', 'PARTNER_ADMIN', 'PARTNER_REP')),
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        invited_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX invitations_org ON invitations (organisation_id, created_at DESC, id)`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        role text NOT NULL CHECK (role IN ('VENDOR_ADMIN', 'CHANNEL_MANAGER', 'ANALYST', 'PARTNER_ADMIN', 'PARTNER_REP')),
        name varchar(100) NOT NULL,
        prefix varchar(16) NOT NULL UNIQUE,
        secret_hash char(64) NOT NULL,
        created_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE login_throttle (
        key varchar(300) PRIMARY KEY,
        failures integer NOT NULL CHECK (failures >= 0),
        window_started_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_api_key_id uuid,
        actor_organisation_id uuid,
        operation varchar(100) NOT NULL,
        entity_type varchar(100) NOT NULL,
        entity_id varchar(100) NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id varchar(100)
      )`);
    await q.query(`CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor ON audit_log (actor_user_id, id DESC)`);

    await q.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL UNIQUE,
        segment varchar(60) NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        demotion_grace_days integer NOT NULL DEFAULT 90 CHECK (demotion_grace_days BETWEEN 0 AND 730),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    const rate = (col: string) => `${col} numeric(7,4) NOT NULL DEFAULT 0 CHECK (${col} >= 0 AND ${col} <= 100)`;
    await q.query(`
      CREATE TABLE tiers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
        name varchar(60) NOT NULL,
        rank integer NOT NULL CHECK (rank >= 0),
        ${rate('rebate_rate')},
        ${rate('mdf_accrual_rate')},
        ${rate('deal_registration_discount')},
        ${rate('referral_commission_rate')},
        ${rate('mdf_cofunding_pct')},
        qualification_rules jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tiers_rank_unique UNIQUE (program_id, rank) DEFERRABLE INITIALLY IMMEDIATE,
        CONSTRAINT tiers_name_unique UNIQUE (program_id, name),
        CONSTRAINT tiers_id_program UNIQUE (id, program_id)
      )`);
    await q.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        program_id uuid NOT NULL REFERENCES programs (id),
        tier_id uuid NOT NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        tier_since timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enrolments_unique UNIQUE (organisation_id, program_id),
        CONSTRAINT enrolments_tier_in_program FOREIGN KEY (tier_id, program_id) REFERENCES tiers (id, program_id)
      )`);
    await q.query(`CREATE INDEX enrolments_program_tier ON enrolments (program_id, tier_id)`);
    await q.query(`CREATE INDEX enrolments_tier ON enrolments (tier_id)`);
    await q.query(`
      CREATE TABLE tier_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        program_id uuid NOT NULL REFERENCES programs (id),
        from_tier_id uuid REFERENCES tiers (id),
        to_tier_id uuid NOT NULL REFERENCES tiers (id),
        kind text NOT NULL CHECK (kind IN ('ENROLMENT', 'PROMOTION', 'DEMOTION', 'OVERRIDE')),
        status text NOT NULL CHECK (status IN ('PROPOSED', 'APPLIED', 'REJECTED', 'CANCELLED')),
        reason text,
        metrics jsonb NOT NULL DEFAULT '{}'::jsonb,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        effective_after timestamptz,
        decided_by_user_id uuid REFERENCES users (id),
        decided_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX tier_changes_one_open ON tier_changes (enrolment_id) WHERE status = 'PROPOSED'`);
    await q.query(`CREATE INDEX tier_changes_org ON tier_changes (organisation_id, proposed_at DESC, id)`);
    await q.query(`CREATE INDEX tier_changes_status ON tier_changes (status, proposed_at DESC, id)`);
    await q.query(`
      CREATE TABLE partner_metrics (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        metric varchar(40) NOT NULL,
        value numeric(20,4) NOT NULL CHECK (value >= 0),
        as_of timestamptz NOT NULL DEFAULT now(),
        source varchar(40) NOT NULL DEFAULT 'manual',
        PRIMARY KEY (organisation_id, metric)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'partner_metrics',
      'tier_changes',
      'enrolments',
      'tiers',
      'programs',
      'audit_log',
      'login_throttle',
      'api_keys',
      'invitations',
      'sessions',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE organisations DROP CONSTRAINT organisations_channel_manager_fk`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organisations`);
  }
}
