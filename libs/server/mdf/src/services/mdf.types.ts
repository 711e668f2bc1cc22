import type { ClaimStatus, FundBalances, FundPeriodKind, RequestStatus } from '@prm/domain/mdf';

export const ACTIVITY_TYPES = ['EVENT', 'WEBINAR', 'TRADE_SHOW', 'DIGITAL_CAMPAIGN', 'CONTENT', 'TRAINING', 'OTHER'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type BudgetKind = 'FIXED' | 'ACCRUAL';
export type FundStatus = 'OPEN' | 'EXPIRED';

export interface ProgramSettingsRow {
  programId: string;
  periodKind: FundPeriodKind;
  claimDeadlineDays: number;
  expiryGraceDays: number;
  currency: string;
}

export interface FundRow extends FundBalances {
  id: string;
  organisationId: string;
  programId: string;
  periodKind: FundPeriodKind;
  periodStart: string;
  periodEnd: string;
  currency: string;
  budgetKind: BudgetKind;
  accrualRate: string | null;
  referenceStart: string | null;
  referenceEnd: string | null;
  claimDeadlineDays: number;
  expiresOn: string;
  status: FundStatus;
  lapsedMinor: bigint | null;
  createdAt: Date;
}

export interface BudgetChangeRow {
  id: string;
  fundId: string;
  at: Date;
  kind: 'ALLOCATION' | 'ADJUSTMENT' | 'ACCRUAL';
  currency: string;
  beforeMinor: bigint;
  afterMinor: bigint;
  revenueMinor: bigint | null;
  revenueCurrency: string | null;
  rate: string | null;
  referenceStart: string | null;
  referenceEnd: string | null;
  reason: string | null;
  actorUserId: string | null;
}

export interface RequestRow {
  id: string;
  number: number;
  fundId: string;
  organisationId: string;
  createdByUserId: string | null;
  status: RequestStatus;
  activityType: ActivityType;
  title: string;
  description: string;
  targetAudience: string | null;
  startDate: string;
  endDate: string;
  currency: string;
  plannedCostMinor: bigint;
  requestedMinor: bigint;
  cofundingPct: string;
  approvedMinor: bigint | null;
  expectedLeads: number | null;
  expectedPipelineMinor: bigint | null;
  claimDeadline: string;
  extendedDeadline: string | null;
  extensionReason: string | null;
  extendedAt: Date | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decidedByUserId: string | null;
  decisionComment: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ClaimRow {
  id: string;
  number: number;
  requestId: string;
  fundId: string;
  organisationId: string;
  createdByUserId: string | null;
  status: ClaimStatus;
  currency: string;
  actualCostMinor: bigint;
  claimedMinor: bigint;
  approvedMinor: bigint | null;
  attendees: number | null;
  leads: number | null;
  opportunities: number | null;
  pipelineMinor: bigint | null;
  notes: string | null;
  submittedAt: Date;
  lastSubmittedAt: Date;
  decidedAt: Date | null;
  decisionComment: string | null;
  paymentId: string | null;
  paidAt: Date | null;
  paymentReference: string | null;
  paymentDate: string | null;
  createdAt: Date;
}

export interface ProofFileRow {
  id: string;
  claimId: string;
  organisationId: string;
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

export interface TimelineRow {
  id: string;
  requestId: string;
  claimId: string | null;
  at: Date;
  actorUserId: string | null;
  kind: 'STATUS' | 'COMMENT' | 'EXTENSION' | 'UPDATE';
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
}

export interface ClaimDealRow {
  claimId: string;
  registrationId: string;
  wonValueMinor: bigint;
  currency: string;
}

export const FUND_COLUMNS = `f.id, f.organisation_id AS "organisationId", f.program_id AS "programId", f.period_kind AS "periodKind",
  f.period_start::text AS "periodStart", f.period_end::text AS "periodEnd", f.currency, f.budget_kind AS "budgetKind",
  f.accrual_rate::text AS "accrualRate", f.reference_start::text AS "referenceStart", f.reference_end::text AS "referenceEnd",
  f.budget_minor AS "budgetMinor", f.reserved_minor AS "reservedMinor", f.claimed_minor AS "claimedMinor",
  f.approved_minor AS "approvedMinor", f.paid_minor AS "paidMinor", f.claim_deadline_days AS "claimDeadlineDays",
  f.expires_on::text AS "expiresOn", f.status, f.lapsed_minor AS "lapsedMinor", f.created_at AS "createdAt"`;

export const REQUEST_COLUMNS = `r.id, r.number, r.fund_id AS "fundId", r.organisation_id AS "organisationId", r.created_by_user_id AS "createdByUserId",
  r.status, r.activity_type AS "activityType", r.title, r.description, r.target_audience AS "targetAudience",
  r.start_date::text AS "startDate", r.end_date::text AS "endDate", r.currency, r.planned_cost_minor AS "plannedCostMinor",
  r.requested_minor AS "requestedMinor", r.cofunding_pct::text AS "cofundingPct", r.approved_minor AS "approvedMinor",
  r.expected_leads AS "expectedLeads", r.expected_pipeline_minor AS "expectedPipelineMinor", r.claim_deadline::text AS "claimDeadline",
  r.extended_deadline::text AS "extendedDeadline", r.extension_reason AS "extensionReason", r.extended_at AS "extendedAt",
  r.submitted_at AS "submittedAt", r.decided_at AS "decidedAt", r.decided_by_user_id AS "decidedByUserId",
  r.decision_comment AS "decisionComment", r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

export const CLAIM_COLUMNS = `c.id, c.number, c.request_id AS "requestId", c.fund_id AS "fundId", c.organisation_id AS "organisationId",
  c.created_by_user_id AS "createdByUserId", c.status, c.currency, c.actual_cost_minor AS "actualCostMinor",
  c.claimed_minor AS "claimedMinor", c.approved_minor AS "approvedMinor", c.attendees, c.leads, c.opportunities,
  c.pipeline_minor AS "pipelineMinor", c.notes, c.submitted_at AS "submittedAt", c.last_submitted_at AS "lastSubmittedAt",
  c.decided_at AS "decidedAt", c.decision_comment AS "decisionComment", c.payment_id AS "paymentId", c.paid_at AS "paidAt",
  (SELECT p.payment_reference FROM mdf_payments p WHERE p.id = c.payment_id) AS "paymentReference",
  (SELECT p.payment_date::text FROM mdf_payments p WHERE p.id = c.payment_id) AS "paymentDate", c.created_at AS "createdAt"`;

export const FILE_COLUMNS = `pf.id, pf.claim_id AS "claimId", pf.organisation_id AS "organisationId", pf.storage_key AS "storageKey",
  pf.original_name AS "originalName", pf.content_type AS "contentType", pf.size_bytes AS "sizeBytes", pf.created_at AS "createdAt"`;

export const TIMELINE_COLUMNS = `t.id, t.request_id AS "requestId", t.claim_id AS "claimId", t.at, t.actor_user_id AS "actorUserId", t.kind,
  t.from_status AS "fromStatus", t.to_status AS "toStatus", t.comment`;

export const BUDGET_CHANGE_COLUMNS = `b.id, b.fund_id AS "fundId", b.at, b.kind, b.currency, b.before_minor AS "beforeMinor", b.after_minor AS "afterMinor",
  b.revenue_minor AS "revenueMinor", b.revenue_currency AS "revenueCurrency", b.rate::text AS rate, b.reference_start::text AS "referenceStart",
  b.reference_end::text AS "referenceEnd", b.reason, b.actor_user_id AS "actorUserId"`;

type Raw = Record<string, unknown>;
const big = (v: unknown): bigint => BigInt(v as string | number);
const bigOrNull = (v: unknown): bigint | null => (v === null || v === undefined ? null : big(v));

/** node-postgres answers bigint columns as text (and PGlite as numbers): both become bigint here. */
function withBigints<T>(row: Raw, required: readonly string[], optional: readonly string[]): T {
  const out: Raw = { ...row };
  for (const key of required) out[key] = big(row[key]);
  for (const key of optional) out[key] = bigOrNull(row[key]);
  if ('number' in row) out['number'] = Number(row['number']);
  return out as T;
}

export const toFund = (row: Raw): FundRow => withBigints(row, ['budgetMinor', 'reservedMinor', 'claimedMinor', 'approvedMinor', 'paidMinor'], ['lapsedMinor']);
export const toRequest = (row: Raw): RequestRow =>
  withBigints(row, ['plannedCostMinor', 'requestedMinor'], ['approvedMinor', 'expectedPipelineMinor']);
export const toClaim = (row: Raw): ClaimRow => withBigints(row, ['actualCostMinor', 'claimedMinor'], ['approvedMinor', 'pipelineMinor']);
export const toBudgetChange = (row: Raw): BudgetChangeRow => withBigints(row, ['beforeMinor', 'afterMinor'], ['revenueMinor']);
export const toClaimDeal = (row: Raw): ClaimDealRow => withBigints(row, ['wonValueMinor'], []);

/** A row with its bigints as text, for the audit log's JSON. */
export function auditable(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));
}
