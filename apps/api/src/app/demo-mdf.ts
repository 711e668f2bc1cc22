import { fundPeriodOf } from '@prm/domain/mdf';
import { addDays } from '@prm/domain/revenue';
import { type Actor, RequestContext, Role } from '@prm/server/core';
import type { ActivityType, MdfClaimsService, MdfFundsService, MdfRequestsService } from '@prm/server/mdf';
import type { DataSource } from 'typeorm';

/** A small but real PDF: proof files are checked by content, so the demo's must pass the same check. */
export function demoProofPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
      `4 0 obj << /Length ${stream.length} >> stream`,
      stream,
      'endstream endobj',
      '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
  );
}

interface DemoActivity {
  partner: string;
  /** Who proposes it (a partner user's e-mail). */
  by: string;
  type: ActivityType;
  title: string;
  description: string;
  /** Days from the seeding day (negative: in the past), kept inside the current quarter. */
  startsAfter: number;
  days: number;
  plannedCost: string;
  requestedAmount: string;
  expectedLeads: number;
  expectedPipeline: string;
  /** Left out: submitted and waiting for a decision. */
  approve?: { amount: string; comment: string };
  claim?: { actualCost: string; claimedAmount: string; attendees: number; leads: number; opportunities: number; pipeline: string; file: string };
  /** What happens to the claim: left SUBMITTED, APPROVED (waiting for payment) or PAID. */
  claimOutcome?: 'SUBMITTED' | 'APPROVED' | 'PAID';
}

/** Fixed funds for the current quarter, per demo partner (program settings first). */
export const DEMO_MDF_FUNDS: readonly { partner: string; budget: string }[] = [
  { partner: 'Northwind IT', budget: '25000.00' },
  { partner: 'Contoso Managed Services', budget: '25000.00' },
  { partner: 'Tailspin Cloud', budget: '40000.00' },
  { partner: 'Adventure Works Consulting', budget: '15000.00' },
];

/** Requests and claims in different states, so every MDF page has something to show. */
export const DEMO_MDF_ACTIVITIES: readonly DemoActivity[] = [
  {
    partner: 'Northwind IT',
    by: 'rep@northwind.test',
    type: 'WEBINAR',
    title: 'Cloud backup webinar series',
    description: 'Three webinars for IT managers of SMB customers in Utrecht and surroundings.',
    startsAfter: -12,
    days: 3,
    plannedCost: '6000.00',
    requestedAmount: '3000.00',
    expectedLeads: 40,
    expectedPipeline: '60000.00',
    approve: { amount: '3000.00', comment: 'Good plan; please share the attendee list with the claim.' },
    claim: { actualCost: '5800.00', claimedAmount: '2900.00', attendees: 96, leads: 31, opportunities: 6, pipeline: '48000.00', file: 'webinar-attendance.pdf' },
    claimOutcome: 'PAID',
  },
  {
    partner: 'Northwind IT',
    by: 'rep@northwind.test',
    type: 'EVENT',
    title: 'Partner day Utrecht',
    description: 'A customer day with demos of Acme Backup and Mail Security.',
    startsAfter: -8,
    days: 1,
    plannedCost: '10000.00',
    requestedAmount: '5000.00',
    expectedLeads: 25,
    expectedPipeline: '80000.00',
    approve: { amount: '4000.00', comment: 'Approved for €4,000: catering is not eligible.' },
    claim: { actualCost: '9000.00', claimedAmount: '4000.00', attendees: 54, leads: 18, opportunities: 4, pipeline: '52000.00', file: 'partner-day-invoices.pdf' },
    claimOutcome: 'APPROVED',
  },
  {
    partner: 'Northwind IT',
    by: 'admin@northwind.test',
    type: 'TRADE_SHOW',
    title: 'Booth at IT Expo Jaarbeurs',
    description: 'A 3×3 m booth with the Acme SIEM demo.',
    startsAfter: 20,
    days: 2,
    plannedCost: '12000.00',
    requestedAmount: '6000.00',
    expectedLeads: 60,
    expectedPipeline: '150000.00',
    approve: { amount: '6000.00', comment: 'Approved. Claim within 60 days after the show.' },
  },
  {
    partner: 'Northwind IT',
    by: 'rep@northwind.test',
    type: 'DIGITAL_CAMPAIGN',
    title: 'LinkedIn campaign: backup for SMB',
    description: 'Sponsored posts and a landing page for four weeks.',
    startsAfter: 10,
    days: 28,
    plannedCost: '4000.00',
    requestedAmount: '2000.00',
    expectedLeads: 30,
    expectedPipeline: '40000.00',
  },
  {
    partner: 'Contoso Managed Services',
    by: 'admin@contoso.test',
    type: 'EVENT',
    title: 'MSP roadshow Antwerp',
    description: 'Breakfast sessions for managed-service customers.',
    startsAfter: -10,
    days: 2,
    plannedCost: '8000.00',
    requestedAmount: '4000.00',
    expectedLeads: 30,
    expectedPipeline: '90000.00',
    approve: { amount: '4000.00', comment: 'Approved.' },
    claim: { actualCost: '7000.00', claimedAmount: '3500.00', attendees: 61, leads: 22, opportunities: 5, pipeline: '70000.00', file: 'roadshow-proof.pdf' },
    claimOutcome: 'SUBMITTED',
  },
  {
    partner: 'Contoso Managed Services',
    by: 'rep@contoso.test',
    type: 'CONTENT',
    title: 'E-book: zero trust for MSPs',
    description: 'A 20-page e-book with a landing page.',
    startsAfter: 5,
    days: 30,
    plannedCost: '3000.00',
    requestedAmount: '1500.00',
    expectedLeads: 50,
    expectedPipeline: '30000.00',
  },
];

export interface DemoMdfServices {
  dataSource: DataSource;
  funds: MdfFundsService;
  requests: MdfRequestsService;
  claims: MdfClaimsService;
}

/**
 * MDF demo data written through the MDF services, so balances move exactly as they do for real users
 * (reservations, partial approvals, a payment) and every step is in the timeline and the audit log.
 */
export async function seedDemoMdf({ dataSource, funds, requests, claims }: DemoMdfServices, today: string): Promise<{ funds: number; requests: number; claims: number }> {
  const users: { id: string; email: string; role: Role; organisation_id: string }[] = await dataSource.query(`SELECT id, email, role, organisation_id FROM users`);
  const as = (email: string): RequestContext => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`demo user ${email} is missing`);
    const actor: Actor = { userId: user.id, apiKeyId: null, role: user.role, organisationId: user.organisation_id, email: user.email };
    return new RequestContext(actor, 'demo-seed');
  };
  const admin = as('admin@vendor.test');
  const manager = as('manager@vendor.test');
  const enrolments: { name: string; organisation_id: string; program_id: string }[] = await dataSource.query(
    `SELECT o.name, e.organisation_id, e.program_id FROM enrolments e JOIN organisations o ON o.id = e.organisation_id`,
  );
  const enrolment = (partner: string) => {
    const row = enrolments.find((e) => e.name === partner);
    if (!row) throw new Error(`demo partner ${partner} is not enrolled`);
    return row;
  };

  // Program settings: quarterly funds, 60 days to claim, two weeks of grace before unused money lapses.
  for (const programId of new Set(DEMO_MDF_FUNDS.map((f) => enrolment(f.partner).program_id))) {
    await funds.setSettings(admin, programId, { periodKind: 'QUARTER', claimDeadlineDays: 60, expiryGraceDays: 14, currency: 'EUR' });
  }
  const quarter = fundPeriodOf('QUARTER', today);
  const quarterStart = quarter.start;
  // Claimed activities happened shortly before the seeding day (so their claim deadline is still ahead), the others after it.
  const inQuarter = (offset: number, days: number): string => {
    const start = addDays(today, offset);
    const latest = addDays(quarter.end, 1 - days);
    return start < quarter.start ? quarter.start : start > latest ? latest : start;
  };
  const fundOf = new Map<string, string>();
  for (const { partner, budget } of DEMO_MDF_FUNDS) {
    const { organisation_id: organisationId, program_id: programId } = enrolment(partner);
    const fund = await funds.create(admin, { organisationId, programId, periodStart: quarterStart, budgetKind: 'FIXED', budget, reason: 'Quarterly MDF allocation' });
    fundOf.set(partner, fund.id);
  }

  let claimCount = 0;
  let paymentNumber = 0;
  for (const activity of DEMO_MDF_ACTIVITIES) {
    const partnerUser = as(activity.by);
    const startDate = inQuarter(activity.startsAfter, activity.days);
    const request = await requests.create(partnerUser, {
      fundId: fundOf.get(activity.partner)!,
      activityType: activity.type,
      title: activity.title,
      description: activity.description,
      startDate,
      endDate: addDays(startDate, activity.days - 1),
      plannedCost: activity.plannedCost,
      requestedAmount: activity.requestedAmount,
      expectedLeads: activity.expectedLeads,
      expectedPipeline: activity.expectedPipeline,
      submit: true,
    });
    if (!activity.approve) continue;
    await requests.approve(manager, request.id, activity.approve.amount, activity.approve.comment);
    if (!activity.claim) continue;
    const { file, ...claimInput } = activity.claim;
    const claim = await claims.submit(partnerUser, request.id, claimInput, [{ name: file, bytes: demoProofPdf(activity.title) }]);
    claimCount += 1;
    if (activity.claimOutcome === 'SUBMITTED') continue;
    await claims.approve(manager, claim.id, null, 'Proof received, thank you.');
    if (activity.claimOutcome !== 'PAID') continue;
    paymentNumber += 1;
    await claims.markPaid(admin, { claimIds: [claim.id], paymentReference: `MDF-PAY-${today.slice(0, 4)}-${String(paymentNumber).padStart(4, '0')}`, paymentDate: today, idempotencyKey: `demo-payment-${paymentNumber}` });
  }
  return { funds: DEMO_MDF_FUNDS.length, requests: DEMO_MDF_ACTIVITIES.length, claims: claimCount };
}
