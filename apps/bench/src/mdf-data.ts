import { randomUUID } from 'node:crypto';
import {
  accrualBudgetMinor,
  approveClaim,
  availableMinor,
  claimCapMinor,
  claimDeadline,
  coFundingCapMinor,
  emptyBalances,
  type FundBalances,
  fundExpiry,
  type FundPeriodKind,
  fundPeriodMonths,
  fundPeriodOf,
  formatMoneyText,
  insufficientFundsMessage,
  payClaim,
  releaseReservation,
  reserve,
  submitClaim,
  withdrawClaim,
} from '@prm/domain/mdf';
import { formatPercent, parsePercent, type Percent } from '@prm/domain/money';
import { addDays, addMonths, daysBetween } from '@prm/domain/revenue';
import type { Pool } from 'pg';
import { CITIES_BE, CITIES_NL, type GeneratedData } from './data';
import { literal, random, withoutForeignKeysAndIndexes } from './deals-data';

/**
 * MDF at Scale S: funds for the last periods of all 2,000 partners, about 60,000 pre-approval requests
 * and 50,000 claims in realistic state mixes, payments, budget history, the timeline, and expiry
 * reminders. The demo ladder's Registered tier has 0 % co-funding and 0 % accrual, under which its
 * partners could not request MDF at all: the benchmark's ladder gives it REGISTERED_MDF instead.
 */
export const MDF_SCALE = {
  /** Requests per month of a fund's period, on average (a quarter: about 6). */
  requestsPerMonth: 2.2,
  /** Periods per partner: the current one and the ones before it. */
  quarters: 5,
  halfYears: 3,
  /** Budget per quarter by tier rank (0 Registered, 1 Silver, 2 Gold, 3 Platinum), in euros; ± 30 % per fund. */
  quarterBudgetEur: [7_500, 15_000, 30_000, 60_000],
  /** Share of partners whose funds are ACCRUAL budgets (the rest FIXED allocations). */
  accrualPartners: 0.3,
};

/** The MDF benefits of the lowest tier in the benchmark's ladder (the demo ladder has none), so every partner has funds. */
const REGISTERED_MDF = { cofundingPct: '25', accrualRate: '1' };

/** Program MDF settings by program index; the fourth program has no row (the defaults: QUARTER, 60 days, no grace). */
const PROGRAM_SETTINGS: ({ periodKind: FundPeriodKind; claimDeadlineDays: number; expiryGraceDays: number } | null)[] = [
  { periodKind: 'QUARTER', claimDeadlineDays: 60, expiryGraceDays: 0 },
  { periodKind: 'QUARTER', claimDeadlineDays: 90, expiryGraceDays: 14 },
  { periodKind: 'HALF_YEAR', claimDeadlineDays: 60, expiryGraceDays: 30 },
  null,
];
const DEFAULT_SETTINGS = { periodKind: 'QUARTER' as FundPeriodKind, claimDeadlineDays: 60, expiryGraceDays: 0 };
const CURRENCY = 'EUR';

/** Activity types with their share, typical length in days and title patterns. */
const ACTIVITIES: { type: string; share: number; days: [number, number]; titles: string[]; audience: string }[] = [
  { type: 'EVENT', share: 0.2, days: [0, 1], titles: ['Customer event {city}', 'Breakfast session {city}', 'Partner day {city}'], audience: 'IT managers of SMB customers' },
  { type: 'WEBINAR', share: 0.2, days: [0, 0], titles: ['Webinar: backup for {sector}', 'Webinar: mail security in practice', 'Webinar: ransomware readiness'], audience: 'Existing customers and prospects' },
  { type: 'TRADE_SHOW', share: 0.1, days: [1, 3], titles: ['Booth at {show}', 'Stand at {show}'], audience: 'Visitors of the trade show' },
  { type: 'DIGITAL_CAMPAIGN', share: 0.25, days: [14, 45], titles: ['LinkedIn campaign for {sector}', 'Google Ads: cloud backup', 'E-mail campaign to installed base'], audience: 'Decision makers at {sector}' },
  { type: 'CONTENT', share: 0.1, days: [7, 30], titles: ['Case study {city}', 'Whitepaper for {sector}', 'Explainer video'], audience: 'Prospects in {sector}' },
  { type: 'TRAINING', share: 0.1, days: [0, 2], titles: ['Sales training for the team', 'Technical certification course'], audience: 'Own sales and technical staff' },
  { type: 'OTHER', share: 0.05, days: [0, 10], titles: ['Customer survey', 'Co-branded giveaways'], audience: 'Customers' },
];
const SECTORS = ['accountants', 'healthcare', 'logistics', 'law firms', 'construction', 'education', 'municipalities', 'retail'];
const SHOWS = ['IT Infra Utrecht', 'Cloud Expo Europe', 'Infosecurity Belgium', 'Data & Cloud Summit Amsterdam', 'Kennisdag Cybersecurity'];
const CITIES = [...CITIES_NL, ...CITIES_BE];
const REJECTIONS = ['The activity does not target the program segment.', 'Please combine this with your other webinar request.', 'Expected results are too low for the amount.'];
const MORE_INFO = ['Please add the expected number of attendees.', 'Which products will be promoted?', 'Please add a breakdown of the planned cost.'];
const CLAIM_REJECTIONS = ['The proof does not show our branding.', 'The invoice is addressed to another company.', 'Attendee list missing.'];
const CLAIM_MORE_INFO = ['Please add the invoice of the venue.', 'The attendee list is not readable; please upload it again.'];

const DAY_S = 86_400;

export interface MdfSizes {
  programSettings: number;
  partnersWithFunds: number;
  funds: number;
  fundsByKind: Record<string, number>;
  expiredFunds: number;
  budgetChanges: number;
  requests: number;
  requestsByStatus: Record<string, number>;
  /** Requests refused because the fund could not cover them (the comment gives the available amount). */
  insufficientFunds: number;
  claims: number;
  claimsByStatus: Record<string, number>;
  payments: number;
  timeline: number;
  reminders: number;
}

export interface MdfFundSample {
  id: string;
  organisationId: string;
}

export interface MdfData {
  sizes: MdfSizes;
  /** Every fund of an active partner (id and organisation), in generation order. */
  funds: MdfFundSample[];
  /** A partner admin of an active partner with funds, and its organisation's funds. */
  partnerAdmin: { email: string; organisationId: string; fundIds: string[] };
  today: string;
}

/** Epoch seconds of the start of an ISO day (UTC). */
const dayStart = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000;
const dayOf = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);
const eur = (minor: bigint): string => formatMoneyText(minor, CURRENCY);

interface Timeline {
  request: string[];
  claim: (string | null)[];
  at: number[];
  actor: (number | null)[];
  kind: string[];
  from: (string | null)[];
  to: (string | null)[];
  comment: (number | null)[];
}

/**
 * Bulk-loads the MDF data into a database that holds Scale S, as of `now`: everything is generated in
 * JavaScript with a seeded generator (the same data every run; ids are random), the lifecycle of every
 * request and claim simulated from its dates (a step happens only when its time has come), the fund
 * balances moved with the domain's own transitions (`reserve`, `submitClaim`, `approveClaim`, …, which
 * check every invariant) and approvals refused when the fund cannot cover them; then sent as a few
 * `INSERT … SELECT FROM unnest(…)` statements in one transaction with the tables' foreign keys and
 * secondary indexes dropped and rebuilt, checked (balances against the requests and claims), and
 * VACUUM ANALYZE.
 */
export async function generateMdf(pool: Pool, base: GeneratedData, now = new Date()): Promise<MdfData> {
  const rand = random(20_251_201);
  const between = (min: number, max: number): number => min + rand() * (max - min);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const nowS = Math.floor(now.getTime() / 1000);
  const today = dayOf(nowS);

  await pool.query(`UPDATE tiers SET mdf_cofunding_pct = $1, mdf_accrual_rate = $2 WHERE mdf_cofunding_pct = 0`, [REGISTERED_MDF.cofundingPct, REGISTERED_MDF.accrualRate]);
  const { rows: programs } = await pool.query<{ id: string }>(`SELECT id FROM programs ORDER BY name`);
  const { rows: tiers } = await pool.query<{ organisation_id: string; program_id: string; rank: number; cofunding: string; accrual: string; status: string }>(
    `SELECT e.organisation_id, e.program_id, t.rank, t.mdf_cofunding_pct::text AS cofunding, t.mdf_accrual_rate::text AS accrual, o.status
       FROM enrolments e JOIN tiers t ON t.id = e.tier_id JOIN organisations o ON o.id = e.organisation_id`,
  );
  const enrolmentOf = new Map(tiers.map((t) => [t.organisation_id, t]));
  const programIndex = new Map(programs.map((p, i) => [p.id, i]));
  const users: string[] = [];
  const firstUser = base.partners.map((p) => users.push(...p.userIds) - p.userIds.length);
  const managers = base.channelManagerIds;

  const fund = {
    id: [] as string[], org: [] as number[], program: [] as number[], kind: [] as string[], start: [] as string[], end: [] as string[], budgetKind: [] as string[],
    rate: [] as (string | null)[], refStart: [] as (string | null)[], refEnd: [] as (string | null)[], budget: [] as string[], reserved: [] as string[],
    claimed: [] as string[], approved: [] as string[], paid: [] as string[], deadlineDays: [] as number[], expires: [] as string[], status: [] as string[],
    lapsed: [] as (string | null)[], expiredAt: [] as (number | null)[], createdBy: [] as number[], created: [] as number[],
  };
  const change = {
    fund: [] as string[], at: [] as number[], kind: [] as string[], before: [] as string[], after: [] as string[], revenue: [] as (string | null)[],
    rate: [] as (string | null)[], refStart: [] as (string | null)[], refEnd: [] as (string | null)[], reason: [] as (string | null)[], actor: [] as (number | null)[],
  };
  const req = {
    id: [] as string[], fund: [] as string[], org: [] as number[], user: [] as number[], status: [] as string[], type: [] as string[], title: [] as number[],
    description: [] as number[], audience: [] as number[], start: [] as string[], end: [] as string[], planned: [] as string[], requested: [] as string[],
    pct: [] as string[], approved: [] as (string | null)[], leads: [] as number[], pipeline: [] as string[], deadline: [] as string[],
    extended: [] as (string | null)[], extensionReason: [] as (number | null)[], extendedBy: [] as (number | null)[], extendedAt: [] as (number | null)[],
    submitted: [] as (number | null)[], decided: [] as (number | null)[], decidedBy: [] as (number | null)[], comment: [] as (number | null)[],
    created: [] as number[], updated: [] as number[],
  };
  const claim = {
    id: [] as string[], request: [] as string[], fund: [] as string[], org: [] as number[], user: [] as number[], status: [] as string[], actual: [] as string[],
    claimed: [] as string[], approved: [] as (string | null)[], attendees: [] as (number | null)[], leads: [] as number[], opportunities: [] as number[],
    pipeline: [] as string[], submitted: [] as number[], lastSubmitted: [] as number[], decided: [] as (number | null)[], decidedBy: [] as (number | null)[],
    comment: [] as (number | null)[], payment: [] as (string | null)[], paid: [] as (number | null)[], updated: [] as number[],
  };
  const payments = new Map<string, { id: string; date: string; reference: string; manager: number }>();
  const timeline: Timeline = { request: [], claim: [], at: [], actor: [], kind: [], from: [], to: [], comment: [] };
  const texts = new Texts();
  const reminder = { fund: [] as string[], days: [] as number[], sent: [] as number[] };
  const requestsByStatus: Record<string, number> = Object.fromEntries(['DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'COMPLETED', 'EXPIRED'].map((s) => [s, 0]));
  const claimsByStatus: Record<string, number> = Object.fromEntries(['SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'PAID'].map((s) => [s, 0]));
  const fundsByKind: Record<string, number> = { FIXED: 0, ACCRUAL: 0 };
  const samples: MdfFundSample[] = [];
  let insufficientFunds = 0;
  let expiredFunds = 0;
  let partnersWithFunds = 0;
  let adminPartner = -1;

  const entry = (request: string, claimId: string | null, at: number, actor: number | null, from: string | null, to: string | null, comment: string | null = null, kind = 'STATUS'): void => {
    timeline.request.push(request);
    timeline.claim.push(claimId);
    timeline.at.push(at);
    timeline.actor.push(actor);
    timeline.kind.push(kind);
    timeline.from.push(from);
    timeline.to.push(to);
    timeline.comment.push(texts.id(comment));
  };

  for (const [p, partner] of base.partners.entries()) {
    const enrolment = enrolmentOf.get(partner.id);
    if (!enrolment) continue;
    const cofunding = parsePercent(enrolment.cofunding);
    if (cofunding === 0n) continue;
    partnersWithFunds += 1;
    if (adminPartner < 0 && enrolment.status === 'ACTIVE') adminPartner = p;
    const prog = programIndex.get(enrolment.program_id)!;
    const settings = PROGRAM_SETTINGS[prog] ?? DEFAULT_SETTINGS;
    const months = fundPeriodMonths(settings.periodKind);
    const periods = settings.periodKind === 'QUARTER' ? MDF_SCALE.quarters : MDF_SCALE.halfYears;
    const accrualRate = parsePercent(enrolment.accrual);
    const accrual = accrualRate > 0n && rand() < MDF_SCALE.accrualPartners;
    const manager = (p % managers.length) + 1; // data.ts gives partner i the channel manager i mod 10
    const partnerUser = (): number => firstUser[p]! + (rand() < 0.3 ? 0 : 1 + Math.floor(rand() * (partner.userIds.length - 1))) + 1;
    // Timeline actors index one array: the channel managers, then the partner users.
    const asUser = (user: number): number => managers.length + user;
    const pctNumber = Number(enrolment.cofunding);
    const current = fundPeriodOf(settings.periodKind, today);

    for (let back = periods - 1; back >= 0; back--) {
      const period = fundPeriodOf(settings.periodKind, addMonths(current.start, -back * months));
      const fundId = randomUUID();
      const createdS = dayStart(addDays(period.start, -14)) + 9 * 3600;
      const expires = fundExpiry(period.end, settings.claimDeadlineDays, settings.expiryGraceDays);
      // The budget: the tier's amount per quarter, ± 30 %; an accrual is the tier's rate × a revenue that gives about that much.
      const targetMinor = BigInt(Math.round((MDF_SCALE.quarterBudgetEur[enrolment.rank]! * (months / 3) * between(0.7, 1.3)) / 500) * 500) * 100n;
      const history: { at: number; kind: string; after: bigint; revenue: bigint | null; reason: string | null; actor: number | null }[] = [];
      const reference = accrual ? fundPeriodOf(settings.periodKind, addMonths(period.start, -1)) : null;
      if (accrual) {
        const revenueFor = (target: bigint): bigint => (target * 1_000_000n) / accrualRate; // Percent units: 1,000,000 = 100 %
        const first = revenueFor((targetMinor * BigInt(Math.round(between(85, 100)))) / 100n);
        history.push({ at: createdS, kind: 'ALLOCATION', after: accrualBudgetMinor(first, accrualRate), revenue: first, reason: null, actor: manager });
        for (let k = 0, n = 1 + Math.floor(rand() * 2); k < n; k++) {
          const at = dayStart(addDays(period.start, 5 + 20 * k + Math.floor(rand() * 15))) + 3 * 3600;
          if (at > nowS) break;
          const revenue = k === n - 1 ? revenueFor(targetMinor) : revenueFor((targetMinor * BigInt(Math.round(between(90, 100)))) / 100n);
          history.push({ at, kind: 'ACCRUAL', after: accrualBudgetMinor(revenue, accrualRate), revenue, reason: 'Recognised revenue changed.', actor: null });
        }
      } else {
        const adjusted = rand() < 0.15 && dayStart(period.start) + 20 * DAY_S < nowS;
        history.push({ at: createdS, kind: 'ALLOCATION', after: adjusted ? (targetMinor * 80n) / 100n : targetMinor, revenue: null, reason: 'Allocation for the period', actor: manager });
        if (adjusted) history.push({ at: dayStart(period.start) + Math.floor(between(3, 20)) * DAY_S, kind: 'ADJUSTMENT', after: targetMinor, revenue: null, reason: 'Top-up for a trade show', actor: manager });
      }
      const budget = history[history.length - 1]!.after;
      let before = 0n;
      for (const h of history) {
        change.fund.push(fundId);
        change.at.push(h.at);
        change.kind.push(h.kind);
        change.before.push(before.toString());
        change.after.push(h.after.toString());
        change.revenue.push(h.revenue?.toString() ?? null);
        change.rate.push(accrual ? formatPercent(accrualRate) : null);
        change.refStart.push(reference?.start ?? null);
        change.refEnd.push(reference?.end ?? null);
        change.reason.push(h.reason);
        change.actor.push(h.actor);
        before = h.after;
      }

      // Requests: the lifecycle of each, step by step while its time has come; approvals never commit more than the budget.
      let balances: FundBalances = emptyBalances(budget);
      let committed = 0n; // Σ approved request amounts: an upper bound of what the fund ever had committed at once
      const periodDays = daysBetween(period.start, period.end) + 1;
      const count = Math.floor(months * MDF_SCALE.requestsPerMonth * between(0.6, 1.4));
      const requests: { id: string; start: string; end: string; created: number }[] = [];
      for (let k = 0; k < count; k++) {
        let u = rand();
        const activity = ACTIVITIES.find((a) => (u -= a.share) < 0) ?? ACTIVITIES[0]!;
        const length = Math.min(periodDays - 1, Math.floor(between(activity.days[0], activity.days[1] + 1)));
        const start = addDays(period.start, Math.floor(rand() * (periodDays - length)));
        let created = dayStart(start) - between(7, 45) * DAY_S;
        if (created < createdS) created = createdS + between(0.1, 10) * DAY_S;
        if (created > nowS) created = nowS - between(0.05, 6) * DAY_S;
        if (created < createdS) continue; // a fund created less than a day ago: no request yet
        requests.push({ id: randomUUID(), start, end: addDays(start, length), created });
        const r = requests[requests.length - 1]!;
        const fill = (text: string): string => text.replace('{city}', pick(CITIES)).replace('{sector}', pick(SECTORS)).replace('{show}', pick(SHOWS));
        const requestedTarget = (Number(budget) * 0.95 * between(0.4, 1.6)) / (months * MDF_SCALE.requestsPerMonth);
        const plannedMinor = BigInt(Math.ceil((requestedTarget * 100) / pctNumber / 5000) * 5000);
        const requestedMinor = minBig(coFundingCapMinor(plannedMinor, cofunding), BigInt(Math.max(1000, Math.round(requestedTarget / 1000) * 1000)));
        const creator = partnerUser();
        let status = 'DRAFT';
        let approvedMinor: bigint | null = null;
        let submitted: number | null = null;
        let decided: number | null = null;
        let decidedBy: number | null = null;
        let comment: string | null = null;
        let updated = created;
        // Set inside afterApproval (a closure): the cast keeps TypeScript from narrowing it to null here.
        let extended = null as { date: string; at: number } | null;
        const deadline = claimDeadline(r.end, settings.claimDeadlineDays);
        entry(r.id, null, created, asUser(creator), null, 'DRAFT');

        const afterApproval = (): void => {
          // Cancelled before the activity ends (3 %): the reservation returns.
          if (rand() < 0.03) {
            const at = decided! + between(0.5, Math.max(1, (dayStart(r.end) - decided!) / DAY_S)) * DAY_S;
            if (at <= nowS) {
              balances = releaseReservation(balances, approvedMinor!);
              entry(r.id, null, at, asUser(creator), 'APPROVED', 'CANCELLED', 'The activity does not take place.');
              status = 'CANCELLED';
              updated = at;
              return;
            }
          }
          if (rand() < 0.02) {
            const date = addDays(deadline, 30);
            const at = dayStart(deadline) - 5 * DAY_S + 10 * 3600;
            if (at > decided! && at <= nowS) {
              extended = { date, at };
              entry(r.id, null, at, manager, null, null, `Claim deadline extended to ${date}: invoice of the venue is late`, 'EXTENSION');
              updated = at;
            }
          }
          const effective = extended?.date ?? deadline;
          const deadlineEnd = dayStart(effective) + DAY_S - 1;
          const expire = (): void => {
            const at = dayStart(addDays(effective, 1)) + 2 * 3600;
            if (at > nowS) return;
            balances = releaseReservation(balances, approvedMinor!);
            entry(r.id, null, at, null, 'APPROVED', 'EXPIRED', `No claim by the deadline (${effective}); ${eur(approvedMinor!)} returned to the fund.`);
            status = 'EXPIRED';
            updated = at;
          };
          let claimAt = Math.max(decided! + 3600, dayStart(r.end) + between(1, Math.min(settings.claimDeadlineDays, 45)) * DAY_S);
          if (rand() < 0.04 || claimAt > nowS || claimAt > deadlineEnd) return expire();
          const actual = BigInt(Math.round((Number(plannedMinor) * between(0.75, 1.2)) / 100)) * 100n;
          for (let attempt = 0; attempt < 2; attempt++) {
            const claimId = randomUUID();
            const claimer = rand() < 0.7 ? creator : partnerUser();
            const claimedMinor = claimCapMinor(actual, approvedMinor!, cofunding);
            balances = submitClaim(balances, claimedMinor);
            entry(r.id, claimId, claimAt, asUser(claimer), null, 'SUBMITTED');
            let cStatus = 'SUBMITTED';
            let cDecided: number | null = null;
            let cComment: string | null = null;
            let cApproved: bigint | null = null;
            let paymentId: string | null = null;
            let paidAt: number | null = null;
            let cUpdated = claimAt;
            const decision = claimAt + between(1, 15) * DAY_S;
            const reject = attempt === 0 && rand() < 0.1;
            if (decision > nowS) {
              const info = claimAt + between(1, 5) * DAY_S;
              if (rand() < 0.15 && info <= nowS) {
                cStatus = 'MORE_INFO_REQUESTED';
                cComment = pick(CLAIM_MORE_INFO);
                cUpdated = info;
                entry(r.id, claimId, info, manager, 'SUBMITTED', cStatus, cComment);
              }
            } else if (reject) {
              balances = withdrawClaim(balances, claimedMinor);
              cStatus = 'REJECTED';
              cDecided = decision;
              cComment = pick(CLAIM_REJECTIONS);
              cUpdated = decision;
              entry(r.id, claimId, decision, manager, 'SUBMITTED', 'REJECTED', cComment);
            } else {
              cApproved = rand() < 0.12 ? maxBig(1n, (claimedMinor * BigInt(Math.round(between(70, 99)))) / 100n) : claimedMinor;
              balances = approveClaim(balances, { reservationMinor: approvedMinor!, claimedMinor, approvedMinor: cApproved }, CURRENCY);
              cStatus = 'APPROVED';
              cDecided = decision;
              cComment = cApproved < claimedMinor ? 'Approved in part: one invoice is outside the activity.' : null;
              cUpdated = decision;
              entry(r.id, claimId, decision, manager, 'SUBMITTED', 'APPROVED', cComment);
              entry(r.id, null, decision, manager, 'APPROVED', 'COMPLETED');
              status = 'COMPLETED';
              updated = decision;
              // Paid in the weekly payment run (Fridays) per partner, at least two days after the approval.
              const ready = dayOf(decision + between(2, 30) * DAY_S);
              const friday = addDays(ready, (5 - new Date(`${ready}T00:00:00Z`).getUTCDay() + 7) % 7);
              const payAt = dayStart(friday) + 14 * 3600;
              if (payAt <= nowS) {
                const key = `${p}-${friday}`;
                let payment = payments.get(key);
                if (!payment) payments.set(key, (payment = { id: randomUUID(), date: friday, reference: `MDF-${friday.replace(/-/g, '')}-${String(p + 1).padStart(4, '0')}`, manager }));
                balances = payClaim(balances, cApproved);
                cStatus = 'PAID';
                paymentId = payment.id;
                paidAt = payAt;
                cUpdated = payAt;
                entry(r.id, claimId, payAt, manager, 'APPROVED', 'PAID', `Paid ${eur(cApproved)} on ${friday}, reference ${payment.reference}`);
              }
            }
            claim.id.push(claimId);
            claim.request.push(r.id);
            claim.fund.push(fundId);
            claim.org.push(p + 1);
            claim.user.push(claimer);
            claim.status.push(cStatus);
            claim.actual.push(actual.toString());
            claim.claimed.push(claimedMinor.toString());
            claim.approved.push(cApproved?.toString() ?? null);
            claim.attendees.push(activity.type === 'EVENT' || activity.type === 'WEBINAR' || activity.type === 'TRADE_SHOW' ? Math.floor(between(10, 250)) : null);
            const leads = Math.floor(between(0, 60));
            claim.leads.push(leads);
            claim.opportunities.push(Math.floor(leads * between(0, 0.3)));
            claim.pipeline.push((BigInt(Math.floor(leads * between(0, 4000))) * 100n).toString());
            claim.submitted.push(claimAt);
            claim.lastSubmitted.push(claimAt);
            claim.decided.push(cDecided);
            claim.decidedBy.push(cDecided === null ? null : manager);
            claim.comment.push(texts.id(cComment));
            claim.payment.push(paymentId);
            claim.paid.push(paidAt);
            claim.updated.push(cUpdated);
            claimsByStatus[cStatus] = (claimsByStatus[cStatus] ?? 0) + 1;
            updated = Math.max(updated, cUpdated);
            if (cStatus !== 'REJECTED') return;
            // Rejected: 80 % claim again within two weeks (before the deadline); otherwise the request expires after its deadline.
            claimAt = decision + between(1, 14) * DAY_S;
            if (rand() >= 0.8 || claimAt > nowS || claimAt > deadlineEnd) return expire();
          }
        };

        submitted = created + between(0.01, 3) * DAY_S;
        if (rand() < 0.01 || submitted > nowS) submitted = null;
        else {
          status = 'SUBMITTED';
          updated = submitted;
          entry(r.id, null, submitted, asUser(creator), 'DRAFT', 'SUBMITTED');
          let t = submitted + between(0.2, 6) * DAY_S;
          let outcome = rand();
          if (t <= nowS && outcome < 0.04) {
            // More information asked; answered a few days later.
            comment = pick(MORE_INFO);
            entry(r.id, null, t, manager, 'SUBMITTED', 'MORE_INFO_REQUESTED', comment);
            status = 'MORE_INFO_REQUESTED';
            updated = t;
            const again = t + between(1, 4) * DAY_S;
            if (again <= nowS) {
              entry(r.id, null, again, asUser(creator), 'MORE_INFO_REQUESTED', 'SUBMITTED', 'Added the breakdown.');
              status = 'SUBMITTED';
              submitted = again;
              updated = again;
              t = again + between(0.2, 4) * DAY_S;
              outcome = 0.04 + rand() * 0.96;
            } else t = Infinity;
          }
          if (t <= nowS) {
            if (outcome < 0.05) {
              entry(r.id, null, t, asUser(creator), 'SUBMITTED', 'CANCELLED', 'Plans changed.');
              status = 'CANCELLED';
              updated = t;
            } else {
              decided = t;
              decidedBy = manager;
              updated = t;
              comment = null;
              let amount = rand() < 0.1 ? maxBig(1000n, ((requestedMinor * BigInt(Math.round(between(60, 95)))) / 100n / 1000n) * 1000n) : requestedMinor;
              const available = budget - committed;
              if (outcome >= 0.11 && amount > available && available >= maxBig(50_000n, requestedMinor / 4n)) {
                amount = available;
                comment = `Approved for the ${eur(available)} still available in the fund.`;
              } else if (outcome >= 0.11 && amount > available) {
                outcome = 0; // refused: the fund cannot cover it
                comment = insufficientFundsMessage(available, CURRENCY);
                insufficientFunds += 1;
              }
              if (outcome < 0.11) {
                comment ??= pick(REJECTIONS);
                status = 'REJECTED';
                entry(r.id, null, t, manager, 'SUBMITTED', 'REJECTED', comment);
              } else {
                approvedMinor = amount;
                committed += amount;
                balances = reserve(balances, amount, CURRENCY);
                status = 'APPROVED';
                entry(r.id, null, t, manager, 'SUBMITTED', 'APPROVED', comment);
                afterApproval();
              }
            }
          }
        }
        req.id.push(r.id);
        req.fund.push(fundId);
        req.org.push(p + 1);
        req.user.push(creator);
        req.status.push(status);
        req.type.push(activity.type);
        req.title.push(texts.id(fill(pick(activity.titles)))!);
        req.description.push(texts.id(`${activity.type === 'EVENT' ? 'An afternoon with demos and a customer case' : 'Co-marketing activity'} with the vendor's products.`)!);
        req.audience.push(texts.id(fill(activity.audience))!);
        req.start.push(r.start);
        req.end.push(r.end);
        req.planned.push(plannedMinor.toString());
        req.requested.push(requestedMinor.toString());
        req.pct.push(formatPercent(cofunding as Percent));
        req.approved.push(approvedMinor?.toString() ?? null);
        req.leads.push(Math.floor(Number(requestedMinor) / 10_000));
        req.pipeline.push((requestedMinor * 10n).toString());
        req.deadline.push(deadline);
        const ext = extended;
        req.extended.push(ext?.date ?? null);
        req.extensionReason.push(texts.id(ext ? 'Invoice of the venue is late' : null));
        req.extendedBy.push(ext ? manager : null);
        req.extendedAt.push(ext?.at ?? null);
        req.submitted.push(submitted);
        req.decided.push(decided);
        req.decidedBy.push(decidedBy);
        req.comment.push(texts.id(comment));
        req.created.push(created);
        req.updated.push(updated);
        requestsByStatus[status] = (requestsByStatus[status] ?? 0) + 1;
      }

      const expired = expires < today;
      fund.id.push(fundId);
      fund.org.push(p + 1);
      fund.program.push(prog + 1);
      fund.kind.push(settings.periodKind);
      fund.start.push(period.start);
      fund.end.push(period.end);
      fund.budgetKind.push(accrual ? 'ACCRUAL' : 'FIXED');
      fund.rate.push(accrual ? formatPercent(accrualRate) : null);
      fund.refStart.push(reference?.start ?? null);
      fund.refEnd.push(reference?.end ?? null);
      fund.budget.push(balances.budgetMinor.toString());
      fund.reserved.push(balances.reservedMinor.toString());
      fund.claimed.push(balances.claimedMinor.toString());
      fund.approved.push(balances.approvedMinor.toString());
      fund.paid.push(balances.paidMinor.toString());
      fund.deadlineDays.push(settings.claimDeadlineDays);
      fund.expires.push(expires);
      fund.status.push(expired ? 'EXPIRED' : 'OPEN');
      // What was left when the expiry job ran (later claim decisions only release money; see docs/performance.md).
      fund.lapsed.push(expired ? availableMinor(balances).toString() : null);
      fund.expiredAt.push(expired ? dayStart(addDays(expires, 1)) + 2 * 3600 : null);
      fund.createdBy.push(manager);
      fund.created.push(createdS);
      fundsByKind[accrual ? 'ACCRUAL' : 'FIXED'] += 1;
      if (expired) expiredFunds += 1;
      if (enrolment.status === 'ACTIVE') samples.push({ id: fundId, organisationId: partner.id });
      // Expiry reminders 30 and 7 days before, once each, for funds with money left at the time.
      for (const days of [30, 7]) {
        const due = addDays(expires, -days);
        if (due <= today && availableMinor(balances) > 0n) {
          reminder.fund.push(fundId);
          reminder.days.push(days);
          reminder.sent.push(dayStart(due) + 6 * 3600);
        }
      }
    }
  }
  if (adminPartner < 0) throw new Error('no active partner with MDF co-funding');

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const settingsRows = PROGRAM_SETTINGS.flatMap((s, i) => (s && programs[i] ? [{ program: programs[i]!.id, ...s }] : []));
    await client.query(
      `INSERT INTO mdf_program_settings (program_id, period_kind, claim_deadline_days, expiry_grace_days, currency)
       SELECT program, kind, deadline, grace, 'EUR' FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[]) AS t (program, kind, deadline, grace)`,
      [settingsRows.map((s) => s.program), settingsRows.map((s) => s.periodKind), settingsRows.map((s) => s.claimDeadlineDays), settingsRows.map((s) => s.expiryGraceDays)],
    );
    const orgs = base.partners.map((p) => p.id);
    const tables = ['mdf_funds', 'mdf_fund_budget_changes', 'mdf_requests', 'mdf_payments', 'mdf_claims', 'mdf_timeline', 'mdf_fund_reminders'];
    await withoutForeignKeysAndIndexes(client, tables, async () => {
      await client.query(
        `INSERT INTO mdf_funds (id, organisation_id, program_id, period_kind, period_start, period_end, currency, budget_kind, accrual_rate, reference_start, reference_end,
           budget_minor, reserved_minor, claimed_minor, approved_minor, paid_minor, claim_deadline_days, expires_on, status, lapsed_minor, expired_at,
           created_by_user_id, created_at, updated_at)
         SELECT id, ($23::uuid[])[org], ($24::uuid[])[program], kind, start::date, "end"::date, 'EUR', budget_kind, rate::numeric, ref_start::date, ref_end::date,
           budget, reserved, claimed, approved, paid, deadline_days, expires::date, status, lapsed, to_timestamp(expired_at), ($25::uuid[])[created_by],
           to_timestamp(created), to_timestamp(coalesce(expired_at, created))
           FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[], $12::bigint[],
             $13::bigint[], $14::bigint[], $15::bigint[], $16::int[], $17::text[], $18::text[], $19::bigint[], $20::float8[], $21::int[], $22::float8[])
             AS t (id, org, program, kind, start, "end", budget_kind, rate, ref_start, ref_end, budget, reserved, claimed, approved, paid, deadline_days, expires, status,
               lapsed, expired_at, created_by, created)`,
        [
          ...[fund.id, fund.org, fund.program, fund.kind, fund.start, fund.end, fund.budgetKind, fund.rate, fund.refStart, fund.refEnd, fund.budget, fund.reserved,
            fund.claimed, fund.approved, fund.paid, fund.deadlineDays, fund.expires, fund.status, fund.lapsed, fund.expiredAt, fund.createdBy, fund.created].map(literal),
          orgs, programs.map((x) => x.id), managers,
        ],
      );
      await client.query(
        `INSERT INTO mdf_fund_budget_changes (fund_id, at, kind, currency, before_minor, after_minor, revenue_minor, revenue_currency, rate, reference_start, reference_end, reason, actor_user_id)
         SELECT fund, to_timestamp(at), kind, 'EUR', before, after, revenue, CASE WHEN revenue IS NOT NULL THEN 'EUR' END, rate::numeric, ref_start::date, ref_end::date, reason,
           ($12::uuid[])[actor]
           FROM unnest($1::uuid[], $2::float8[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])
             AS t (fund, at, kind, before, after, revenue, rate, ref_start, ref_end, reason, actor)`,
        [
          ...[change.fund, change.at, change.kind, change.before, change.after, change.revenue, change.rate, change.refStart, change.refEnd].map(literal),
          change.reason, literal(change.actor), managers,
        ],
      );
      // In created_at order, so `number` (bigserial) grows with time as it would in use.
      await client.query(
        `INSERT INTO mdf_requests (id, fund_id, organisation_id, created_by_user_id, status, activity_type, title, description, target_audience, start_date, end_date, currency,
           planned_cost_minor, requested_minor, cofunding_pct, approved_minor, expected_leads, expected_pipeline_minor, claim_deadline, extended_deadline, extension_reason,
           extended_by_user_id, extended_at, submitted_at, decided_at, decided_by_user_id, decision_comment, created_at, updated_at)
         SELECT id, fund, ($28::uuid[])[org], ($29::uuid[])[usr], status, type, tt.text, td.text, ta.text, start::date, "end"::date, 'EUR', planned, requested,
           pct::numeric, approved, leads, pipeline, deadline::date, extended::date, te.text, ($30::uuid[])[extended_by], to_timestamp(extended_at), to_timestamp(submitted),
           to_timestamp(decided), ($30::uuid[])[decided_by], tc.text, to_timestamp(created), to_timestamp(updated)
           FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::text[], $11::text[], $12::bigint[],
             $13::bigint[], $14::text[], $15::bigint[], $16::int[], $17::bigint[], $18::text[], $19::text[], $20::int[], $21::int[], $22::float8[], $23::float8[],
             $24::float8[], $25::int[], $26::int[], $27::float8[], $31::float8[])
             AS t (id, fund, org, usr, status, type, title, description, audience, start, "end", planned, requested, pct, approved, leads, pipeline, deadline, extended,
               extension_reason, extended_by, extended_at, submitted, decided, decided_by, comment, created, updated)
           LEFT JOIN unnest($32::text[]) WITH ORDINALITY AS tt (text, n) ON tt.n = t.title LEFT JOIN unnest($32::text[]) WITH ORDINALITY AS td (text, n) ON td.n = t.description LEFT JOIN unnest($32::text[]) WITH ORDINALITY AS ta (text, n) ON ta.n = t.audience
           LEFT JOIN unnest($32::text[]) WITH ORDINALITY AS te (text, n) ON te.n = t.extension_reason LEFT JOIN unnest($32::text[]) WITH ORDINALITY AS tc (text, n) ON tc.n = t.comment
          ORDER BY created`,
        [
          ...[req.id, req.fund, req.org, req.user, req.status, req.type, req.title, req.description, req.audience, req.start, req.end, req.planned, req.requested,
            req.pct, req.approved, req.leads, req.pipeline, req.deadline, req.extended, req.extensionReason, req.extendedBy, req.extendedAt, req.submitted,
            req.decided, req.decidedBy, req.comment, req.created].map(literal),
          orgs, users, managers, literal(req.updated), texts.values,
        ],
      );
      const pay = [...payments.values()];
      await client.query(
        `INSERT INTO mdf_payments (id, idempotency_key, payment_reference, payment_date, claim_ids, paid_by_user_id, created_at)
         SELECT id, 'bench-mdf-' || reference, reference, date::date, '{}', ($5::uuid[])[manager], (date::date + time '14:00') AT TIME ZONE 'UTC'
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS t (id, reference, date, manager)`,
        [literal(pay.map((x) => x.id)), pay.map((x) => x.reference), pay.map((x) => x.date), literal(pay.map((x) => x.manager)), managers],
      );
      await client.query(
        `INSERT INTO mdf_claims (id, request_id, fund_id, organisation_id, created_by_user_id, status, currency, actual_cost_minor, claimed_minor, approved_minor, attendees,
           leads, opportunities, pipeline_minor, notes, submitted_at, last_submitted_at, decided_at, decided_by_user_id, decision_comment, payment_id, paid_at, created_at, updated_at)
         SELECT id, request, fund, ($22::uuid[])[org], ($23::uuid[])[usr], status, 'EUR', actual, claimed, approved, attendees, leads, opportunities, pipeline, NULL,
           to_timestamp(submitted), to_timestamp(last_submitted), to_timestamp(decided), ($24::uuid[])[decided_by], tc.text, payment, to_timestamp(paid),
           to_timestamp(submitted), to_timestamp(updated)
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[], $10::int[], $11::int[], $12::int[],
             $13::bigint[], $14::float8[], $15::float8[], $16::float8[], $17::int[], $18::int[], $19::uuid[], $20::float8[], $21::float8[])
             AS t (id, request, fund, org, usr, status, actual, claimed, approved, attendees, leads, opportunities, pipeline, submitted, last_submitted, decided, decided_by,
               comment, payment, paid, updated)
           LEFT JOIN unnest($25::text[]) WITH ORDINALITY AS tc (text, n) ON tc.n = t.comment
          ORDER BY submitted`,
        [
          ...[claim.id, claim.request, claim.fund, claim.org, claim.user, claim.status, claim.actual, claim.claimed, claim.approved, claim.attendees, claim.leads,
            claim.opportunities, claim.pipeline, claim.submitted, claim.lastSubmitted, claim.decided, claim.decidedBy, claim.comment, claim.payment, claim.paid,
            claim.updated].map(literal),
          orgs, users, managers, texts.values,
        ],
      );
      // Each payment lists the claims it paid (sorted, as markPaid stores them).
      await client.query(
        `UPDATE mdf_payments p SET claim_ids = c.ids FROM (SELECT payment_id, array_agg(id ORDER BY id) AS ids FROM mdf_claims WHERE payment_id IS NOT NULL GROUP BY payment_id) c
          WHERE c.payment_id = p.id`,
      );
      await client.query(
        `INSERT INTO mdf_timeline (request_id, claim_id, at, actor_user_id, kind, from_status, to_status, comment)
         SELECT request, claim, to_timestamp(at), ($9::uuid[])[actor], kind, from_status, to_status, tc.text
           FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::int[], $5::text[], $6::text[], $7::text[], $8::int[])
             AS t (request, claim, at, actor, kind, from_status, to_status, comment)
           LEFT JOIN unnest($10::text[]) WITH ORDINALITY AS tc (text, n) ON tc.n = t.comment
          ORDER BY at, to_status = 'COMPLETED'`,
        [
          ...[timeline.request, timeline.claim, timeline.at, timeline.actor, timeline.kind, timeline.from, timeline.to, timeline.comment].map(literal),
          [...managers, ...users], texts.values,
        ],
      );
      await client.query(
        `INSERT INTO mdf_fund_reminders (fund_id, days_before, sent_at) SELECT fund, days, to_timestamp(sent) FROM unnest($1::uuid[], $2::int[], $3::float8[]) AS t (fund, days, sent)`,
        [...[reminder.fund, reminder.days, reminder.sent].map(literal)],
      );
    });
    // The balances on the fund rows are those the requests and claims give (the definitions of the brief).
    const { rows: mismatched } = await client.query<{ id: string }>(
      `SELECT f.id FROM mdf_funds f
         LEFT JOIN (SELECT fund_id, sum(approved_minor) AS reserved FROM mdf_requests WHERE status = 'APPROVED' GROUP BY fund_id) r ON r.fund_id = f.id
         LEFT JOIN (SELECT fund_id, sum(claimed_minor) FILTER (WHERE status IN ('SUBMITTED', 'MORE_INFO_REQUESTED')) AS claimed,
                           sum(approved_minor) FILTER (WHERE status = 'APPROVED') AS approved, sum(approved_minor) FILTER (WHERE status = 'PAID') AS paid
                      FROM mdf_claims GROUP BY fund_id) c ON c.fund_id = f.id
        WHERE (f.reserved_minor, f.claimed_minor, f.approved_minor, f.paid_minor)
              IS DISTINCT FROM (coalesce(r.reserved, 0), coalesce(c.claimed, 0), coalesce(c.approved, 0), coalesce(c.paid, 0))
        LIMIT 5`,
    );
    if (mismatched.length) throw new Error(`MDF data: fund balances disagree with the requests and claims (funds ${mismatched.map((r) => r.id).join(', ')})`);
    await client.query('COMMIT');
    await client.query(`VACUUM (ANALYZE) mdf_program_settings, ${tables.join(', ')}`);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }

  const admin = base.partners[adminPartner]!;
  const { rows: adminRows } = await pool.query<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [admin.userIds[0]]);
  return {
    sizes: {
      programSettings: PROGRAM_SETTINGS.filter((s) => s !== null).length,
      partnersWithFunds,
      funds: fund.id.length,
      fundsByKind,
      expiredFunds,
      budgetChanges: change.fund.length,
      requests: req.id.length,
      requestsByStatus,
      insufficientFunds,
      claims: claim.id.length,
      claimsByStatus,
      payments: payments.size,
      timeline: timeline.request.length,
      reminders: reminder.fund.length,
    },
    funds: samples,
    partnerAdmin: { email: adminRows[0]!.email, organisationId: admin.id, fundIds: samples.filter((f) => f.organisationId === admin.id).map((f) => f.id) },
    today,
  };
}

const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const maxBig = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/**
 * Repeated texts sent once: the rows carry 1-based indexes into the distinct values, because
 * node-postgres escapes every element of a text array (most of a bulk load's time otherwise). The
 * statements join them `WITH ORDINALITY` (a hash join): subscripting a text array walks it from the
 * start. Enum-like values and dates need no quoting and go as array literals (see `literal`).
 */
class Texts {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  id(text: string | null): number | null {
    if (text === null) return null;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.values.push(text)));
    return i;
  }
}
