import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, EntityId } from '@prm/server/core';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Matches } from 'class-validator';
import { IncentivePlanKind, RewardRedemptionModel, RewardRedemptionStatus } from './incentives.graphql';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const PERIOD_KEY = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const PERIOD_MESSAGE = 'Enter a period such as 2026-03, 2026-Q1 or 2026.';

// ---- statement parties ----

@ObjectType('IncentiveOrganisationRef', { description: 'The beneficiary organisation of a statement' })
export class IncentiveOrganisationRefModel {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
}

// ---- redemptions ----

@InputType()
export class RewardRedemptionFilter {
  @Field(() => RewardRedemptionStatus, { nullable: true }) @IsOptional() @IsEnum(RewardRedemptionStatus) status?: RewardRedemptionStatus;
  @Field(() => ID, { nullable: true, description: 'Vendor staff: one partner; partners: their own' }) @IsOptional() @EntityId() organisationId?: string;
}

@ObjectType()
export class RewardRedemptionConnection extends ConnectionType(RewardRedemptionModel, 'RewardRedemption') {}

// ---- measurement ----

@ArgsType()
export class IncentiveMeasurementArgs {
  @Field(() => ID, { nullable: true, description: 'One plan (default: every published or retired plan)' }) @IsOptional() @EntityId() planId?: string;
  @Field(() => String, { nullable: true, description: "One period, '2026-03', '2026-Q1' or '2026' (default: every period with lines)" })
  @IsOptional() @Transform(trimmed) @IsString() @Matches(PERIOD_KEY, { message: PERIOD_MESSAGE })
  periodKey?: string;
}

@ObjectType('IncentivePlanPeriodMeasure', { description: 'What one plan cost and brought in one period (amounts in the plan currency)' })
export class IncentivePlanPeriodMeasureModel {
  @Field(() => ID) planId: string;
  @Field(() => String) planName: string;
  @Field(() => IncentivePlanKind) kind: IncentivePlanKind;
  @Field(() => String) period: string;
  @Field(() => String) currency: string;
  @Field(() => Int, { description: 'Eligible beneficiaries: partners in the plan’s program (or every active partner); for a SPIF their reps' }) eligible: number;
  @Field(() => Int, { description: 'Eligible beneficiaries with any earning booked in the period' }) participants: number;
  @Field(() => String, { nullable: true, description: 'participants ÷ eligible × 100, 2 decimals' }) participationRate: string | null;
  @Field(() => Int, { description: 'Units of qualifying behaviour: deals paid (SPIF), deals won (rebate), sources with a line (other kinds)' }) qualifyingUnits: number;
  @Field(() => String, { nullable: true, description: 'Cost accrued per qualifying unit' }) costPerUnit: string | null;
  @Field(() => String, { nullable: true, description: 'Gain per unit of currency of cost accrued (conversion), 2 decimals' }) gainPerCost: string | null;
  @Field(() => String, { description: 'Sum of every line booked in the period' }) costAccrued: string;
  @Field(() => String, { description: 'Sum of the period’s paid statements' }) costPaid: string;
  @Field(() => String, { nullable: true, description: 'The plan’s target measure in the period; null when it is not measured (see gainNote)' }) gain: string | null;
  @Field(() => String, { nullable: true }) gainNote: string | null;
  @Field(() => String, { nullable: true, description: '(gain − cost accrued) ÷ cost accrued × 100, 2 decimals' }) roi: string | null;
  @Field(() => String, { nullable: true, description: 'SPIF: the campaign budget' }) budget: string | null;
  @Field(() => String, { nullable: true, description: 'SPIF: accrued up to the end of this period ÷ budget × 100' }) budgetUsed: string | null;
}

@ObjectType('IncentivePaymentDelay', { description: 'Days from a period end to the payment of its statements, per plan' })
export class IncentivePaymentDelayModel {
  @Field(() => ID) planId: string;
  @Field(() => String) planName: string;
  @Field(() => Int) paidStatements: number;
  @Field(() => Int, { nullable: true }) medianDays: number | null;
  @Field(() => Int, { nullable: true, description: '90th percentile (nearest rank)' }) p90Days: number | null;
}

@ObjectType('IncentiveMeasurement')
export class IncentiveMeasurementModel {
  @Field(() => [IncentivePlanPeriodMeasureModel], { description: 'Per plan and period, newest period first' }) periods: IncentivePlanPeriodMeasureModel[];
  @Field(() => [IncentivePaymentDelayModel]) paymentDelays: IncentivePaymentDelayModel[];
  @Field(() => Int, { nullable: true, description: 'Median days from earning a point to redeeming it, over every wallet' }) redemptionSpeedDays: number | null;
  @Field(() => String, { description: 'Points redeemed in all' }) pointsRedeemed: string;
}

// ---- preview ----

@ArgsType()
export class PreviewIncentivePlanArgs {
  @Field(() => ID) @EntityId() planId: string;
  @Field(() => String, { nullable: true, description: 'Default: the last complete period' })
  @IsOptional() @Transform(trimmed) @IsString() @Matches(PERIOD_KEY, { message: PERIOD_MESSAGE })
  periodKey?: string;
}

@ObjectType('IncentivePreviewLine')
export class IncentivePreviewLineModel {
  @Field(() => ID) organisationId: string;
  @Field(() => String, { nullable: true }) organisationName: string | null;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => String, { nullable: true }) repName: string | null;
  @Field(() => String) rule: string;
  @Field(() => String) eventDate: string;
  @Field(() => String) sourceType: string;
  @Field(() => String) sourceId: string;
  @Field(() => String) sourceLabel: string;
  @Field(() => String, { nullable: true }) base: string | null;
  @Field(() => String, { nullable: true }) rate: string | null;
  @Field(() => String) amount: string;
  @Field(() => String, { nullable: true }) cappedBy: string | null;
}

@ObjectType('IncentivePreviewTotal', { description: 'What one beneficiary would get' })
export class IncentivePreviewTotalModel {
  @Field(() => ID) organisationId: string;
  @Field(() => String, { nullable: true }) organisationName: string | null;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => String, { nullable: true }) repName: string | null;
  @Field(() => String) total: string;
  @Field(() => Int) lineCount: number;
}

@ObjectType('IncentivePlanPreview', { description: 'What the plan would produce over a period of real data; nothing is written' })
export class IncentivePlanPreviewModel {
  @Field(() => ID) planId: string;
  @Field(() => String) period: string;
  @Field(() => String) currency: string;
  @Field(() => String) total: string;
  @Field(() => [IncentivePreviewTotalModel]) totals: IncentivePreviewTotalModel[];
  @Field(() => [IncentivePreviewLineModel]) lines: IncentivePreviewLineModel[];
}
