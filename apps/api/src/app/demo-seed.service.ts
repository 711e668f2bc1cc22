import { Inject, Injectable } from '@nestjs/common';
import { Clock, LOGGER, RequestContext } from '@prm/server/core';
import { ActivitiesService, IncentivePlansService, PointsService, TrainingService } from '@prm/server/incentives';
import { MdfClaimsService, MdfFundsService, MdfRequestsService } from '@prm/server/mdf';
import { LedgerService, RevenueRollupService } from '@prm/server/revenue';
import { PasswordService } from '@prm/server/identity';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { normaliseCompanyName } from '@prm/domain/deals';
import { parseMoney } from '@prm/domain/money';
import { seedDemoActivitiesTraining } from './demo-activities-training';
import { seedDemoIncentives } from './demo-incentives';
import { seedDemoMdf } from './demo-mdf';
import { demoRevenue, demoUsdRates } from './demo-revenue';
import { DEMO_HOUSE_ACCOUNTS, DEMO_PARTNER_USERS, DEMO_PRODUCTS, DEMO_PARTNERS, DEMO_PASSWORD, DEMO_PROGRAMS, DEMO_STAFF, DEMO_TIERS, DEMO_VENDOR } from './demo-data';

const insertId = async (em: EntityManager, sql: string, params: unknown[]): Promise<string> => {
  const rows: { id: string }[] = await em.query(`${sql} RETURNING id`, params);
  return rows[0].id;
};

/** Seeds the demo data set once (first start in demo mode, or `npm run db:seed`). */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly ledger: LedgerService,
    private readonly rollups: RevenueRollupService,
    private readonly clock: Clock,
    private readonly mdfFunds: MdfFundsService,
    private readonly mdfRequests: MdfRequestsService,
    private readonly mdfClaims: MdfClaimsService,
    private readonly incentivePlans: IncentivePlansService,
    private readonly points: PointsService,
    private readonly activities: ActivitiesService,
    private readonly training: TrainingService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    const existing: unknown[] = await this.dataSource.query(`SELECT 1 FROM organisations WHERE kind = 'VENDOR'`);
    if (existing.length > 0) return false;
    const hash = await this.passwords.hash(DEMO_PASSWORD);
    await this.dataSource.transaction(async (em) => {
      const vendorId = await insertId(
        em,
        `INSERT INTO organisations (kind, name, legal_name, country, city, website, domain, preferred_language) VALUES ('VENDOR', $1, $2, $3, $4, $5, 'acme-cloud.test', 'en')`,
        [DEMO_VENDOR.name, DEMO_VENDOR.legalName, DEMO_VENDOR.country, DEMO_VENDOR.city, DEMO_VENDOR.website],
      );
      const staff = new Map<string, string>();
      for (const user of DEMO_STAFF) {
        staff.set(user.email, await insertId(em, `INSERT INTO users (organisation_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)`, [vendorId, user.email, user.name, user.role, hash]));
      }
      const managers = [staff.get('manager@vendor.test'), staff.get('manager2@vendor.test')];
      const ladders: string[][] = [];
      for (const program of DEMO_PROGRAMS) {
        const programId = await insertId(em, `INSERT INTO programs (name, segment, description) VALUES ($1, $2, $3)`, [program.name, program.segment, program.description]);
        const tierIds: string[] = [];
        for (const [rank, tier] of DEMO_TIERS.entries()) {
          tierIds.push(
            await insertId(
              em,
              `INSERT INTO tiers (program_id, name, rank, rebate_rate, mdf_accrual_rate, deal_registration_discount, referral_commission_rate, mdf_cofunding_pct, qualification_rules)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
              [programId, tier.name, rank, ...tier.benefits, JSON.stringify(tier.rules)],
            ),
          );
        }
        ladders.push([programId, ...tierIds]);
      }
      const partners = new Map<string, string>();
      for (const partner of DEMO_PARTNERS) {
        const id = await insertId(
          em,
          `INSERT INTO organisations (kind, name, legal_name, country, city, website, domain, preferred_language, segment, channel_manager_id)
           VALUES ('PARTNER', $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [partner.name, partner.legalName, partner.country, partner.city, `https://www.${partner.domain}`, partner.domain, partner.language, DEMO_PROGRAMS[partner.program].segment, managers[partner.manager]],
        );
        partners.set(partner.name, id);
        const [programId, ...tierIds] = ladders[partner.program];
        const enrolmentId = await insertId(em, `INSERT INTO enrolments (organisation_id, program_id, tier_id) VALUES ($1, $2, $3)`, [id, programId, tierIds[partner.tier]]);
        await em.query(`INSERT INTO tier_changes (enrolment_id, organisation_id, program_id, to_tier_id, kind, status, decided_at) VALUES ($1, $2, $3, $4, 'ENROLMENT', 'APPLIED', now())`, [enrolmentId, id, programId, tierIds[partner.tier]]);
        await em.query(`INSERT INTO partner_metrics (organisation_id, metric, value, source) VALUES ($1, 'WON_DEALS', $2, 'demo'), ($1, 'CERTIFIED_PEOPLE', $3, 'demo')`, [id, partner.wonDeals, partner.certified]);
      }
      for (const user of DEMO_PARTNER_USERS) {
        await em.query(`INSERT INTO users (organisation_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)`, [partners.get(user.partner), user.email, user.name, user.role, hash]);
      }
      for (const product of DEMO_PRODUCTS) {
        await em.query(`INSERT INTO products (sku, name, product_line, pricing, list_price_minor, currency) VALUES ($1, $2, $3, $4, $5, 'EUR')`, [
          product.sku,
          product.name,
          product.productLine,
          product.pricing,
          parseMoney(product.listPrice, 'EUR').amountMinor.toString(),
        ]);
      }
      for (const account of DEMO_HOUSE_ACCOUNTS) {
        await em.query(`INSERT INTO house_accounts (company_name, normalised_name, domain, country) VALUES ($1, $2, $3, $4)`, [
          account.companyName,
          normaliseCompanyName(account.companyName),
          account.domain,
          account.country,
        ]);
      }
    });
    const customers = await this.seedRevenue();
    const mdf = await seedDemoMdf(
      { dataSource: this.dataSource, funds: this.mdfFunds, requests: this.mdfRequests, claims: this.mdfClaims },
      this.clock.now().toISOString().slice(0, 10),
    );
    const incentives = await seedDemoIncentives({ dataSource: this.dataSource, plans: this.incentivePlans, points: this.points }, this.clock.now().toISOString().slice(0, 10));
    const activitiesTraining = await seedDemoActivitiesTraining(
      { dataSource: this.dataSource, plans: this.incentivePlans, activities: this.activities, training: this.training },
      this.clock.now().toISOString().slice(0, 10),
    );
    this.logger.info({ partners: DEMO_PARTNERS.length, revenueCustomers: customers, mdf, incentives, activitiesTraining }, 'demo data seeded');
    return true;
  }

  /** The demo subscription ledger, written through the ledger service (so it is validated like real input), then rolled up. */
  private async seedRevenue(): Promise<number> {
    const ctx = RequestContext.system();
    const today = this.clock.now().toISOString().slice(0, 10);
    const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id, name FROM organisations WHERE kind = 'PARTNER'`);
    const partnerId = new Map(rows.map((r) => [r.name, r.id]));
    for (const rate of demoUsdRates(today)) await this.ledger.setExchangeRate(ctx, rate);
    const customers = demoRevenue(today, DEMO_PARTNERS);
    for (const customer of customers) {
      await this.ledger.createCustomer(ctx, {
        name: customer.name,
        externalId: customer.externalId,
        domain: customer.domain,
        country: customer.country,
        organisationId: partnerId.get(customer.partner)!,
        since: customer.since,
      });
      for (const event of customer.events) await this.ledger.recordEvent(ctx, event, 'API');
    }
    for (const customer of customers) {
      if (!customer.transfer) continue;
      const [row]: { id: string }[] = await this.dataSource.query(`SELECT id FROM revenue_customers WHERE external_id = $1`, [customer.externalId]);
      await this.ledger.transferCustomer(ctx, { customerId: row!.id, organisationId: partnerId.get(customer.transfer.partner)!, effectiveFrom: customer.transfer.from });
    }
    await this.rollups.rebuild();
    return customers.length;
  }
}
