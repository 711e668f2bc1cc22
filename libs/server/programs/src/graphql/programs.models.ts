import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { METRICS } from '@prm/domain/tiers';
import { ConnectionType, OptionalNotNull, trim } from '@prm/server/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export enum Metric {
  WON_DEALS = 'WON_DEALS',
  CERTIFIED_PEOPLE = 'CERTIFIED_PEOPLE',
  T12M_ARR_SOLD = 'T12M_ARR_SOLD',
  NRR_PCT = 'NRR_PCT',
  MDF_UTILISATION_PCT = 'MDF_UTILISATION_PCT',
}
// Keep the GraphQL enum and the domain's metric list in step.
if (Object.keys(Metric).join() !== METRICS.join()) throw new Error('Metric enum out of sync with @prm/domain/tiers');
registerEnumType(Metric, { name: 'Metric' });

export enum TierChangeKind {
  ENROLMENT = 'ENROLMENT',
  PROMOTION = 'PROMOTION',
  DEMOTION = 'DEMOTION',
  OVERRIDE = 'OVERRIDE',
}
export enum TierChangeStatus {
  PROPOSED = 'PROPOSED',
  APPLIED = 'APPLIED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TierChangeKind, { name: 'TierChangeKind' });
registerEnumType(TierChangeStatus, { name: 'TierChangeStatus' });

const PERCENT = /^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/;
const PERCENT_MESSAGE = 'Enter a percentage from 0 to 100 with at most 4 decimals.';
const DECIMAL = /^\d{1,18}(\.\d{1,4})?$/;
// partner_metrics.value is numeric(20,4): at most 16 digits before the point.
const METRIC_VALUE = /^\d{1,16}(\.\d{1,4})?$/;

@ObjectType('TierBenefits')
export class TierBenefitsModel {
  @Field(() => String, { description: 'Percent, decimal string' }) rebateRate: string;
  @Field(() => String) mdfAccrualRate: string;
  @Field(() => String) dealRegistrationDiscount: string;
  @Field(() => String) referralCommissionRate: string;
  @Field(() => String) mdfCofundingPct: string;
}

@ObjectType('QualificationRule')
export class QualificationRuleModel {
  @Field(() => Metric) metric: Metric;
  @Field(() => String, { description: 'Minimum value, decimal string' }) min: string;
}

@ObjectType('Tier')
export class TierModel {
  @Field(() => ID) id: string;
  @Field(() => ID) programId: string;
  @Field(() => String) name: string;
  @Field(() => Int, { description: '0 is the entry tier' }) rank: number;
  @Field(() => TierBenefitsModel) benefits: TierBenefitsModel;
  @Field(() => [QualificationRuleModel]) rules: QualificationRuleModel[];
}

@ObjectType('Program')
export class ProgramModel {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String) segment: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Boolean) active: boolean;
  @Field(() => Int) demotionGraceDays: number;
}

@ObjectType('Enrolment')
export class EnrolmentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID) programId: string;
  @Field(() => ID) tierId: string;
  @Field(() => GraphQLISODateTime) enrolledAt: Date;
  @Field(() => GraphQLISODateTime) tierSince: Date;
}

@ObjectType('MetricValue')
export class MetricValueModel {
  @Field(() => Metric) metric: Metric;
  @Field(() => String) value: string;
}

@ObjectType('RuleProgress')
export class RuleProgressModel {
  @Field(() => Metric) metric: Metric;
  @Field(() => String, { nullable: true }) current: string | null;
  @Field(() => String) target: string;
  @Field(() => Boolean) met: boolean;
  @Field(() => String, { description: 'How much is still missing (0 when met)' }) missing: string;
}

@ObjectType('TierChange')
export class TierChangeModel {
  @Field(() => ID) id: string;
  @Field(() => ID) enrolmentId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID) programId: string;
  @Field(() => ID, { nullable: true }) fromTierId: string | null;
  @Field(() => ID) toTierId: string;
  @Field(() => TierChangeKind) kind: TierChangeKind;
  @Field(() => TierChangeStatus) status: TierChangeStatus;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => [MetricValueModel], { description: 'The metrics the proposal was based on' }) metrics: MetricValueModel[];
  @Field(() => GraphQLISODateTime) proposedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'A demotion can be applied from this moment (grace period)' })
  effectiveAfter: Date | null;
  @Field(() => ID, { nullable: true }) decidedByUserId: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
}

@ObjectType('TierStatus')
export class TierStatusModel {
  @Field(() => EnrolmentModel) enrolment: EnrolmentModel;
  @Field(() => ProgramModel) program: ProgramModel;
  @Field(() => TierModel) currentTier: TierModel;
  @Field(() => TierModel, { nullable: true }) nextTier: TierModel | null;
  @Field(() => [RuleProgressModel], { description: 'Rules of the next tier with current value and target' }) nextTierRules: RuleProgressModel[];
  @Field(() => [MetricValueModel]) metrics: MetricValueModel[];
  @Field(() => TierChangeModel, { nullable: true }) pendingChange: TierChangeModel | null;
}

export const TierChangeConnection = ConnectionType(TierChangeModel, 'TierChange');

@InputType()
export class TierBenefitsInput {
  @Field(() => String) @Matches(PERCENT, { message: PERCENT_MESSAGE }) rebateRate: string;
  @Field(() => String) @Matches(PERCENT, { message: PERCENT_MESSAGE }) mdfAccrualRate: string;
  @Field(() => String) @Matches(PERCENT, { message: PERCENT_MESSAGE }) dealRegistrationDiscount: string;
  @Field(() => String) @Matches(PERCENT, { message: PERCENT_MESSAGE }) referralCommissionRate: string;
  @Field(() => String) @Matches(PERCENT, { message: PERCENT_MESSAGE }) mdfCofundingPct: string;
}

@InputType()
export class QualificationRuleInput {
  @Field(() => Metric) @IsEnum(Metric) metric: Metric;
  @Field(() => String) @Matches(DECIMAL, { message: 'Enter a non-negative number with at most 4 decimals.' }) min: string;
}

@InputType()
export class CreateProgramInput {
  @Field(() => String) @Transform(trim) @IsString() @Length(1, 120) name: string;
  @Field(() => String) @Transform(trim) @IsString() @Length(1, 60) segment: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(730) demotionGraceDays?: number;
}

@InputType()
export class UpdateProgramInput {
  @Field(() => String, { nullable: true }) @OptionalNotNull() @Transform(trim) @IsString() @Length(1, 120) name?: string;
  @Field(() => String, { nullable: true }) @OptionalNotNull() @Transform(trim) @IsString() @Length(1, 60) segment?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @Field(() => Boolean, { nullable: true }) @OptionalNotNull() @IsBoolean() active?: boolean;
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(730) demotionGraceDays?: number;
}

@InputType()
export class CreateTierInput {
  @Field(() => ID) @IsUUID('all', { message: 'Not a valid id.' }) programId: string;
  @Field(() => String) @Transform(trim) @IsString() @Length(1, 60) name: string;
  @Field(() => Int, { description: 'Must be the next free rank' }) @IsInt() @Min(0) @Max(50) rank: number;
  @Field(() => TierBenefitsInput) @ValidateNested() @Type(() => TierBenefitsInput) benefits: TierBenefitsInput;
  @Field(() => [QualificationRuleInput]) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => QualificationRuleInput)
  rules: QualificationRuleInput[];
}

@InputType()
export class UpdateTierInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(1, 60) name?: string;
  @Field(() => TierBenefitsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => TierBenefitsInput) benefits?: TierBenefitsInput;
  @Field(() => [QualificationRuleInput], { nullable: true }) @IsOptional() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => QualificationRuleInput)
  rules?: QualificationRuleInput[];
}

@InputType()
export class EnrolPartnerInput {
  @Field(() => ID) @IsUUID('all', { message: 'Not a valid id.' }) organisationId: string;
  @Field(() => ID) @IsUUID('all', { message: 'Not a valid id.' }) programId: string;
  @Field(() => ID, { nullable: true, description: 'Defaults to the entry tier' }) @IsOptional() @IsUUID('all', { message: 'Not a valid id.' }) tierId?: string;
}

@InputType()
export class RecordPartnerMetricInput {
  @Field(() => ID) @IsUUID('all', { message: 'Not a valid id.' }) organisationId: string;
  @Field(() => Metric) @IsEnum(Metric) metric: Metric;
  @Field(() => String) @Matches(METRIC_VALUE, { message: 'Enter a non-negative number below 10^16 with at most 4 decimals.' }) value: string;
}

@InputType()
export class DecideTierChangeInput {
  @Field(() => ID) @IsUUID('all', { message: 'Not a valid id.' }) id: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(1, 1000) reason?: string;
}

@InputType()
export class RejectTierChangeInput {
  @Field(() => ID) @IsUUID('all', { message: 'Not a valid id.' }) id: string;
  @Field(() => String) @Transform(trim) @IsString() @Length(1, 1000, { message: 'Give a reason (up to 1000 characters).' }) reason: string;
}

@InputType()
export class OverrideTierInput {
  @Field(() => ID) @IsUUID('all', { message: 'Not a valid id.' }) enrolmentId: string;
  @Field(() => ID) @IsUUID('all', { message: 'Not a valid id.' }) tierId: string;
  @Field(() => String) @Transform(trim) @IsString() @Length(1, 1000, { message: 'Give a reason (up to 1000 characters).' }) reason: string;
}

@InputType()
export class TierChangeFilter {
  @Field(() => TierChangeStatus, { nullable: true }) @IsOptional() @IsEnum(TierChangeStatus) status?: TierChangeStatus;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Not a valid id.' }) organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Not a valid id.' }) programId?: string;
}
