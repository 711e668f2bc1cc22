import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Leads the vendor passes to partners: the pool, assignments with a response SLA, and their history. */
export class Leads1764200000000 implements MigrationInterface {
  name = 'Leads1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE leads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigserial NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ASSIGNED', 'ACCEPTED', 'CLOSED')),
        company_name varchar(200) NOT NULL CHECK (length(btrim(company_name)) > 0),
        domain varchar(253),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        city varchar(100),
        contact_name varchar(200),
        contact_email varchar(254),
        contact_phone varchar(40),
        program_id uuid REFERENCES programs (id),
        product_ids uuid[] NOT NULL DEFAULT '{}',
        currency char(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
        estimated_mrr_minor bigint NOT NULL DEFAULT 0 CHECK (estimated_mrr_minor >= 0),
        notes varchar(4000),
        source text NOT NULL DEFAULT 'MANUAL' CHECK (source IN ('MANUAL', 'IMPORT')),
        assigned_organisation_id uuid REFERENCES organisations (id),
        respond_by timestamptz,
        registration_id uuid REFERENCES deal_registrations (id),
        created_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT leads_assigned_has_partner CHECK ((status IN ('ASSIGNED', 'ACCEPTED')) = (assigned_organisation_id IS NOT NULL)),
        CONSTRAINT leads_assigned_has_deadline CHECK (status <> 'ASSIGNED' OR respond_by IS NOT NULL),
        CONSTRAINT leads_accepted_has_registration CHECK (status <> 'ACCEPTED' OR registration_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX leads_status ON leads (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX leads_assigned ON leads (assigned_organisation_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX leads_respond_by ON leads (respond_by) WHERE status = 'ASSIGNED'`);

    // Every assignment and how the partner answered: the source of response times and acceptance rates.
    await q.query(`
      CREATE TABLE lead_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        method text NOT NULL CHECK (method IN ('MANUAL', 'RULE')),
        assigned_at timestamptz NOT NULL,
        assigned_by_user_id uuid REFERENCES users (id),
        respond_by timestamptz NOT NULL,
        reminded_at timestamptz,
        outcome text CHECK (outcome IN ('ACCEPTED', 'DECLINED', 'LAPSED', 'WITHDRAWN')),
        outcome_at timestamptz,
        responded_by_user_id uuid REFERENCES users (id),
        decline_reason varchar(1000),
        CONSTRAINT lead_assignments_outcome_time CHECK ((outcome IS NULL) = (outcome_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX lead_assignments_one_open ON lead_assignments (lead_id) WHERE outcome IS NULL`);
    await q.query(`CREATE INDEX lead_assignments_org ON lead_assignments (organisation_id, assigned_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lead_assignments`);
    await q.query(`DROP TABLE leads`);
  }
}
