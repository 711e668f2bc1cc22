import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The derived revenue tables (movements, customer months) no longer reference revenue_customers.
 * They are only ever written by the rollups, recomputed from the ledger (`metrics:rebuild --check`
 * proves them), and customers are never deleted, so the foreign key guarded nothing; its per-row
 * check cost a third of a full rebuild at Scale S (about 20 s of 3.5 million inserts, see
 * docs/performance.md). Their other ids (subscription, partner, source event) never had one.
 */
export class RevenueDerivedWithoutFk1764310000000 implements MigrationInterface {
  name = 'RevenueDerivedWithoutFk1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE revenue_movements DROP CONSTRAINT revenue_movements_customer_id_fkey`);
    await q.query(`ALTER TABLE revenue_customer_months DROP CONSTRAINT revenue_customer_months_customer_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE revenue_customer_months ADD CONSTRAINT revenue_customer_months_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES revenue_customers (id) ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE revenue_movements ADD CONSTRAINT revenue_movements_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES revenue_customers (id) ON DELETE CASCADE`,
    );
  }
}
