import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CalendarDate, ConnectionType, CountryCode, CurrencyCode, EntityId, PageArgs, Text, trim, upper } from '@prm/server/core';
import { CsvRowErrorModel } from '@prm/server/deals';
import { OrganisationModel } from '@prm/server/identity';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { EVENT_KINDS } from '../services/ledger.types';
import { LEADERBOARD_SORTS } from '../services/revenue-reports.service';

export enum SubscriptionEventKind {
  START = 'START',
  CHANGE = 'CHANGE',
  PAUSE = 'PAUSE',
  RESUME = 'RESUME',
  CANCEL = 'CANCEL',
  RENEW = 'RENEW',
}
registerEnumType(SubscriptionEventKind, { name: 'SubscriptionEventKind' });

export enum RevenueLeaderboardSort {
  ARR = 'ARR',
  MRR_GROWTH = 'MRR_GROWTH',
  NRR = 'NRR',
  GRR = 'GRR',
  LOGO_CHURN = 'LOGO_CHURN',
  CUSTOMERS = 'CUSTOMERS',
  NAME = 'NAME',
}
registerEnumType(RevenueLeaderboardSort, { name: 'RevenueLeaderboardSort' });

export enum RevenueGroupBy {
  TIER = 'TIER',
  PROGRAM = 'PROGRAM',
}
registerEnumType(RevenueGroupBy, { name: 'RevenueGroupBy' });

// Compile-time guards: the GraphQL enums list exactly the service's values.
const _kinds: readonly `${SubscriptionEventKind}`[] = EVENT_KINDS;
const _sorts: readonly `${RevenueLeaderboardSort}`[] = LEADERBOARD_SORTS;
void _kinds;
void _sorts;

const AMOUNT = /^\d{1,15}(\.\d{1,4})?$/;
const Amount = (): PropertyDecorator => (target: object, key: string | symbol) => {
  Transform(trim)(target, key);
  IsString()(target, key);
  Matches(AMOUNT, { message: 'Enter an amount such as 99.90 (not negative).' })(target, key);
};

// ---- inputs ----

@InputType()
export class CreateRevenueCustomerInput {
  @Field(() => String) @Text(200) name: string;
  @Field(() => String, { nullable: true, description: "The billing system's id for the customer" }) @IsOptional() @Text(100) externalId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(253) domain?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @CountryCode() country?: string;
  @Field(() => ID, { description: 'Partner of record' }) @EntityId() organisationId: string;
  @Field(() => String, { nullable: true, description: 'First day with this partner (default today)' }) @IsOptional() @CalendarDate() since?: string;
}

@InputType()
export class TransferRevenueCustomerInput {
  @Field(() => ID) @EntityId() customerId: string;
  @Field(() => ID, { description: 'The new partner of record' }) @EntityId() organisationId: string;
  @Field(() => String, { description: 'First day with the new partner (today or earlier)' }) @CalendarDate() effectiveFrom: string;
}

@InputType({ description: 'One subscription event; START creates the subscription, the other kinds change only what they give' })
export class SubscriptionEventInput {
  @Field(() => SubscriptionEventKind) @IsEnum(SubscriptionEventKind) kind: SubscriptionEventKind;
  @Field(() => String, { nullable: true, description: "Sender's event id: a retry with the same id is applied once" })
  @IsOptional() @Text(200) eventId?: string;
  @Field(() => ID, { nullable: true, description: 'START: the customer' }) @IsOptional() @EntityId() customerId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(100) customerExternalId?: string;
  @Field(() => ID, { nullable: true, description: 'Every kind but START: the subscription' }) @IsOptional() @EntityId() subscriptionId?: string;
  @Field(() => String, { nullable: true, description: "The billing system's subscription id" }) @IsOptional() @Text(100) subscriptionExternalId?: string;
  @Field(() => ID, { nullable: true, description: 'START: a recurring product from the catalogue' }) @IsOptional() @EntityId() productId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(40) productSku?: string;
  @Field(() => String, { description: 'YYYY-MM-DD the change takes effect; for CANCEL the day the customer cancelled' }) @CalendarDate() effectiveDate: string;
  @Field(() => String, { nullable: true, description: 'TRIAL or ACTIVE (START, or CHANGE to convert a trial)' })
  @IsOptional() @Transform(upper) @IsIn(['TRIAL', 'ACTIVE'], { message: 'Use TRIAL or ACTIVE.' }) status?: 'TRIAL' | 'ACTIVE';
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) quantity?: number;
  @Field(() => String, { nullable: true, description: 'Price of one unit per billing interval, without tax ("99.90")' }) @IsOptional() @Amount() unitPrice?: string;
  @Field(() => Int, { nullable: true, description: 'Months per billing interval: 1, 3, 12, 24, 36 …' }) @IsOptional() @IsInt() @Min(1) @Max(120) intervalMonths?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @CurrencyCode() currency?: string;
  @Field(() => String, { nullable: true, description: 'Percentage off each invoice ("15" or "12.5")' }) @IsOptional() @Amount() discountPercent?: string;
  @Field(() => String, { nullable: true, description: 'Amount off each invoice, in the subscription currency' }) @IsOptional() @Amount() discountAmount?: string;
  @Field(() => String, { nullable: true, description: 'First day the discount no longer applies' }) @IsOptional() @CalendarDate() discountEndsOn?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() removeDiscount?: boolean;
  @Field(() => String, { nullable: true, description: 'Last day the customer has paid for' }) @IsOptional() @CalendarDate() paidThrough?: string;
  @Field(() => String, { nullable: true, description: 'Last day of the contract term (RENEW: of the new term)' }) @IsOptional() @CalendarDate() termEndsOn?: string;
  @Field(() => String, { nullable: true, description: 'CANCEL: the day the customer cancelled (default effectiveDate)' }) @IsOptional() @CalendarDate() cancelledOn?: string;
}

@InputType()
export class RevenueCsvImportInput {
  @Field(() => String) @IsString() @MaxLength(6_000_000) csv: string;
  @Field(() => Boolean, { defaultValue: false, description: 'Apply the valid rows and report the others (default: all or nothing)' })
  @IsBoolean() importValidRows: boolean;
}

@InputType()
export class ExchangeRateInput {
  @Field(() => String) @CurrencyCode() currency: string;
  @Field(() => String, { description: 'First day the rate applies' }) @CalendarDate() validFrom: string;
  @Field(() => String, { description: 'Base-currency units for one unit of the currency ("0.9215")' })
  @Transform(trim) @IsString() @Matches(/^\d{1,14}(\.\d{1,10})?$/, { message: 'Enter a positive rate such as 0.9215.' }) rate: string;
}

@InputType()
export class RevenueCustomerFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) search?: string;
}

@InputType()
export class RevenueLeaderboardFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() programId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() tierId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @CountryCode() country?: string;
  @Field(() => ID, { nullable: true, description: 'Partners managed by this channel manager' }) @IsOptional() @EntityId() channelManagerId?: string;
}

@ArgsType()
export class RevenueLeaderboardArgs extends PageArgs {
  @Field(() => RevenueLeaderboardSort, { defaultValue: RevenueLeaderboardSort.ARR }) @IsEnum(RevenueLeaderboardSort) sort: RevenueLeaderboardSort;
  @Field(() => Boolean, { defaultValue: true }) @IsBoolean() descending: boolean;
  @Field(() => String, { nullable: true, description: 'Any day of the month (default: this month)' }) @IsOptional() @CalendarDate() month?: string;
}

@ArgsType()
export class RevenuePartnerArgs {
  @Field(() => ID, { nullable: true, description: 'Vendor staff: one partner (none: the whole vendor). Partners: their own.' })
  @IsOptional() @EntityId() organisationId?: string;
}

@ArgsType()
export class RevenueScopeArgs extends RevenuePartnerArgs {
  @Field(() => String, { nullable: true, description: 'Any day of the month (default: this month)' }) @IsOptional() @CalendarDate() month?: string;
}

@ArgsType()
export class RevenueGroupArgs {
  @Field(() => RevenueGroupBy) @IsEnum(RevenueGroupBy) groupBy: RevenueGroupBy;
  @Field(() => String, { nullable: true, description: 'Any day of the month (default: this month)' }) @IsOptional() @CalendarDate() month?: string;
}

@InputType()
export class RevenueMovementFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => String, { nullable: true, description: 'Any day of the month' }) @IsOptional() @CalendarDate() month?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(upper)
  @IsIn(['NEW', 'EXPANSION', 'CONTRACTION', 'CHURN', 'REACTIVATION', 'TRANSFER_IN', 'TRANSFER_OUT'], { message: 'Not a movement kind.' }) kind?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() customerId?: string;
}

// ---- models ----

@ObjectType('RevenuePartnerOfRecord')
export class PartnerOfRecordModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => OrganisationModel, { nullable: true }) organisation?: OrganisationModel | null;
  @Field(() => String) effectiveFrom: string;
}

@ObjectType('SubscriptionEvent')
export class SubscriptionEventModel {
  @Field(() => ID) id: string;
  @Field(() => ID) subscriptionId: string;
  @Field(() => SubscriptionEventKind) kind: SubscriptionEventKind;
  @Field(() => String, { description: 'When the new terms apply (for CANCEL: the end of the paid period)' }) effectiveDate: string;
  @Field(() => String) recordedOn: string;
  @Field(() => String) status: string;
  @Field(() => Int) quantity: number;
  @Field(() => String) unitPrice: string;
  @Field(() => Int) intervalMonths: number;
  @Field(() => String) currency: string;
  @Field(() => String, { nullable: true }) discountPercent: string | null;
  @Field(() => String, { nullable: true }) discountAmount: string | null;
  @Field(() => String, { nullable: true }) discountEndsOn: string | null;
  @Field(() => String, { nullable: true }) paidThrough: string | null;
  @Field(() => String, { nullable: true }) termEndsOn: string | null;
  @Field(() => String, { nullable: true }) cancelledOn: string | null;
  @Field(() => Boolean) earlyRenewal: boolean;
  @Field(() => String) source: string;
  @Field(() => String, { nullable: true }) externalEventId: string | null;
  @Field(() => Date) recordedAt: Date;
  @Field(() => String, { description: 'MRR under these terms on the effective date' }) mrr: string;
}

@ObjectType('RecordedSubscriptionEvent')
export class RecordedEventModel {
  @Field(() => SubscriptionEventModel) event: SubscriptionEventModel;
  @Field(() => Boolean, { description: 'True when this event id was seen before; nothing changed' }) duplicate: boolean;
}

@ObjectType('Subscription')
export class SubscriptionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) customerId: string;
  @Field(() => ID) productId: string;
  @Field(() => String, { nullable: true }) productName?: string | null;
  @Field(() => String, { nullable: true }) externalId: string | null;
  @Field(() => String, { description: 'Status today' }) status: string;
  @Field(() => String) currency: string;
  @Field(() => String, { description: 'MRR today' }) mrr: string;
  @Field(() => String, { nullable: true }) termEndsOn: string | null;
  @Field(() => [SubscriptionEventModel], { description: 'Every event, oldest first' }) events: SubscriptionEventModel[];
}

@ObjectType('RevenueCustomer')
export class RevenueCustomerModel {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) externalId: string | null;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) domain: string | null;
  @Field(() => String, { nullable: true }) country: string | null;
  @Field(() => ID, { description: 'Current partner of record' }) organisationId: string;
  @Field(() => Date) createdAt: Date;
}

@ObjectType()
export class RevenueCustomerConnection extends ConnectionType(RevenueCustomerModel, 'RevenueCustomer') {}

@ObjectType('RevenueTrendPoint')
export class TrendPointModel {
  @Field(() => String) month: string;
  @Field(() => String) mrr: string;
  @Field(() => String) arr: string;
  @Field(() => Int) customers: number;
}

@ObjectType('MrrWaterfall', { description: 'How MRR moved in the month, in the base currency; opening + the movements = closing' })
export class WaterfallModel {
  @Field(() => String) opening: string;
  @Field(() => String) new: string;
  @Field(() => String) expansion: string;
  @Field(() => String) contraction: string;
  @Field(() => String) churn: string;
  @Field(() => String) reactivation: string;
  @Field(() => String) transferIn: string;
  @Field(() => String) transferOut: string;
  @Field(() => String, { description: 'Change from exchange rates alone' }) fx: string;
  @Field(() => String) closing: string;
}

@ObjectType('RenewalDue')
export class RenewalModel {
  @Field(() => ID) subscriptionId: string;
  @Field(() => ID) customerId: string;
  @Field(() => String) customerName: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID) productId: string;
  @Field(() => String) termEndsOn: string;
  @Field(() => Int) daysLeft: number;
  @Field(() => String) mrr: string;
  @Field(() => String) currency: string;
}

@ObjectType('RevenueSummary', { description: 'Recurring revenue of one partner (or the vendor) for a month; definitions in docs/metrics.md' })
export class RevenueSummaryModel {
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => String) month: string;
  @Field(() => String) currency: string;
  @Field(() => String) mrr: string;
  @Field(() => String) arr: string;
  @Field(() => Int) customers: number;
  @Field(() => String, { nullable: true, description: 'Trailing-12-month net revenue retention, %; null without a cohort' }) nrr: string | null;
  @Field(() => String, { nullable: true }) grr: string | null;
  @Field(() => String, { description: 'MRR 12 months ago of the customers NRR follows' }) cohortStartMrr: string;
  @Field(() => String, { nullable: true, description: 'Customers lost in the 12 months ÷ customer-months at risk, %' }) logoChurnRate: string | null;
  @Field(() => String, { nullable: true, description: 'This month: (churn + contraction) ÷ opening MRR, %' }) grossMrrChurn: string | null;
  @Field(() => String, { nullable: true }) netMrrChurn: string | null;
  @Field(() => String, { nullable: true }) arpa: string | null;
  @Field(() => String, { nullable: true }) ltv: string | null;
  @Field(() => String, { nullable: true, description: 'Why LTV is undefined, when it is' }) ltvNote: string | null;
  @Field(() => [TrendPointModel]) trend: TrendPointModel[];
  @Field(() => WaterfallModel) waterfall: WaterfallModel;
}

@ObjectType('RevenueLeaderboardRow')
export class LeaderboardRowModel {
  @Field(() => ID) organisationId: string;
  @Field(() => String) name: string;
  @Field(() => String) country: string;
  @Field(() => String) mrr: string;
  @Field(() => String) arr: string;
  @Field(() => String, { nullable: true, description: 'MRR change over 12 months, %' }) mrrGrowth: string | null;
  @Field(() => String, { nullable: true }) nrr: string | null;
  @Field(() => String, { nullable: true }) grr: string | null;
  @Field(() => String, { nullable: true }) logoChurnRate: string | null;
  @Field(() => Int) customers: number;
}

@ObjectType('RevenueLeaderboard')
export class LeaderboardModel {
  @Field(() => String) month: string;
  @Field(() => String) currency: string;
  @Field(() => Int) totalCount: number;
  @Field(() => [LeaderboardRowModel]) rows: LeaderboardRowModel[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next rows' }) endCursor: string | null;
  @Field(() => Boolean) hasNextPage: boolean;
}

@ObjectType('RevenueGroupRollup')
export class GroupRollupModel {
  @Field(() => String) key: string;
  @Field(() => String) label: string;
  @Field(() => Int) partners: number;
  @Field(() => String) mrr: string;
  @Field(() => String) arr: string;
  @Field(() => Int) customers: number;
  @Field(() => String, { nullable: true }) nrr: string | null;
  @Field(() => String, { nullable: true }) grr: string | null;
  @Field(() => String, { nullable: true }) logoChurnRate: string | null;
}

@ObjectType('RevenueCohortQuarter')
export class CohortQuarterModel {
  @Field(() => Int, { description: 'Quarters after the start quarter' }) offset: number;
  @Field(() => String) mrr: string;
  @Field(() => String, { nullable: true, description: 'MRR as % of the start quarter' }) retention: string | null;
}

@ObjectType('RevenueCohort')
export class CohortModel {
  @Field(() => String) quarter: string;
  @Field(() => Int) partners: number;
  @Field(() => String) startMrr: string;
  @Field(() => [CohortQuarterModel]) quarters: CohortQuarterModel[];
}

@ObjectType('RevenueMovement')
export class MovementModel {
  @Field(() => ID) id: string;
  @Field(() => ID) customerId: string;
  @Field(() => String) customerName: string;
  @Field(() => ID) subscriptionId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => String) date: string;
  @Field(() => String) kind: string;
  @Field(() => String) currency: string;
  @Field(() => String) amount: string;
  @Field(() => String, { description: 'EVENT, DISCOUNT_END or TRANSFER' }) cause: string;
  @Field(() => ID, { nullable: true, description: 'The subscription event (or partner record) behind it' }) sourceId: string | null;
}

@ObjectType('RevenueMovementConnection')
export class MovementConnection extends ConnectionType(MovementModel, 'RevenueMovement') {}

@ObjectType('ExchangeRate')
export class ExchangeRateModel {
  @Field(() => String) currency: string;
  @Field(() => String) validFrom: string;
  @Field(() => String) rate: string;
}

@ObjectType('RevenueImportReport')
export class RevenueImportReportModel {
  @Field(() => Int) rows: number;
  @Field(() => Int) applied: number;
  @Field(() => Int) duplicates: number;
  @Field(() => [CsvRowErrorModel]) errors: CsvRowErrorModel[];
}
