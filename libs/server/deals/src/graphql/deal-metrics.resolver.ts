import { Args, Field, ID, InputType, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { AllowAuthenticated, CalendarDate, Ctx, CurrencyCode, EntityId, RequestContext } from '@prm/server/core';
import { IsEnum, IsOptional } from 'class-validator';
import { DealMetricsService } from '../services/deal-metrics.service';

export enum DealMetricsGroupBy {
  NONE = 'NONE',
  PARTNER = 'PARTNER',
  PROGRAM = 'PROGRAM',
  TIER = 'TIER',
  MONTH = 'MONTH',
}
registerEnumType(DealMetricsGroupBy, { name: 'DealMetricsGroupBy' });

@InputType()
export class DealMetricsInput {
  @Field(() => String, { description: 'First day (YYYY-MM-DD, UTC) of the period: registrations submitted from this day' }) @CalendarDate()
  from: string;

  @Field(() => String, { description: 'Day after the period (exclusive)' }) @CalendarDate()
  to: string;

  @Field(() => DealMetricsGroupBy, { defaultValue: DealMetricsGroupBy.NONE }) @IsEnum(DealMetricsGroupBy)
  groupBy: DealMetricsGroupBy;

  @Field(() => String, { defaultValue: 'EUR', description: 'Registrations in this currency (values are never converted)' }) @CurrencyCode()
  currency: string;

  @Field(() => ID, { nullable: true, description: 'Vendor staff: one partner. Partners always get their own.' }) @IsOptional() @EntityId()
  organisationId?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId()
  programId?: string;

  @Field(() => ID, { nullable: true, description: 'Partners currently in this tier' }) @IsOptional() @EntityId()
  tierId?: string;
}

@ObjectType('DealMetrics', { description: 'Deal registration and lead figures for one group (definitions in docs/deals.md)' })
export class DealMetricsModel {
  @Field(() => String, { nullable: true, description: 'Partner, program or tier id, or YYYY-MM; null for all' }) key: string | null;
  @Field(() => String) label: string;
  @Field(() => Int) registrations: number;
  @Field(() => Int, { description: 'Submitted or waiting for information' }) pending: number;
  @Field(() => Int, { description: 'Approved at some point (approved, won, lost or expired now)' }) approved: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) won: number;
  @Field(() => Int) lost: number;
  @Field(() => Int) expired: number;
  @Field(() => String, { nullable: true, description: 'approved ÷ (approved + rejected), %; null when none was decided' }) approvalRate: string | null;
  @Field(() => String, { nullable: true, description: 'Median hours from (last) submission to approval or rejection' }) medianHoursToDecision: string | null;
  @Field(() => String, { nullable: true, description: 'won ÷ (won + lost + expired), %' }) winRate: string | null;
  @Field(() => String, { nullable: true, description: 'Mean first-year value (MRR × 12 + one-time) of won deals' }) averageWonValue: string | null;
  @Field(() => String, { description: 'First-year value of registrations still pending or approved' }) pipelineValue: string;
  @Field(() => Int) leadsAssigned: number;
  @Field(() => Int) leadsAccepted: number;
  @Field(() => String, { nullable: true, description: 'accepted ÷ (accepted + declined + lapsed), %' }) leadAcceptanceRate: string | null;
  @Field(() => String, { nullable: true, description: 'Median hours from assignment to accept/decline' }) medianLeadResponseHours: string | null;
}

@Resolver()
export class DealMetricsResolver {
  constructor(private readonly metrics: DealMetricsService) {}

  @Query(() => [DealMetricsModel], { description: 'Deal registration metrics per partner, program, tier or month' })
  @AllowAuthenticated()
  dealMetrics(@Ctx() ctx: RequestContext, @Args('input') input: DealMetricsInput): Promise<DealMetricsModel[]> {
    return this.metrics.metrics(ctx, input);
  }
}
