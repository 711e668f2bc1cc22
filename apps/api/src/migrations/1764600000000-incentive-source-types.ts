import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accrual lines can point at the facts of the activity, training, retention and referral plans: a
 * logged activity, a course completion, a subscription movement, a renewal, a partner's NRR for a
 * period and a referred customer's month of MRR; a line can be capped by a per-period cap.
 */
export class IncentiveSourceTypes1764600000000 implements MigrationInterface {
  name = 'IncentiveSourceTypes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_source_type_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_source_type_check
      CHECK (source_type IN ('DEAL', 'REBATE_VOLUME', 'ACTIVITY', 'COURSE_COMPLETION', 'MRR_MOVEMENT', 'RENEWAL', 'NRR_PERIOD', 'REFERRAL_MRR'))`);
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_capped_by_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_capped_by_check CHECK (capped_by IN ('REP_CAP', 'BUDGET', 'PERIOD_CAP'))`);
    // Facts are looked up by source when a reversal or a late event brings a plan up to date.
    await q.query(`CREATE INDEX incentive_accrual_lines_source ON incentive_accrual_lines (source_type, source_id)`);
    // Plans read the won deals of a period (deal registration's table; the index serves the incentives' read).
    await q.query(`CREATE INDEX deal_registrations_won ON deal_registrations (actual_close_date, id) WHERE status = 'WON'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deal_registrations_won`);
    await q.query(`DROP INDEX incentive_accrual_lines_source`);
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_capped_by_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_capped_by_check CHECK (capped_by IN ('REP_CAP', 'BUDGET'))`);
    await q.query(`ALTER TABLE incentive_accrual_lines DROP CONSTRAINT incentive_accrual_lines_source_type_check`);
    await q.query(`ALTER TABLE incentive_accrual_lines ADD CONSTRAINT incentive_accrual_lines_source_type_check CHECK (source_type IN ('DEAL', 'REBATE_VOLUME'))`);
  }
}
