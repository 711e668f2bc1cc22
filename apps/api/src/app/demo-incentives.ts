import { type Actor, RequestContext, type Role } from '@prm/server/core';
import type { IncentivePlansService, PointsService } from '@prm/server/incentives';
import type { DataSource } from 'typeorm';

export interface DemoIncentivesServices {
  dataSource: DataSource;
  plans: IncentivePlansService;
  points: PointsService;
}

const PROGRAM = 'Managed Service Provider';

/** YYYY-MM-DD of a UTC date. */
const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The demo rewards catalogue: what partners can exchange their points for. */
const DEMO_REWARDS = [
  { name: 'Gift voucher €25', kind: 'GIFT_VOUCHER', pointsPrice: 250, stock: null, requiresApproval: false },
  { name: 'Service credit €100', kind: 'SERVICE_CREDIT', pointsPrice: 1000, stock: null, requiresApproval: false },
  { name: 'Certified Backup Engineer course seat', kind: 'TRAINING_SEAT', pointsPrice: 1500, stock: 10, requiresApproval: false },
  { name: 'Partner Summit ticket', kind: 'EVENT_TICKET', pointsPrice: 2500, stock: 20, requiresApproval: true },
] as const;

/**
 * Incentives for the demo, written through the incentives services (validated like real input): a published
 * SPIF campaign and a published quarterly rebate for the MSP program, and a small rewards catalogue. The demo
 * data has no won deals, so nothing accrues until someone wins one.
 */
export async function seedDemoIncentives({ dataSource, plans, points }: DemoIncentivesServices, today: string): Promise<{ plans: number; rewards: number }> {
  const [admin]: { id: string; email: string; role: Role; organisation_id: string }[] = await dataSource.query(`SELECT id, email, role, organisation_id FROM users WHERE email = 'admin@vendor.test'`);
  if (!admin) throw new Error('demo user admin@vendor.test is missing');
  const actor: Actor = { userId: admin.id, apiKeyId: null, role: admin.role, organisationId: admin.organisation_id, email: admin.email };
  const ctx = new RequestContext(actor, 'demo-seed');
  const [program]: { id: string }[] = await dataSource.query(`SELECT id FROM programs WHERE name = $1`, [PROGRAM]);
  if (!program) throw new Error(`demo program ${PROGRAM} is missing`);

  const now = new Date(`${today}T00:00:00Z`);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const firstOfMonth = day(new Date(Date.UTC(year, month, 1)));
  const endOfNextMonth = day(new Date(Date.UTC(year, month + 2, 0)));
  const firstOfQuarter = day(new Date(Date.UTC(year, month - (month % 3), 1)));

  // SPIF: €150 for each of a rep's first two qualifying deals, €300 from the third on; at most €3,000 per rep.
  const spif = await plans.create(ctx, {
    name: 'Backup push SPIF',
    kind: 'SPIF',
    programId: program.id,
    periodKind: 'MONTH',
    currency: 'EUR',
    effectiveFrom: firstOfMonth,
    rules: {
      spif: {
        startsOn: firstOfMonth,
        endsOn: endOfNextMonth,
        payoutKind: 'TIERED',
        tierMode: 'ABOVE_THRESHOLD',
        countTiers: [
          { fromCount: 1, toCount: 3, amount: '150.00' },
          { fromCount: 3, toCount: null, amount: '300.00' },
        ],
        minValue: '1000.00',
        repCap: '3000.00',
      },
    },
  });
  await plans.publish(ctx, spif.id);

  // Rebate: back to euro one, 2 % up to €50,000 won in the quarter, 3 % up to €150,000, 4 % above.
  const rebate = await plans.create(ctx, {
    name: 'MSP volume rebate',
    kind: 'REBATE',
    programId: program.id,
    periodKind: 'QUARTER',
    currency: 'EUR',
    effectiveFrom: firstOfQuarter,
    rules: {
      rebate: {
        mode: 'RETROACTIVE',
        tiers: [
          { from: '0.00', to: '50000.00', rate: '2' },
          { from: '50000.00', to: '150000.00', rate: '3' },
          { from: '150000.00', to: null, rate: '4' },
        ],
      },
    },
  });
  await plans.publish(ctx, rebate.id);

  for (const reward of DEMO_REWARDS) await points.createReward(ctx, { ...reward });
  return { plans: 2, rewards: DEMO_REWARDS.length };
}
