import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activity and training incentives: activity types (approval AUTO or VERIFIED), the activities partner
 * users log with their evidence and decision, the course catalogue (validity, certification flag),
 * course completions (recorded by a partner or imported, idempotent by external id) and the
 * certification-expiry reminders already sent. What an activity or completion pays lives in the plan rules.
 */
export class IncentiveActivitiesTraining1764600000001 implements MigrationInterface {
  name = 'IncentiveActivitiesTraining1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incentive_activity_types (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('WEBINAR_ATTENDED', 'DEMO_HELD', 'BUSINESS_REVIEW_HELD', 'JOINT_MARKETING_EVENT', 'OTHER')),
        approval text NOT NULL CHECK (approval IN ('AUTO', 'VERIFIED')),
        evidence_required boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT incentive_activity_types_name UNIQUE (name)
      )`);

    await q.query(`
      CREATE TABLE incentive_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        user_id uuid NOT NULL REFERENCES users (id),
        type_id uuid NOT NULL REFERENCES incentive_activity_types (id),
        occurred_on date NOT NULL,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        evidence_url text CHECK (length(evidence_url) <= 500),
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
        decided_by_user_id uuid REFERENCES users (id),
        decided_at timestamptz,
        decision_reason text CHECK (length(decision_reason) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A manager's decision is recorded with who and when; an AUTO activity is approved on logging (decided_by null).
        CONSTRAINT incentive_activities_decided CHECK ((status = 'SUBMITTED') = (decided_at IS NULL)),
        CONSTRAINT incentive_activities_rejected CHECK (status <> 'REJECTED' OR decision_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX incentive_activities_org ON incentive_activities (organisation_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX incentive_activities_list ON incentive_activities (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX incentive_activities_queue ON incentive_activities (created_at, id) WHERE status = 'SUBMITTED'`);
    // Accrual reads approved activities by date.
    await q.query(`CREATE INDEX incentive_activities_occurred ON incentive_activities (occurred_on) WHERE status = 'APPROVED'`);

    await q.query(`
      CREATE TABLE training_courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        -- Months a certification stays valid after completion; null = never expires.
        validity_months integer CHECK (validity_months BETWEEN 1 AND 240),
        certification boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_courses_name UNIQUE (name)
      )`);

    await q.query(`
      CREATE TABLE training_completions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        user_id uuid NOT NULL REFERENCES users (id),
        course_id uuid NOT NULL REFERENCES training_courses (id),
        completed_on date NOT NULL,
        evidence_url text CHECK (length(evidence_url) <= 500),
        source text NOT NULL CHECK (source IN ('MANUAL', 'IMPORT')),
        -- The learning system's id: an import repeated adds nothing.
        external_id text CHECK (length(external_id) BETWEEN 1 AND 200),
        recorded_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_completions_external UNIQUE (external_id),
        CONSTRAINT training_completions_import_id CHECK (source <> 'IMPORT' OR external_id IS NOT NULL),
        CONSTRAINT training_completions_once UNIQUE (user_id, course_id, completed_on)
      )`);
    await q.query(`CREATE INDEX training_completions_org ON training_completions (organisation_id, completed_on DESC, id DESC)`);
    await q.query(`CREATE INDEX training_completions_list ON training_completions (completed_on DESC, id DESC)`);
    await q.query(`CREATE INDEX training_completions_course ON training_completions (course_id, completed_on)`);

    await q.query(`
      CREATE TABLE training_certification_reminders (
        completion_id uuid NOT NULL REFERENCES training_completions (id) ON DELETE CASCADE,
        days_before integer NOT NULL CHECK (days_before >= 0),
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (completion_id, days_before)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE training_certification_reminders`);
    await q.query(`DROP TABLE training_completions`);
    await q.query(`DROP TABLE training_courses`);
    await q.query(`DROP TABLE incentive_activities`);
    await q.query(`DROP TABLE incentive_activity_types`);
  }
}
