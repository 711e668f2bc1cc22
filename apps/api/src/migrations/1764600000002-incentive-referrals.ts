import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referral (affiliate) partners: one active referral link per partner organisation, and the sign-ups
 * made through it. A vendor user links a sign-up to the revenue customer it became; from then on that
 * customer's MRR earns the referring partner commission under its REFERRAL plans.
 */
export class IncentiveReferrals1764600000002 implements MigrationInterface {
  name = 'IncentiveReferrals1764600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        code varchar(32) NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]{6,32}$'),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        created_by_user_id uuid REFERENCES users (id)
      )`);
    // One active link per partner (a replaced link would be deactivated, never deleted: its sign-ups keep pointing at it).
    await q.query(`CREATE UNIQUE INDEX referral_links_one_active ON referral_links (organisation_id) WHERE active`);
    await q.query(`
      CREATE TABLE referral_signups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        link_id uuid NOT NULL REFERENCES referral_links (id),
        -- The partner the sign-up is attributed to (the link's organisation when it was made).
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        prospect_name varchar(200) NOT NULL CHECK (length(btrim(prospect_name)) > 0),
        prospect_email varchar(254) NOT NULL CHECK (prospect_email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
        company varchar(200) NOT NULL CHECK (length(btrim(company)) > 0),
        signed_up_at timestamptz NOT NULL,
        -- The sender's address, kept only to limit sign-ups per address and hour.
        client_ip varchar(64),
        customer_id uuid REFERENCES revenue_customers (id),
        linked_at timestamptz,
        linked_by_user_id uuid REFERENCES users (id),
        CONSTRAINT referral_signups_linked CHECK ((customer_id IS NULL) = (linked_at IS NULL))
      )`);
    // A customer is referred once: two partners never earn commission on the same customer.
    await q.query(`CREATE UNIQUE INDEX referral_signups_customer ON referral_signups (customer_id) WHERE customer_id IS NOT NULL`);
    await q.query(`CREATE INDEX referral_signups_org ON referral_signups (organisation_id, signed_up_at DESC, id)`);
    await q.query(`CREATE INDEX referral_signups_ip ON referral_signups (client_ip, signed_up_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral_signups`);
    await q.query(`DROP TABLE referral_links`);
  }
}
