import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type CLAIM_STATUSES, type FUND_PERIOD_KINDS, type REQUEST_STATUSES } from '@prm/domain/mdf';
import { CalendarDate, ConnectionType, CurrencyCode, EntityId, IdArgs, MoneyAmount, Text } from '@prm/server/core';
import { OrganisationModel } from '@prm/server/identity';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { ACTIVITY_TYPES } from '../services/mdf.types';
import type { REPORT_GROUPS } from '../services/mdf-reports.service';

export enum MdfFundPeriodKind {
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}
registerEnumType(MdfFundPeriodKind, { name: 'MdfFundPeriodKind' });

export enum MdfBudgetKind {
  FIXED = 'FIXED',
  ACCRUAL = 'ACCRUAL',
}
registerEnumType(MdfBudgetKind, { name: 'MdfBudgetKind', description: 'FIXED: an allocation; ACCRUAL: the tier accrual rate × recognised revenue in a reference period' });

export enum MdfFundStatus {
  OPEN = 'OPEN',
  EXPIRED = 'EXPIRED',
}
registerEnumType(MdfFundStatus, { name: 'MdfFundStatus' });

export enum MdfActivityType {
  EVENT = 'EVENT',
  WEBINAR = 'WEBINAR',
  TRADE_SHOW = 'TRADE_SHOW',
  DIGITAL_CAMPAIGN = 'DIGITAL_CAMPAIGN',
  CONTENT = 'CONTENT',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}
registerEnumType(MdfActivityType, { name: 'MdfActivityType' });

export enum MdfRequestStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  MORE_INFO_REQUESTED = 'MORE_INFO_REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(MdfRequestStatus, { name: 'MdfRequestStatus' });

export enum MdfClaimStatus {
  SUBMITTED = 'SUBMITTED',
  MORE_INFO_REQUESTED = 'MORE_INFO_REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PAID = 'PAID',
}
registerEnumType(MdfClaimStatus, { name: 'MdfClaimStatus' });

export enum MdfReportGroup {
  PARTNER = 'PARTNER',
  PROGRAM = 'PROGRAM',
  TIER = 'TIER',
  PERIOD = 'PERIOD',
}
registerEnumType(MdfReportGroup, { name: 'MdfReportGroup' });

// Compile-time guards: the GraphQL enums list exactly the domain's values.
const _periods: readonly `${MdfFundPeriodKind}`[] = [] as unknown as typeof FUND_PERIOD_KINDS;
const _requests: readonly `${MdfRequestStatus}`[] = [] as unknown as typeof REQUEST_STATUSES;
const _claims: readonly `${MdfClaimStatus}`[] = [] as unknown as typeof CLAIM_STATUSES;
const _activities: readonly `${MdfActivityType}`[] = [] as unknown as typeof ACTIVITY_TYPES;
const _groups: readonly `${MdfReportGroup}`[] = [] as unknown as typeof REPORT_GROUPS;
void [_periods, _requests, _claims, _activities, _groups];

const LONG_TEXT = 5000;

// ---- inputs ----

@InputType()
export class MdfProgramSettingsInput {
  @Field(() => MdfFundPeriodKind, { nullable: true }) @IsOptional() @IsEnum(MdfFundPeriodKind) periodKind?: MdfFundPeriodKind;
  @Field(() => Int, { nullable: true, description: 'Days after an activity ends within which it must be claimed (default 60)' })
  @IsOptional() @IsInt() @Min(0) @Max(730) claimDeadlineDays?: number;
  @Field(() => Int, { nullable: true, description: 'Days after the last claim deadline before unused money lapses (default 0)' })
  @IsOptional() @IsInt() @Min(0) @Max(730) expiryGraceDays?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @CurrencyCode() currency?: string;
}

@InputType()
export class CreateMdfFundInput {
  @Field(() => ID) @EntityId() organisationId: string;
  @Field(() => ID) @EntityId() programId: string;
  @Field(() => String, { description: 'Any day of the period; the fund covers the whole program period containing it' }) @CalendarDate() periodStart: string;
  @Field(() => MdfBudgetKind) @IsEnum(MdfBudgetKind) budgetKind: MdfBudgetKind;
  @Field(() => String, { nullable: true, description: 'FIXED: the allocation ("25000.00")' }) @IsOptional() @MoneyAmount() budget?: string;
  @Field(() => String, { nullable: true, description: 'ACCRUAL: first day of the revenue reference period (default: the previous period)' })
  @IsOptional() @CalendarDate() referenceStart?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @CalendarDate() referenceEnd?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(1000) reason?: string;
}

@InputType()
export class BulkCreateMdfFundsInput {
  @Field(() => ID) @EntityId() programId: string;
  @Field(() => ID, { nullable: true, description: 'Only partners in this tier (default: every partner enrolled in the program)' }) @IsOptional() @EntityId() tierId?: string;
  @Field(() => String) @CalendarDate() periodStart: string;
  @Field(() => MdfBudgetKind) @IsEnum(MdfBudgetKind) budgetKind: MdfBudgetKind;
  @Field(() => String, { nullable: true, description: 'FIXED: the allocation of each fund' }) @IsOptional() @MoneyAmount() budget?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @CalendarDate() referenceStart?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @CalendarDate() referenceEnd?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(1000) reason?: string;
}

@InputType()
export class MdfFundFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() programId?: string;
  @Field(() => MdfFundStatus, { nullable: true }) @IsOptional() @IsEnum(MdfFundStatus) status?: MdfFundStatus;
  @Field(() => String, { nullable: true, description: 'Funds whose period contains this day' }) @IsOptional() @CalendarDate() periodStart?: string;
}

@InputType()
export class CreateMdfRequestInput {
  @Field(() => ID) @EntityId() fundId: string;
  @Field(() => MdfActivityType) @IsEnum(MdfActivityType) activityType: MdfActivityType;
  @Field(() => String) @Text(200) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(LONG_TEXT) description?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(500) targetAudience?: string;
  @Field(() => String, { description: 'Inside the fund period' }) @CalendarDate() startDate: string;
  @Field(() => String) @CalendarDate() endDate: string;
  @Field(() => String, { description: 'Planned total cost ("10000.00")' }) @MoneyAmount() plannedCost: string;
  @Field(() => String, { description: 'At most the co-funding % of the planned cost, rounded down to the cent' }) @MoneyAmount() requestedAmount: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) expectedLeads?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MoneyAmount() expectedPipeline?: string;
  @Field(() => Boolean, { nullable: true, description: 'Submit for approval at once (default: keep as a draft)' }) @IsOptional() @IsBoolean() submit?: boolean;
}

@InputType()
export class UpdateMdfRequestInput {
  @Field(() => MdfActivityType, { nullable: true }) @IsOptional() @IsEnum(MdfActivityType) activityType?: MdfActivityType;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(200) title?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(LONG_TEXT) description?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(500) targetAudience?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @CalendarDate() startDate?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @CalendarDate() endDate?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MoneyAmount() plannedCost?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MoneyAmount() requestedAmount?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) expectedLeads?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MoneyAmount() expectedPipeline?: string;
}

@InputType()
export class MdfRequestFilter {
  @Field(() => [MdfRequestStatus], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(MdfRequestStatus, { each: true }) status?: MdfRequestStatus[];
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() fundId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
}

@InputType()
export class MdfClaimFilter {
  @Field(() => [MdfClaimStatus], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(MdfClaimStatus, { each: true }) status?: MdfClaimStatus[];
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() fundId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() requestId?: string;
}

@InputType()
export class MarkMdfClaimsPaidInput {
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'Not a valid id.' }) claimIds: string[];
  @Field(() => String) @Text(200) paymentReference: string;
  @Field(() => String) @CalendarDate() paymentDate: string;
  @Field(() => String, { description: 'Repeating a call with the same key pays nothing twice' }) @Text(200) idempotencyKey: string;
}

@InputType()
export class MdfReportFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() programId?: string;
  @Field(() => String, { nullable: true, description: 'Funds whose period starts on or after this day' }) @IsOptional() @CalendarDate() periodFrom?: string;
  @Field(() => String, { nullable: true, description: 'Funds whose period starts on or before this day' }) @IsOptional() @CalendarDate() periodTo?: string;
}

/** What a claim reports besides its amounts (HTTP, new and resubmitted claims alike). */
abstract class MdfClaimResultsInput {
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) attendees?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) leads?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) opportunities?: number;
  @IsOptional() @MoneyAmount() pipeline?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'Not a valid id.' }) dealIds?: string[];
  @IsOptional() @Text(LONG_TEXT) notes?: string;
}

/** The `claim` JSON field of the multipart claim upload (HTTP). */
export class MdfClaimInput extends MdfClaimResultsInput {
  @MoneyAmount() actualCost: string;
  @MoneyAmount() claimedAmount: string;
}

/** The optional `claim` JSON field of a resubmission. */
export class MdfClaimResubmitInput extends MdfClaimResultsInput {
  @IsOptional() @MoneyAmount() actualCost?: string;
  @IsOptional() @MoneyAmount() claimedAmount?: string;
  @IsOptional() @Text(LONG_TEXT) comment?: string;
}

// ---- args ----

@ArgsType()
export class MdfDecisionArgs extends IdArgs {
  @Field(() => String, { nullable: true, description: 'Default: the full amount; a lower amount approves partially' }) @IsOptional() @MoneyAmount() amount?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(LONG_TEXT) comment?: string;
}

@ArgsType()
export class MdfReasonArgs extends IdArgs {
  @Field(() => String) @Text(LONG_TEXT) reason: string;
}

@ArgsType()
export class MdfCommentArgs extends IdArgs {
  @Field(() => String) @Text(LONG_TEXT) comment: string;
}

@ArgsType()
export class MdfOptionalCommentArgs extends IdArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @Text(LONG_TEXT) comment?: string;
}

@ArgsType()
export class MdfCancelArgs extends IdArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @Text(LONG_TEXT) reason?: string;
}

@ArgsType()
export class ExtendMdfClaimDeadlineArgs extends IdArgs {
  @Field(() => String, { description: 'The new last day for the claim' }) @CalendarDate() until: string;
  @Field(() => String) @Text(LONG_TEXT) reason: string;
}

@ArgsType()
export class UpdateMdfFundBudgetArgs extends IdArgs {
  @Field(() => String) @MoneyAmount() budget: string;
  @Field(() => String) @Text(1000) reason: string;
}

@ArgsType()
export class RecomputeMdfAccrualsArgs {
  @Field(() => ID, { nullable: true, description: 'One fund (default: every open accrual fund)' }) @IsOptional() @EntityId() fundId?: string;
}

@ArgsType()
export class MdfProgramArgs {
  @Field(() => ID) @EntityId() programId: string;
}

@ArgsType()
export class MdfExpiringArgs {
  @Field(() => Int, { defaultValue: 30 }) @IsInt() @Min(1) @Max(366) withinDays = 30;
}

@ArgsType()
export class MdfReportArgs {
  @Field(() => MdfReportGroup) @IsEnum(MdfReportGroup) groupBy: MdfReportGroup;
}

// ---- models ----

/** The balance figures of a fund, or their sums over a report group, in one currency. */
@ObjectType({ isAbstract: true })
abstract class MdfFiguresModel {
  @Field(() => String) currency: string;
  @Field(() => String) budget: string;
  @Field(() => String) reserved: string;
  @Field(() => String) claimed: string;
  @Field(() => String) approved: string;
  @Field(() => String) paid: string;
  @Field(() => String) available: string;
}

@ObjectType('MdfBalances', { description: 'available = budget − reserved − approved − paid; claimed is the part of reserved that open claims ask for' })
export class MdfBalancesModel extends MdfFiguresModel {}

@ObjectType('MdfBudgetChange', { description: 'A change of a fund budget, with its basis' })
export class MdfBudgetChangeModel {
  @Field(() => ID) id: string;
  @Field(() => Date) at: Date;
  @Field(() => String, { description: 'ALLOCATION, ADJUSTMENT or ACCRUAL' }) kind: string;
  @Field(() => String) currency: string;
  @Field(() => String) before: string;
  @Field(() => String) after: string;
  @Field(() => String, { nullable: true, description: 'ACCRUAL: recognised revenue in the reference period' }) revenue: string | null;
  @Field(() => String, { nullable: true }) revenueCurrency: string | null;
  @Field(() => String, { nullable: true, description: 'ACCRUAL: the accrual rate, %' }) rate: string | null;
  @Field(() => String, { nullable: true }) referenceStart: string | null;
  @Field(() => String, { nullable: true }) referenceEnd: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
}

@ObjectType('MdfFund')
export class MdfFundModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => OrganisationModel, { nullable: true }) organisation?: OrganisationModel | null;
  @Field(() => ID) programId: string;
  @Field(() => MdfFundPeriodKind) periodKind: MdfFundPeriodKind;
  @Field(() => String, { description: 'Activity window: first day' }) periodStart: string;
  @Field(() => String, { description: 'Activity window: last day' }) periodEnd: string;
  @Field(() => String, { description: "'2026-Q3', '2026-H2' or '2026'" }) periodLabel: string;
  @Field(() => String) currency: string;
  @Field(() => MdfBudgetKind) budgetKind: MdfBudgetKind;
  @Field(() => String, { nullable: true }) accrualRate: string | null;
  @Field(() => String, { nullable: true }) referenceStart: string | null;
  @Field(() => String, { nullable: true }) referenceEnd: string | null;
  @Field(() => MdfBalancesModel) balances: MdfBalancesModel;
  @Field(() => Int, { description: 'Claims are due this many days after an activity ends' }) claimDeadlineDays: number;
  @Field(() => String, { description: 'Unused money lapses after this day' }) expiresOn: string;
  @Field(() => MdfFundStatus) status: MdfFundStatus;
  @Field(() => String, { nullable: true, description: 'Available when the fund expired (lost)' }) lapsed: string | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType()
export class MdfFundConnection extends ConnectionType(MdfFundModel, 'MdfFund') {}

@ObjectType('MdfTimelineEntry')
export class MdfTimelineEntryModel {
  @Field(() => ID) id: string;
  @Field(() => Date) at: Date;
  @Field(() => ID, { nullable: true, description: 'Set for an entry about a claim' }) claimId: string | null;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field(() => String, { nullable: true }) actorName?: string | null;
  @Field(() => String, { description: 'STATUS, COMMENT, EXTENSION or UPDATE' }) kind: string;
  @Field(() => String, { nullable: true }) fromStatus: string | null;
  @Field(() => String, { nullable: true }) toStatus: string | null;
  @Field(() => String, { nullable: true }) comment: string | null;
}

/** What requests and claims both have: a number, the fund and organisation, who wrote it, the approved amount and the decision. */
@ObjectType({ isAbstract: true })
abstract class MdfCaseModel {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field(() => ID) fundId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID, { nullable: true }) createdByUserId: string | null;
  @Field(() => String) currency: string;
  @Field(() => String, { nullable: true }) approvedAmount: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionComment: string | null;
}

@ObjectType('MdfRequest')
export class MdfRequestModel extends MdfCaseModel {
  @Field(() => MdfRequestStatus) status: MdfRequestStatus;
  @Field(() => MdfActivityType) activityType: MdfActivityType;
  @Field(() => String) title: string;
  @Field(() => String) description: string;
  @Field(() => String, { nullable: true }) targetAudience: string | null;
  @Field(() => String) startDate: string;
  @Field(() => String) endDate: string;
  @Field(() => String) plannedCost: string;
  @Field(() => String) requestedAmount: string;
  @Field(() => String, { description: 'Co-funding % of the partner tier when the request was last written' }) cofundingPct: string;
  @Field(() => String, { description: 'The most this request may ask for: co-funding % × planned cost, rounded down' }) cofundingCap: string;
  @Field(() => Int, { nullable: true }) expectedLeads: number | null;
  @Field(() => String, { nullable: true }) expectedPipeline: string | null;
  @Field(() => String, { description: 'The last day a claim is accepted (the extension when one was granted)' }) claimDeadline: string;
  @Field(() => String, { description: 'End date + the program claim deadline days' }) regularClaimDeadline: string;
  @Field(() => String, { nullable: true }) extendedDeadline: string | null;
  @Field(() => String, { nullable: true }) extensionReason: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
}

@ObjectType()
export class MdfRequestConnection extends ConnectionType(MdfRequestModel, 'MdfRequest') {}

@ObjectType('MdfProofFile', { description: 'Proof of performance; download it from GET /api/mdf/files/{id}' })
export class MdfProofFileModel {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'The uploaded name (display only)' }) name: string;
  @Field(() => String, { description: 'Detected from the content' }) contentType: string;
  @Field(() => Int, { description: 'Bytes' }) size: number;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('MdfClaim')
export class MdfClaimModel extends MdfCaseModel {
  @Field(() => ID) requestId: string;
  @Field(() => MdfClaimStatus) status: MdfClaimStatus;
  @Field(() => String) actualCost: string;
  @Field(() => String) claimedAmount: string;
  @Field(() => Int, { nullable: true }) attendees: number | null;
  @Field(() => Int, { nullable: true }) leads: number | null;
  @Field(() => Int, { nullable: true }) opportunities: number | null;
  @Field(() => String, { nullable: true }) pipeline: string | null;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => Date) submittedAt: Date;
  @Field(() => Date) lastSubmittedAt: Date;
  @Field(() => Date, { nullable: true }) paidAt: Date | null;
  @Field(() => String, { nullable: true }) paymentReference: string | null;
  @Field(() => String, { nullable: true }) paymentDate: string | null;
}

@ObjectType()
export class MdfClaimConnection extends ConnectionType(MdfClaimModel, 'MdfClaim') {}

@ObjectType('MdfProgramSettings')
export class MdfProgramSettingsModel {
  @Field(() => ID) programId: string;
  @Field(() => MdfFundPeriodKind) periodKind: MdfFundPeriodKind;
  @Field(() => Int) claimDeadlineDays: number;
  @Field(() => Int) expiryGraceDays: number;
  @Field(() => String) currency: string;
}

@ObjectType('MdfReportRow', { description: 'One group in one currency; definitions in docs/mdf.md' })
export class MdfReportRowModel extends MdfFiguresModel {
  @Field(() => String) key: string;
  @Field(() => String) label: string;
  @Field(() => Int) funds: number;
  @Field(() => String, { description: 'approved + paid claims' }) spent: string;
  @Field(() => String, { description: 'Lost when funds expired unused' }) lapsed: string;
  @Field(() => String, { description: 'Available on open funds expiring within 30 days' }) expiring: string;
  @Field(() => String, { nullable: true, description: 'spent ÷ budget, %' }) utilisation: string | null;
  @Field(() => String) leads: string;
  @Field(() => String) opportunities: string;
  @Field(() => String) pipeline: string;
  @Field(() => String, { nullable: true, description: 'Leads per 1,000 of the currency spent' }) leadsPerThousand: string | null;
  @Field(() => String, { nullable: true, description: 'Pipeline per 1 of the currency spent' }) pipelinePerUnit: string | null;
  @Field(() => String, { description: 'Won first-year value of the distinct won deals linked to approved or paid claims' }) influencedRevenue: string;
  @Field(() => Int) influencedDeals: number;
  @Field(() => String, { nullable: true, description: '(influenced revenue − spent) ÷ spent × 100' }) roi: string | null;
  @Field(() => String, { nullable: true, description: 'Median seconds from claim submission to payment' }) medianSecondsToPayment: string | null;
  @Field(() => Int) paidClaims: number;
}

@ObjectType('MdfPayment')
export class MdfPaymentModel {
  @Field(() => ID) paymentId: string;
  @Field(() => String) idempotencyKey: string;
  @Field(() => String) paymentReference: string;
  @Field(() => String) paymentDate: string;
  @Field(() => Boolean, { description: 'True when this key was used before: nothing was paid again' }) duplicate: boolean;
  @Field(() => [MdfClaimModel]) claims: MdfClaimModel[];
}

@ObjectType('MdfBulkCreateResult')
export class MdfBulkCreateResultModel {
  @Field(() => Int) created: number;
  @Field(() => Int, { description: 'Partners that already had a fund for the period' }) skipped: number;
  @Field(() => [MdfFundModel]) funds: MdfFundModel[];
}
