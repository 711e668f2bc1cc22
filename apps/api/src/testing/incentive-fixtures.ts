import { createDealProgram, createPartnerWithRep, createUser, dealInput, gqlOk, type PartnerWithRep } from './factories';
import { DOCS } from './operations';
import { startRevenueApp } from './revenue-fixtures';
import type { TestApp } from './test-app';

export interface IncentiveWorld {
  t: TestApp;
  admin: string;
  manager: string;
  analyst: string;
  productId: string;
}

/** A program of its own (so no other test's or the demo's deals reach its plans) with three partners, each with a rep. */
export interface Scenario {
  programId: string;
  /** Belgian, with a partner admin too. */
  a: PartnerWithRep & { adminToken: string };
  /** Belgian. */
  b: PartnerWithRep;
  /** Dutch. */
  c: PartnerWithRep;
}

/** The demo world with the business clock at `now`. */
export async function startIncentivesApp(now: Date): Promise<IncentiveWorld> {
  const { t, login } = await startRevenueApp(now);
  const [admin, manager, analyst] = await Promise.all(['admin@vendor.test', 'manager@vendor.test', 'analyst@vendor.test'].map(login));
  const productId = (await gqlOk<{ products: { id: string }[] }>(t, DOCS.products, {}, { token: manager! })).products[0]!.id;
  return { t, admin: admin!, manager: manager!, analyst: analyst!, productId };
}

/** A fresh program with its partners; made on the real clock (access tokens are checked against real time). */
export async function newScenario(w: IncentiveWorld): Promise<Scenario> {
  const now = w.t.clock.now();
  w.t.clock.set(new Date());
  try {
    const programId = await createDealProgram(w.t, w.admin);
    const a = await createPartnerWithRep(w.t, w.admin, programId, { country: 'BE' });
    const aAdmin = await createUser(w.t, w.admin, { role: 'PARTNER_ADMIN', organisationId: a.id });
    const b = await createPartnerWithRep(w.t, w.admin, programId, { country: 'BE' });
    const c = await createPartnerWithRep(w.t, w.admin, programId);
    return { programId, a: { ...a, adminToken: aAdmin.token }, b, c };
  } finally {
    w.t.clock.set(now);
  }
}

/** Registers, approves and wins a deal for `rep` with a won value of exactly `value` (one-time) closed on `closeDate`. */
export async function wonDeal(w: IncentiveWorld, repToken: string, value: string, closeDate: string, country = 'BE'): Promise<string> {
  const created = await gqlOk<{ createDealRegistration: { id: string } }>(w.t, DOCS.createDealRegistration, { input: dealInput(w.productId, w.t.clock.now(), { customerCountry: country }) }, { token: repToken });
  const id = created.createDealRegistration.id;
  await gqlOk(w.t, DOCS.submitDealRegistration, { id }, { token: repToken });
  await gqlOk(w.t, DOCS.approveDealRegistration, { id }, { token: w.manager });
  await gqlOk(w.t, DOCS.markDealWon, { id, input: { actualMrr: '0', actualOneTime: value, closeDate } }, { token: repToken });
  return id;
}

export interface PlanNode {
  id: string;
  status: string;
}

export async function createPlan(w: IncentiveWorld, s: Scenario, input: Record<string, unknown>): Promise<PlanNode> {
  const plan = (await gqlOk<{ createIncentivePlan: PlanNode }>(w.t, DOCS.createIncentivePlan, { input: { currency: 'EUR', periodKind: 'QUARTER', programId: s.programId, ...input } }, { token: w.admin }))
    .createIncentivePlan;
  return (await gqlOk<{ publishIncentivePlan: PlanNode }>(w.t, DOCS.publishIncentivePlan, { id: plan.id }, { token: w.admin })).publishIncentivePlan;
}

export interface LineNode {
  id: string;
  userId: string | null;
  organisationId: string;
  rule: string;
  kind: string;
  period: string;
  eventPeriod: string;
  source: { type: string; id: string; label: string };
  base: string | null;
  rate: string | null;
  amount: string;
  cappedBy: string | null;
  reason: string | null;
  statementId: string | null;
}

export interface StatementNode {
  id: string;
  organisationId: string;
  userId: string | null;
  period: string;
  total: string;
  lineCount: number;
  status: string;
  paymentMethod: string | null;
  pointsAwarded: string | null;
  lines: LineNode[];
}

export async function statementsOf(w: IncentiveWorld, token: string, filter: Record<string, unknown>): Promise<StatementNode[]> {
  const data = await gqlOk<{ incentiveStatements: { edges: { node: StatementNode }[] } }>(w.t, DOCS.incentiveStatements, { filter, first: 100 }, { token });
  return data.incentiveStatements.edges.map((e) => e.node);
}

export async function linesOf(w: IncentiveWorld, token: string, filter: Record<string, unknown>): Promise<LineNode[]> {
  const data = await gqlOk<{ incentiveAccruals: { edges: { node: LineNode }[] } }>(w.t, DOCS.incentiveAccruals, { filter, first: 100 }, { token });
  return data.incentiveAccruals.edges.map((e) => e.node);
}
