import { nextPeriod, type Period, periodOf } from '@prm/domain/incentives';
import { type Percent } from '@prm/domain/money';
import { RequestContext } from '@prm/server/core';
import { type ProgramsService } from '@prm/server/programs';
import { type RevenueFactsService } from '@prm/server/revenue';
import { percentUnits, type PlanRow, type VersionRow } from './incentives.types';

// Helpers shared by the rebate (new ARR, tier base rate) and the retention and referral sources; no imports of the services.

// A plan looks back at most this many periods (as the rebate does).
const MAX_PERIODS = 60;

/** The periods of a plan from its first version up to `upTo`. */
export function planPeriods(plan: PlanRow, versions: readonly VersionRow[], upTo: Period): Period[] {
  const periods: Period[] = [];
  if (versions.length === 0) return periods;
  for (let p = periodOf(versions[0]!.effectiveFrom, plan.periodKind); p.start <= upTo.start && periods.length < MAX_PERIODS; p = nextPeriod(p)) periods.push(p);
  return periods;
}

/** Partners that take part in the plan: enrolled in its program, or every partner when it has none. */
export async function planPartners(programs: ProgramsService, plan: PlanRow, organisationIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(organisationIds)];
  if (!plan.programId) return new Set(ids);
  const enrolments = await programs.enrolmentsOf(RequestContext.system(), ids);
  return new Set(enrolments.filter((e) => e.programId === plan.programId).map((e) => e.organisationId));
}

/** NEW movement MRR × 12 per partner in [from, to] (revenue ledger, base currency): the NEW_ARR rebate measure. */
export async function newArrByPartner(facts: RevenueFactsService, programs: ProgramsService, plan: PlanRow, from: string, to: string): Promise<Map<string, { volume: bigint; count: number }>> {
  const movements = await facts.movementsBetween(['NEW'], from, to);
  const partners = await planPartners(programs, plan, movements.map((m) => m.organisationId));
  const out = new Map<string, { volume: bigint; count: number; customers: Set<string> }>();
  for (const m of movements) {
    if (!partners.has(m.organisationId)) continue;
    const v = out.get(m.organisationId) ?? { volume: 0n, count: 0, customers: new Set<string>() };
    v.customers.add(m.customerId);
    out.set(m.organisationId, { volume: v.volume + m.baseAmountMinor * 12n, count: v.customers.size, customers: v.customers });
  }
  return new Map([...out].map(([k, v]) => [k, { volume: v.volume, count: v.count }]));
}

/** The partner's tier benefit rebate rate in the plan's program, per partner (partners without a tier there are left out). */
export async function tierRebateRates(programs: ProgramsService, plan: PlanRow, organisationIds: Iterable<string>): Promise<Map<string, Percent>> {
  if (!plan.programId) return new Map();
  const enrolments = (await programs.enrolmentsOf(RequestContext.system(), [...new Set(organisationIds)])).filter((e) => e.programId === plan.programId);
  const tiers = new Map((await programs.tiersByIds([...new Set(enrolments.map((e) => e.tierId))])).map((t) => [t.id, t.rebateRate]));
  const out = new Map<string, Percent>();
  for (const e of enrolments) {
    const rate = tiers.get(e.tierId);
    if (rate !== undefined) out.set(e.organisationId, percentUnits(String(rate)));
  }
  return out;
}

