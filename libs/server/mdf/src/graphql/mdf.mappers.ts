import { availableMinor, coFundingCapMinor, fundPeriodLabel } from '@prm/domain/mdf';
import { formatMoneyPlain, formatPercent, money, parsePercent } from '@prm/domain/money';
import type { BudgetChangeRow, ClaimRow, FundRow, ProofFileRow, RequestRow, TimelineRow } from '../services/mdf.types';
import type { ReportRow } from '../services/mdf-reports.service';
import { effectiveDeadline } from '../services/mdf-requests.service';
import {
  MdfActivityType,
  type MdfBudgetChangeModel,
  MdfBudgetKind,
  type MdfClaimModel,
  MdfClaimStatus,
  MdfFundPeriodKind,
  type MdfFundModel,
  MdfFundStatus,
  type MdfProofFileModel,
  type MdfReportRowModel,
  type MdfRequestModel,
  MdfRequestStatus,
  type MdfTimelineEntryModel,
} from './mdf.graphql';

/** Minor units → the wire's decimal string with the currency's digits. */
export const fmt = (minor: bigint, currency: string): string => formatMoneyPlain(money(minor, currency));
/** numeric(7,4) text → the canonical percent ('50', '12.5'). */
const pct = (text: string): string => formatPercent(parsePercent(text));
const fmtOrNull = (minor: bigint | null, currency: string): string | null => (minor === null ? null : fmt(minor, currency));

export function toFundModel(f: FundRow): MdfFundModel {
  return {
    id: f.id,
    organisationId: f.organisationId,
    programId: f.programId,
    periodKind: MdfFundPeriodKind[f.periodKind],
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    periodLabel: fundPeriodLabel(f.periodKind, f.periodStart),
    currency: f.currency,
    budgetKind: MdfBudgetKind[f.budgetKind],
    accrualRate: f.accrualRate === null ? null : pct(f.accrualRate),
    referenceStart: f.referenceStart,
    referenceEnd: f.referenceEnd,
    balances: {
      currency: f.currency,
      budget: fmt(f.budgetMinor, f.currency),
      reserved: fmt(f.reservedMinor, f.currency),
      claimed: fmt(f.claimedMinor, f.currency),
      approved: fmt(f.approvedMinor, f.currency),
      paid: fmt(f.paidMinor, f.currency),
      available: fmt(availableMinor(f), f.currency),
    },
    claimDeadlineDays: f.claimDeadlineDays,
    expiresOn: f.expiresOn,
    status: MdfFundStatus[f.status],
    lapsed: fmtOrNull(f.lapsedMinor, f.currency),
    createdAt: f.createdAt,
  };
}

export function toRequestModel(r: RequestRow): MdfRequestModel {
  return {
    id: r.id,
    number: r.number,
    fundId: r.fundId,
    organisationId: r.organisationId,
    createdByUserId: r.createdByUserId,
    status: MdfRequestStatus[r.status],
    activityType: MdfActivityType[r.activityType],
    title: r.title,
    description: r.description,
    targetAudience: r.targetAudience,
    startDate: r.startDate,
    endDate: r.endDate,
    currency: r.currency,
    plannedCost: fmt(r.plannedCostMinor, r.currency),
    requestedAmount: fmt(r.requestedMinor, r.currency),
    cofundingPct: pct(r.cofundingPct),
    cofundingCap: fmt(coFundingCapMinor(r.plannedCostMinor, parsePercent(r.cofundingPct)), r.currency),
    approvedAmount: fmtOrNull(r.approvedMinor, r.currency),
    expectedLeads: r.expectedLeads,
    expectedPipeline: fmtOrNull(r.expectedPipelineMinor, r.currency),
    claimDeadline: effectiveDeadline(r),
    regularClaimDeadline: r.claimDeadline,
    extendedDeadline: r.extendedDeadline,
    extensionReason: r.extensionReason,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    decisionComment: r.decisionComment,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toClaimModel(c: ClaimRow): MdfClaimModel {
  return {
    id: c.id,
    number: c.number,
    requestId: c.requestId,
    fundId: c.fundId,
    organisationId: c.organisationId,
    createdByUserId: c.createdByUserId,
    status: MdfClaimStatus[c.status],
    currency: c.currency,
    actualCost: fmt(c.actualCostMinor, c.currency),
    claimedAmount: fmt(c.claimedMinor, c.currency),
    approvedAmount: fmtOrNull(c.approvedMinor, c.currency),
    attendees: c.attendees,
    leads: c.leads,
    opportunities: c.opportunities,
    pipeline: fmtOrNull(c.pipelineMinor, c.currency),
    notes: c.notes,
    submittedAt: c.submittedAt,
    lastSubmittedAt: c.lastSubmittedAt,
    decidedAt: c.decidedAt,
    decisionComment: c.decisionComment,
    paidAt: c.paidAt,
    paymentReference: c.paymentReference,
    paymentDate: c.paymentDate,
  };
}

export const toFileModel = (f: ProofFileRow): MdfProofFileModel => ({ id: f.id, name: f.originalName, contentType: f.contentType, size: f.sizeBytes, createdAt: f.createdAt });

export const toTimelineModel = (t: TimelineRow): MdfTimelineEntryModel => ({
  id: t.id,
  at: t.at,
  claimId: t.claimId,
  actorUserId: t.actorUserId,
  kind: t.kind,
  fromStatus: t.fromStatus,
  toStatus: t.toStatus,
  comment: t.comment,
});

export const toBudgetChangeModel = (b: BudgetChangeRow): MdfBudgetChangeModel => ({
  id: b.id,
  at: b.at,
  kind: b.kind,
  currency: b.currency,
  before: fmt(b.beforeMinor, b.currency),
  after: fmt(b.afterMinor, b.currency),
  revenue: b.revenueMinor === null || b.revenueCurrency === null ? null : fmt(b.revenueMinor, b.revenueCurrency),
  revenueCurrency: b.revenueCurrency,
  rate: b.rate === null ? null : pct(b.rate),
  referenceStart: b.referenceStart,
  referenceEnd: b.referenceEnd,
  reason: b.reason,
  actorUserId: b.actorUserId,
});

export function toReportRowModel(r: ReportRow): MdfReportRowModel {
  const m = (minor: bigint) => fmt(minor, r.currency);
  return {
    key: r.key,
    label: r.label,
    currency: r.currency,
    funds: r.funds,
    budget: m(r.budgetMinor),
    reserved: m(r.reservedMinor),
    claimed: m(r.claimedMinor),
    approved: m(r.approvedMinor),
    paid: m(r.paidMinor),
    spent: m(r.spentMinor),
    available: m(r.availableMinor),
    lapsed: m(r.lapsedMinor),
    expiring: m(r.expiringMinor),
    utilisation: r.utilisation,
    leads: r.leads.toString(),
    opportunities: r.opportunities.toString(),
    pipeline: m(r.pipelineMinor),
    leadsPerThousand: r.leadsPerThousand,
    pipelinePerUnit: r.pipelinePerUnit,
    influencedRevenue: m(r.influencedRevenueMinor),
    influencedDeals: r.influencedDeals,
    roi: r.roi,
    medianSecondsToPayment: r.medianSecondsToPayment === null ? null : r.medianSecondsToPayment.toString(),
    paidClaims: r.paidClaims,
  };
}
