import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accrual lines can point at the facts of the activity, training, retention and referral plans: a
 * logged activity, a course completion, a subscription movement, a renewal, a partner's NRR for a
 * period and a referred customer's month of MRR; a line can be capped by a per-period cap. Lines are
 * written by the million, so they keep only the foreign key to their plan.
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
    // Plans read the won deals of a period (deal registration's table; the index serves the incentives' read).
    await q.query(`CREATE INDEX deal_registrations_won ON deal_registrations (actual_close_date, id) WHERE status = 'WON'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deal_registrations_won`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisations (id)`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_plan_version_id_fkey FOREIGN KEY (plan_version_id) REFERENCES incentive_plan_versions (id)`);
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_capped_by_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_capped_by_check CHECK (capped_by IN ('REP_CAP', 'BUDGET'))`);
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_source_type_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_source_type_check CHECK (source_type IN ('DEAL', 'REBATE_VOLUME'))`);
  }
}
