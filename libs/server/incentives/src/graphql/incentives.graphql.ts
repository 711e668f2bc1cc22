import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type PERIOD_KINDS, type REBATE_MODES, type SPIF_TIER_MODES, type STATEMENT_STATUSES } from '@prm/domain/incentives';
import { CalendarDate, ConnectionType, EntityId, MoneyAmount, Text, trim, upper } from '@prm/server/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsInt,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ReferralRulesInput, RetentionRulesInput } from './referrals.graphql';
import type { LINE_KINDS, PAYMENT_METHODS, PLAN_KINDS, PLAN_STATUSES, REDEMPTION_STATUSES, REWARD_KINDS, SOURCE_TYPES } from '../services/incentives.types';

export enum IncentivePlanKind {
  SPIF = 'SPIF',
  REBATE = 'REBATE',
  ACTIVITY = 'ACTIVITY',
  TRAINING = 'TRAINING',
  RETENTION = 'RETENTION',
  REFERRAL = 'REFERRAL',
}
registerEnumType(IncentivePlanKind, { name: 'IncentivePlanKind', description: 'Only SPIF and REBATE plans can be configured so far' });

export enum IncentivePlanStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}
registerEnumType(IncentivePlanStatus, { name: 'IncentivePlanStatus' });

export enum IncentivePeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(IncentivePeriodKind, { name: 'IncentivePeriodKind' });

export enum SpifPayoutKind {
  FIXED = 'FIXED',
  PERCENT = 'PERCENT',
  TIERED = 'TIERED',
}
registerEnumType(SpifPayoutKind, { name: 'SpifPayoutKind' });

export enum SpifTierModeEnum {
  RETROACTIVE = 'RETROACTIVE',
  ABOVE_THRESHOLD = 'ABOVE_THRESHOLD',
}
registerEnumType(SpifTierModeEnum, { name: 'SpifTierMode', description: 'RETROACTIVE: the tier reached pays all the rep’s deals; ABOVE_THRESHOLD: each deal by its own band' });

export enum RebateModeEnum {
  RETROACTIVE = 'RETROACTIVE',
  INCREMENTAL = 'INCREMENTAL',
}
registerEnumType(RebateModeEnum, { name: 'RebateMode', description: 'RETROACTIVE: back to dollar one; INCREMENTAL: each band at its own rate' });

export enum IncentiveLineKind {
  ACCRUAL = 'ACCRUAL',
  ADJUSTMENT = 'ADJUSTMENT',
  CLAWBACK = 'CLAWBACK',
}
registerEnumType(IncentiveLineKind, { name: 'IncentiveLineKind' });

export enum IncentiveStatementStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
}
registerEnumType(IncentiveStatementStatus, { name: 'IncentiveStatementStatus' });

export enum IncentivePaymentMethod {
  CASH = 'CASH',
  CREDIT_NOTE = 'CREDIT_NOTE',
  POINTS = 'POINTS',
}
registerEnumType(IncentivePaymentMethod, { name: 'IncentivePaymentMethod', description: 'POINTS: one point per whole currency unit, rounded down' });

export enum RewardKindEnum {
  GIFT_VOUCHER = 'GIFT_VOUCHER',
  SERVICE_CREDIT = 'SERVICE_CREDIT',
  EVENT_TICKET = 'EVENT_TICKET',
  TRAINING_SEAT = 'TRAINING_SEAT',
}
registerEnumType(RewardKindEnum, { name: 'RewardKind' });

export enum RewardRedemptionStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  FULFILLED = 'FULFILLED',
}
registerEnumType(RewardRedemptionStatus, { name: 'RewardRedemptionStatus' });

export enum IncentiveSourceType {
  DEAL = 'DEAL',
  REBATE_VOLUME = 'REBATE_VOLUME',
  ACTIVITY = 'ACTIVITY',
  COURSE_COMPLETION = 'COURSE_COMPLETION',
  MRR_MOVEMENT = 'MRR_MOVEMENT',
  RENEWAL = 'RENEWAL',
  NRR_PERIOD = 'NRR_PERIOD',
  REFERRAL_MRR = 'REFERRAL_MRR',
}
registerEnumType(IncentiveSourceType, {
  name: 'IncentiveSourceType',
  description:
    'DEAL: a won deal registration; REBATE_VOLUME: a partner’s volume in a period; ACTIVITY: a logged activity; COURSE_COMPLETION: a course completion; MRR_MOVEMENT: a subscription movement; RENEWAL: a renewal; NRR_PERIOD: a partner’s NRR for a period; REFERRAL_MRR: a referred customer’s MRR for a month',
});

// Compile-time guards: the GraphQL enums list exactly the values the services and the domain use.
const _kinds: readonly `${IncentivePlanKind}`[] = [] as unknown as typeof PLAN_KINDS;
const _statuses: readonly `${IncentivePlanStatus}`[] = [] as unknown as typeof PLAN_STATUSES;
const _periods: readonly `${IncentivePeriodKind}`[] = [] as unknown as typeof PERIOD_KINDS;
const _spif: readonly `${SpifTierModeEnum}`[] = [] as unknown as typeof SPIF_TIER_MODES;
const _rebate: readonly `${RebateModeEnum}`[] = [] as unknown as typeof REBATE_MODES;
const _lines: readonly `${IncentiveLineKind}`[] = [] as unknown as typeof LINE_KINDS;
const _statement: readonly `${IncentiveStatementStatus}`[] = [] as unknown as typeof STATEMENT_STATUSES;
const _methods: readonly `${IncentivePaymentMethod}`[] = [] as unknown as typeof PAYMENT_METHODS;
const _rewards: readonly `${RewardKindEnum}`[] = [] as unknown as typeof REWARD_KINDS;
const _redemptions: readonly `${RewardRedemptionStatus}`[] = [] as unknown as typeof REDEMPTION_STATUSES;
const _sources: readonly `${IncentiveSourceType}`[] = [] as unknown as typeof SOURCE_TYPES;
void [_kinds, _statuses, _periods, _spif, _rebate, _lines, _statement, _methods, _rewards, _redemptions, _sources];

/** A percentage as text with up to 4 decimals; its range (0–100) is checked with the plan, so every bad tier is named. */
const Rate = (): PropertyDecorator =>
  applyDecorators(Transform(trim), IsString(), Matches(/^-?\d{1,4}(\.\d{1,4})?$/, { message: 'Enter a percentage such as 12.5 (at most 4 decimals).' }));
/** A reward in the plan's unit: an amount with at most 2 decimals (checked again against the currency) or whole points. */
const UnitAmount = (): PropertyDecorator =>
  applyDecorators(Transform(trim), IsString(), Matches(/^\d{1,12}(\.\d{1,2})?$/, { message: 'Enter an amount such as 25.00, or whole points such as 100 (not negative).' }));
/** A plan's unit: a currency code, or POINTS. */
const PlanUnit = (): PropertyDecorator =>
  applyDecorators(Transform(upper), ValidateIf((_o: object, v: unknown) => v !== 'POINTS'), IsISO4217CurrencyCode({ message: 'Use a currency code such as EUR, or POINTS.' }));
/** A period key: '2026-03', '2026-Q1' or '2026'. */
const PeriodKey = (): PropertyDecorator =>
  applyDecorators(Transform(trim), IsString(), Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'Enter a period such as 2026-03, 2026-Q1 or 2026.' }));

// ---- inputs ----

@InputType()
export class SpifCountTierInput {
  @Field(() => Int, { description: "The rep's n-th qualifying deal this tier starts at (1 = the first)" }) @IsInt() @Min(1) @Max(100_000) fromCount: number;
  @Field(() => Int, { nullable: true, description: 'Exclusive; empty for the last tier' }) @IsOptional() @IsInt() @Min(1) @Max(100_000) toCount?: number;
  @Field(() => String, { nullable: true, description: 'A fixed amount per deal…' }) @IsOptional() @MoneyAmount() amount?: string;
  @Field(() => String, { nullable: true, description: '…or a percentage of the deal value' }) @IsOptional() @Rate() rate?: string;
}

@InputType()
export class SpifRulesInput {
  @Field(() => String, { description: 'First day of the campaign' }) @CalendarDate() startsOn: string;
  @Field(() => String, { description: 'Last day of the campaign' }) @CalendarDate() endsOn: string;
  @Field(() => [ID], { nullable: true, description: 'Any of these products (none given: every product)' }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true, message: 'Not a valid id.' }) productIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'Not a valid id.' }) programIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Tier names (none given: every tier)' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) partnerTiers?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(250) @IsISO31661Alpha2({ each: true, message: 'Use two-letter country codes such as NL or BE.' }) countries?: string[];
  @Field(() => String, { nullable: true, description: 'Minimum won value (MRR × 12 + one-time)' }) @IsOptional() @MoneyAmount() minValue?: string;
  @Field(() => SpifPayoutKind) @IsEnum(SpifPayoutKind) payoutKind: SpifPayoutKind;
  @Field(() => String, { nullable: true, description: 'FIXED: the amount per deal' }) @IsOptional() @MoneyAmount() amount?: string;
  @Field(() => String, { nullable: true, description: 'PERCENT: the percentage of the deal value' }) @IsOptional() @Rate() rate?: string;
  @Field(() => SpifTierModeEnum, { nullable: true, description: 'TIERED: how a higher tier applies' }) @IsOptional() @IsEnum(SpifTierModeEnum) tierMode?: SpifTierModeEnum;
  @Field(() => [SpifCountTierInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => SpifCountTierInput) countTiers?: SpifCountTierInput[];
  @Field(() => String, { nullable: true, description: 'Most a rep earns in the campaign' }) @IsOptional() @MoneyAmount() repCap?: string;
  @Field(() => String, { nullable: true, description: 'Most the campaign pays in total' }) @IsOptional() @MoneyAmount() budget?: string;
}

@InputType()
export class RebateTierInput {
  @Field(() => String, { description: 'Inclusive lower bound of the band' }) @MoneyAmount() from: string;
  @Field(() => String, { nullable: true, description: 'Exclusive upper bound; empty for the last tier' }) @IsOptional() @MoneyAmount() to?: string;
  @Field(() => String, { description: 'Rate in %, 0 to 100' }) @Rate() rate: string;
}

export enum RebateMeasureEnum {
  WON_VALUE = 'WON_VALUE',
  NEW_ARR = 'NEW_ARR',
}
registerEnumType(RebateMeasureEnum, { name: 'RebateMeasure' });

@InputType()
export class RebateRulesInput {
  @Field(() => RebateModeEnum) @IsEnum(RebateModeEnum) mode: RebateModeEnum;
  @Field(() => [RebateTierInput]) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RebateTierInput) tiers: RebateTierInput[];
  @Field(() => RebateMeasureEnum, { nullable: true, description: 'WON_VALUE (default): won deals’ value; NEW_ARR: NEW movement MRR × 12 from the revenue ledger' })
  @IsOptional() @IsEnum(RebateMeasureEnum)
  measure?: RebateMeasureEnum;
  @Field(() => Boolean, { nullable: true, description: 'The first tier’s rate is the partner’s tier benefit rebate rate in the plan’s program' }) @IsOptional() @IsBoolean() baseRateFromTier?: boolean;
}


@InputType()
export class ActivityRewardInput {
  @Field(() => ID) @EntityId() activityTypeId: string;
  @Field(() => String, { description: 'Paid per counted activity, in the plan’s unit (whole points for a POINTS plan)' }) @UnitAmount() amount: string;
  @Field(() => String, { nullable: true, description: 'Most one person earns from this type per plan period (empty: no cap)' }) @IsOptional() @UnitAmount() capPerPeriod?: string;
}

@InputType()
export class ActivityRulesInput {
  @Field(() => [ActivityRewardInput]) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ActivityRewardInput) activities: ActivityRewardInput[];
}

@InputType()
export class CourseRewardInput {
  @Field(() => ID) @EntityId() courseId: string;
  @Field(() => String, { description: 'Paid per completion, in the plan’s unit (whole points for a POINTS plan)' }) @UnitAmount() amount: string;
}

@InputType()
export class TrainingRulesInput {
  @Field(() => [CourseRewardInput]) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CourseRewardInput) courses: CourseRewardInput[];
}

@InputType({ description: 'The rules of the plan’s kind: spif for a SPIF plan, rebate for a REBATE plan, activity for an ACTIVITY plan, training for a TRAINING plan' })
export class IncentiveRulesInput {
  @Field(() => SpifRulesInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => SpifRulesInput) spif?: SpifRulesInput;
  @Field(() => RebateRulesInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => RebateRulesInput) rebate?: RebateRulesInput;
  @Field(() => ActivityRulesInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ActivityRulesInput) activity?: ActivityRulesInput;
  @Field(() => TrainingRulesInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => TrainingRulesInput) training?: TrainingRulesInput;
  @Field(() => RetentionRulesInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => RetentionRulesInput) retention?: RetentionRulesInput;
  @Field(() => ReferralRulesInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ReferralRulesInput) referral?: ReferralRulesInput;
}

@InputType()
export class CreateIncentivePlanInput {
  @Field(() => String) @Text(200) name: string;
  @Field(() => IncentivePlanKind) @IsEnum(IncentivePlanKind) kind: IncentivePlanKind;
  @Field(() => ID, { nullable: true, description: 'Only partners enrolled in this program take part (empty: every partner)' }) @IsOptional() @EntityId() programId?: string;
  @Field(() => IncentivePeriodKind, { nullable: true, description: 'Required: statements are made per period' })
  @IsDefined({ message: 'A plan needs a period: MONTH, QUARTER or YEAR.' }) @IsEnum(IncentivePeriodKind)
  periodKind?: IncentivePeriodKind;
  @Field(() => String, { description: 'A currency code; POINTS for an activity or training plan that pays points' }) @PlanUnit() currency: string;
  @Field(() => String, { description: 'First day of the period the first version applies from' }) @CalendarDate() effectiveFrom: string;
  @Field(() => IncentiveRulesInput) @ValidateNested() @Type(() => IncentiveRulesInput) rules: IncentiveRulesInput;
}

@ArgsType()
export class AddIncentivePlanVersionArgs {
  @Field(() => ID) @EntityId() planId: string;
  @Field(() => String, { description: 'First day of an open period after the current version' }) @CalendarDate() effectiveFrom: string;
  @Field(() => IncentiveRulesInput) @ValidateNested() @Type(() => IncentiveRulesInput) rules: IncentiveRulesInput;
}

@InputType()
export class IncentivePlanFilter {
  @Field(() => IncentivePlanKind, { nullable: true }) @IsOptional() @IsEnum(IncentivePlanKind) kind?: IncentivePlanKind;
  @Field(() => IncentivePlanStatus, { nullable: true }) @IsOptional() @IsEnum(IncentivePlanStatus) status?: IncentivePlanStatus;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() programId?: string;
}

@ArgsType()
export class IncentivePeriodArgs {
  @Field(() => ID) @EntityId() planId: string;
  @Field(() => String, { description: "'2026-03', '2026-Q1' or '2026', as the plan's period kind" }) @PeriodKey() period: string;
}

@ArgsType()
export class RecomputeIncentiveAccrualsArgs {
  @Field(() => ID) @EntityId() planId: string;
  @Field(() => String, { nullable: true, description: 'Up to the end of this period (default: the current one)' }) @IsOptional() @PeriodKey() period?: string;
}

@InputType()
export class IncentiveAccrualFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() planId?: string;
  @Field(() => String, { nullable: true, description: 'Booking period' }) @IsOptional() @PeriodKey() period?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
}

@InputType()
export class IncentiveStatementFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() planId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @PeriodKey() period?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => IncentiveStatementStatus, { nullable: true }) @IsOptional() @IsEnum(IncentiveStatementStatus) status?: IncentiveStatementStatus;
}

@InputType()
export class MarkIncentiveStatementsPaidInput {
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1, { message: 'Choose at least one statement.' }) @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'Not a valid id.' }) statementIds: string[];
  @Field(() => IncentivePaymentMethod) @IsEnum(IncentivePaymentMethod) method: IncentivePaymentMethod;
  @Field(() => String, { description: 'One key per payment: repeating it returns the first result and pays nothing again' })
  @Transform(trim) @IsString() @Matches(/^[A-Za-z0-9._:-]{8,200}$/, { message: 'Use 8 to 200 letters, digits, dots, dashes, colons or underscores.' })
  idempotencyKey: string;
}

@InputType()
export class ReverseIncentiveDealInput {
  @Field(() => ID) @EntityId() dealId: string;
  @Field(() => String) @Text(1000) reason: string;
}

@ArgsType()
export class IncentiveProgressArgs {
  @Field(() => ID) @EntityId() planId: string;
  @Field(() => ID, { nullable: true, description: 'Partners: their own (default)' }) @IsOptional() @EntityId() organisationId?: string;
}

@ArgsType()
export class PointsWalletArgs {
  @Field(() => ID, { nullable: true, description: 'Vendor staff: required; partners: their own' }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => ID, { nullable: true, description: "A person's wallet (reps: only their own)" }) @IsOptional() @EntityId() userId?: string;
  @Field(() => Boolean, { nullable: true, description: "The organisation's wallet instead of a person's" }) @IsOptional() @IsBoolean() organisationWallet?: boolean;
}

@InputType()
export class CreateRewardInput {
  @Field(() => String) @Text(200) name: string;
  @Field(() => RewardKindEnum) @IsEnum(RewardKindEnum) kind: RewardKindEnum;
  @Field(() => Int) @IsInt() @Min(1) @Max(100_000_000) pointsPrice: number;
  @Field(() => Int, { nullable: true, description: 'Empty: unlimited' }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) stock?: number;
  @Field(() => [ID], { nullable: true, description: 'Only partners in these tiers (empty: every partner)' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'Not a valid id.' }) eligibleTierIds?: string[];
  @Field(() => Boolean, { nullable: true, description: 'A channel manager approves each redemption' }) @IsOptional() @IsBoolean() requiresApproval?: boolean;
}

@InputType()
export class RedeemRewardInput {
  @Field(() => ID) @EntityId() rewardId: string;
  @Field(() => Boolean, { nullable: true, description: "Partner admins: pay from the organisation's wallet" })
  @IsOptional() @ValidateIf((_o: object, v: unknown) => v !== undefined) @IsBoolean() organisationWallet?: boolean;
}

@ArgsType()
export class RejectRewardRedemptionArgs {
  @Field(() => ID) @IsUUID('all', { message: 'Not a valid id.' }) id: string;
  @Field(() => String) @Text(1000) reason: string;
}

// ---- models ----

@ObjectType('IncentivePlanVersion')
export class IncentivePlanVersionModel {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => String) effectiveFrom: string;
  @Field(() => String, { description: 'The validated rules as JSON (amounts in minor units, rates in %)' }) rules: string;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('IncentivePeriodClose')
export class IncentivePeriodCloseModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field(() => String) period: string;
  @Field(() => String) periodStart: string;
  @Field(() => String) periodEnd: string;
  @Field(() => Date) closedAt: Date;
  @Field(() => Int) statementCount: number;
}

@ObjectType('IncentivePlan')
export class IncentivePlanModel {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => IncentivePlanKind) kind: IncentivePlanKind;
  @Field(() => ID, { nullable: true }) programId: string | null;
  @Field(() => IncentivePeriodKind) periodKind: IncentivePeriodKind;
  @Field(() => String) currency: string;
  @Field(() => IncentivePlanStatus) status: IncentivePlanStatus;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
}

@ObjectType()
export class IncentivePlanConnection extends ConnectionType(IncentivePlanModel, 'IncentivePlan') {}

@ObjectType('IncentiveSource', { description: 'The fact behind a line ("why did I get this?")' })
export class IncentiveSourceModel {
  @Field(() => IncentiveSourceType) type: IncentiveSourceType;
  @Field(() => String, { description: 'DEAL: the deal registration id; REBATE_VOLUME: organisation id:period' }) id: string;
  @Field(() => String) label: string;
}

@ObjectType('IncentiveAccrualLine')
export class IncentiveAccrualLineModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field(() => ID) planVersionId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID, { nullable: true, description: 'The rep, for a SPIF line' }) userId: string | null;
  @Field(() => String) rule: string;
  @Field(() => IncentiveLineKind) kind: IncentiveLineKind;
  @Field(() => String, { description: 'Booking period' }) period: string;
  @Field(() => String, { description: 'The period of the fact (earlier for a late event)' }) eventPeriod: string;
  @Field(() => String) eventDate: string;
  @Field(() => IncentiveSourceModel) source: IncentiveSourceModel;
  @Field(() => String) currency: string;
  @Field(() => String, { nullable: true, description: 'What the rate applied to' }) base: string | null;
  @Field(() => String, { nullable: true }) rate: string | null;
  @Field(() => String) amount: string;
  @Field(() => String, { nullable: true, description: 'REP_CAP, BUDGET or PERIOD_CAP when a cap cut the line' }) cappedBy: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => ID, { nullable: true }) statementId: string | null;
}

@ObjectType()
export class IncentiveAccrualLineConnection extends ConnectionType(IncentiveAccrualLineModel, 'IncentiveAccrualLine') {}

@ObjectType('IncentiveStatement')
export class IncentiveStatementModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field(() => String) period: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => String) currency: string;
  @Field(() => String, { description: 'Always the sum of the lines' }) total: string;
  @Field(() => Int) lineCount: number;
  @Field(() => IncentiveStatementStatus) status: IncentiveStatementStatus;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
  @Field(() => Date, { nullable: true }) paidAt: Date | null;
  @Field(() => IncentivePaymentMethod, { nullable: true }) paymentMethod: IncentivePaymentMethod | null;
  @Field(() => String, { nullable: true }) pointsAwarded: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from the period end to payment' }) daysToPayment: number | null;
}

@ObjectType()
export class IncentiveStatementConnection extends ConnectionType(IncentiveStatementModel, 'IncentiveStatement') {}

@ObjectType('IncentiveRecompute')
export class IncentiveRecomputeModel {
  @Field(() => Int, { description: 'Lines written or changed (0 when nothing new happened)' }) changed: number;
  @Field(() => String) period: string;
}

@ObjectType('IncentiveProgress')
export class IncentiveProgressModel {
  @Field(() => ID) planId: string;
  @Field(() => String) period: string;
  @Field(() => ID) organisationId: string;
  @Field(() => String, { description: 'Won value so far (rebates) or qualifying deals (SPIF)' }) measure: string;
  @Field(() => String, { description: 'A currency code, or DEALS' }) unit: string;
  @Field(() => Int, { nullable: true }) tierIndex: number | null;
  @Field(() => Int, { nullable: true }) nextTierIndex: number | null;
  @Field(() => String, { nullable: true }) nextThreshold: string | null;
  @Field(() => String, { nullable: true }) missing: string | null;
  @Field(() => String, { nullable: true, description: 'measure ÷ next threshold × 100, rounded down' }) percentOfNext: string | null;
  @Field(() => String, { description: 'Accrued in the period so far (what the caller may see)' }) accrued: string;
  @Field(() => String) currency: string;
}

@ObjectType('PointsBalance')
export class PointsBalanceModel {
  @Field(() => ID) organisationId: string;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => String) balance: string;
}

@ObjectType('PointsEntry')
export class PointsEntryModel {
  @Field(() => ID) id: string;
  @Field(() => String) kind: string;
  @Field(() => String, { description: 'The other side of the double entry' }) counterAccount: string;
  @Field(() => String, { description: 'Effect on the wallet' }) amount: string;
  @Field(() => String) sourceType: string;
  @Field(() => String) sourceId: string;
  @Field(() => Date) at: Date;
}

@ObjectType()
export class PointsEntryConnection extends ConnectionType(PointsEntryModel, 'PointsEntry') {}

@ObjectType('Reward')
export class RewardModel {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => RewardKindEnum) kind: RewardKindEnum;
  @Field(() => String) pointsPrice: string;
  @Field(() => Int, { nullable: true, description: 'Empty: unlimited' }) stock: number | null;
  @Field(() => [ID]) eligibleTierIds: string[];
  @Field(() => Boolean) requiresApproval: boolean;
  @Field(() => Boolean) active: boolean;
}

@ObjectType()
export class RewardConnection extends ConnectionType(RewardModel, 'Reward') {}

@ObjectType('RewardRedemption')
export class RewardRedemptionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) rewardId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => String) points: string;
  @Field(() => RewardRedemptionStatus) status: RewardRedemptionStatus;
  @Field(() => Date) requestedAt: Date;
}
