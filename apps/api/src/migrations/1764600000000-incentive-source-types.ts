import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accrual lines can point at the facts of the activity, training, retention and referral plans: a
 * logged activity, a course completion, a subscription movement, a renewal, a partner's NRR for a
 * period and a referred customer's month of MRR; a line can be capped by a per-period cap. Lines are
 * written by the million, so they keep only the foreign key to their plan, and a statement's lines are
 * found by their plan, period, beneficiary and unit instead of a statement id written on each.
 */
export class IncentiveSourceTypes1764600000000 implements MigrationInterface {
  name = 'IncentiveSourceTypes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_source_type_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_source_type_check
      CHECK (source_type IN ('DEAL', 'REBATE_VOLUME', 'ACTIVITY', 'COURSE_COMPLETION', 'MRR_MOVEMENT', 'RENEWAL', 'NRR_PERIOD', 'REFERRAL_MRR'))`);
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_capped_by_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_capped_by_check CHECK (capped_by IN ('REP_CAP', 'BUDGET', 'PERIOD_CAP'))`);
    // A quarter's accrual writes a line per qualifying event (a million at Scale S, docs/performance.md): the
    // organisation, user and plan version of each come from rows the accrual has just read, and organisations
    // and users are never deleted, so the three per-row foreign-key checks go; plan_id keeps its own.
    for (const fk of ['organisation_id', 'user_id', 'plan_version_id']) {
      await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_${fk}_fkey`);
    }
    // A statement holds the lines of its plan, period, beneficiary and unit (nothing writes to a closed period):
    // a close writes its statements, not a statement id on each of a quarter's million lines.
    await q.query(`DROP INDEX incentive_accrual_lines_period`);
    await q.query(`ALTER TABLE incentive_accrual_lines DROP COLUMN statement_id`);
    await q.query(`CREATE INDEX incentive_accrual_lines_beneficiary ON incentive_accrual_lines (plan_id, period_key, organisation_id, user_id)`);
    // Plans read the won deals of a period (deal registration's table; the index serves the incentives' read).
    await q.query(`CREATE INDEX deal_registrations_won ON deal_registrations (actual_close_date, id) WHERE status = 'WON'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deal_registrations_won`);
    await q.query(`DROP INDEX incentive_accrual_lines_beneficiary`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD COLUMN statement_id uuid REFERENCES incentive_statements (id)`);
    await q.query(
      `UPDATE incentive_accrual_lines l SET statement_id = s.id FROM incentive_statements s
        WHERE s.plan_id = l.plan_id AND s.period_key = l.period_key AND s.organisation_id = l.organisation_id AND s.unit = l.unit
          AND COALESCE(s.user_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(l.user_id, '00000000-0000-0000-0000-000000000000'::uuid)`,
    );
    await q.query(`CREATE INDEX incentive_accrual_lines_statement ON incentive_accrual_lines (statement_id) WHERE statement_id IS NOT NULL`);
    await q.query(`CREATE INDEX incentive_accrual_lines_period ON incentive_accrual_lines (plan_id, period_key, id)`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisations (id)`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_plan_version_id_fkey FOREIGN KEY (plan_version_id) REFERENCES incentive_plan_versions (id)`);
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_capped_by_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_capped_by_check CHECK (capped_by IN ('REP_CAP', 'BUDGET'))`);
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_source_type_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_source_type_check CHECK (source_type IN ('DEAL', 'REBATE_VOLUME'))`);
  }
}
