import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@prm/server/core';
import { ProductPricing, SalesStage } from './deals.inputs';

export enum DealStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  MORE_INFO_REQUESTED = 'MORE_INFO_REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WON = 'WON',
  LOST = 'LOST',
  EXPIRED = 'EXPIRED',
}
registerEnumType(DealStatus, { name: 'DealStatus' });

export enum ConflictSource {
  OTHER_PARTNER = 'OTHER_PARTNER',
  HOUSE_ACCOUNT = 'HOUSE_ACCOUNT',
  OWN_REGISTRATION = 'OWN_REGISTRATION',
}
registerEnumType(ConflictSource, { name: 'ConflictSource' });

@ObjectType('Product')
export class ProductModel {
  @Field(() => ID) id: string;
  @Field(() => String) sku: string;
  @Field(() => String) name: string;
  @Field(() => String) productLine: string;
  @Field(() => ProductPricing) pricing: ProductPricing;
  @Field(() => String, { description: 'Per unit; per month for recurring products' }) listPrice: string;
  @Field(() => String) currency: string;
  @Field(() => Boolean) active: boolean;
}

@ObjectType('DealRules', { description: 'Rules of engagement of a program, shown to partners on the registration form' })
export class DealRulesModel {
  @Field(() => ID) programId: string;
  @Field(() => Int) protectionDays: number;
  @Field(() => Int) maxExtensions: number;
  @Field(() => Int) extensionDays: number;
  @Field(() => Int) reviewSlaBusinessDays: number;
  @Field(() => String, { description: 'Minimum first-year value (MRR × 12 + one-time); 0 means none' }) minimumValue: string;
  @Field(() => String) minimumValueCurrency: string;
  @Field(() => Boolean) allowHouseAccounts: boolean;
  @Field(() => [Int], { description: 'Days before the protection ends on which the partner is reminded' }) reminderDays: number[];
}

@ObjectType('HouseAccount')
export class HouseAccountModel {
  @Field(() => ID) id: string;
  @Field(() => String) companyName: string;
  @Field(() => String, { nullable: true }) domain: string | null;
  @Field(() => String, { nullable: true }) country: string | null;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType()
export class HouseAccountConnection extends ConnectionType(HouseAccountModel, 'HouseAccount') {}

@ObjectType('CsvRowError')
export class CsvRowErrorModel {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1)' }) row: number;
  @Field(() => String) column: string;
  @Field(() => String) message: string;
}

@ObjectType('HouseAccountImportReport')
export class HouseAccountImportReportModel {
  @Field(() => Int) rows: number;
  @Field(() => Int) imported: number;
  @Field(() => Int, { description: 'Rows whose domain was already a house account (updated)' }) updated: number;
  @Field(() => Int) rejected: number;
  @Field(() => [CsvRowErrorModel]) errors: CsvRowErrorModel[];
  @Field(() => Boolean, { description: 'False when nothing was written because of errors' }) applied: boolean;
}

@ObjectType('DealProductLine')
export class DealProductLineModel {
  @Field(() => ID) productId: string;
  @Field(() => String) sku: string;
  @Field(() => String) name: string;
  @Field(() => String) productLine: string;
  @Field(() => Int) quantity: number;
}

@ObjectType('DealEvent', { description: 'One step of a registration’s timeline' })
export class DealEventModel {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => String) type: string;
  @Field(() => DealStatus, { nullable: true }) fromStatus: DealStatus | null;
  @Field(() => DealStatus, { nullable: true }) toStatus: DealStatus | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true, description: 'Who did it (name), or null for the system' }) actorName: string | null;
  @Field(() => String, { nullable: true, description: 'Vendor or partner side' }) actorSide: string | null;
}

@ObjectType('DealRegistration')
export class DealRegistrationModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Human reference, shown as DR-<number>' }) number: number;
  @Field(() => ID) organisationId: string;
  @Field(() => ID) programId: string;
  @Field(() => ID) registeredByUserId: string;
  @Field(() => DealStatus) status: DealStatus;
  @Field(() => String) customerName: string;
  @Field(() => String, { nullable: true }) customerDomain: string | null;
  @Field(() => String) customerCountry: string;
  @Field(() => String, { nullable: true }) customerCity: string | null;
  @Field(() => String, { nullable: true }) contactName: string | null;
  @Field(() => String, { nullable: true }) contactEmail: string | null;
  @Field(() => String, { nullable: true }) contactPhone: string | null;
  @Field(() => String) currency: string;
  @Field(() => String) estimatedMrr: string;
  @Field(() => String) estimatedOneTime: string;
  @Field(() => String, { description: 'MRR × 12 + one-time' }) estimatedFirstYearValue: string;
  @Field(() => String) expectedCloseDate: string;
  @Field(() => SalesStage) salesStage: SalesStage;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => Boolean) fromVendorLead: boolean;
  @Field(() => Boolean, { description: 'Needs review because of a possible conflict (no details are given to partners)' })
  possibleConflict: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Review SLA: decide by' }) reviewDueAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Reason for rejection, loss, or what information is needed' }) decisionReason: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) approvedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) protectionEndsAt: Date | null;
  @Field(() => Int) extensionsUsed: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set while an extension request waits for a decision' }) extensionRequestedAt: Date | null;
  @Field(() => String, { nullable: true }) extensionReason: string | null;
  @Field(() => String, { nullable: true }) actualMrr: string | null;
  @Field(() => String, { nullable: true }) actualOneTime: string | null;
  @Field(() => String, { nullable: true }) actualCloseDate: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

@ObjectType()
export class DealRegistrationConnection extends ConnectionType(DealRegistrationModel, 'DealRegistration') {}

@ObjectType('DealConflict', { description: 'A possible conflict, for reviewers: what matched and why' })
export class DealConflictModel {
  @Field(() => ConflictSource) source: ConflictSource;
  @Field(() => Int, { description: '0–100' }) score: number;
  @Field(() => [String], { description: 'SAME_DOMAIN, SAME_NAME, SIMILAR_NAME, SAME_COUNTRY, OTHER_COUNTRY' }) reasons: string[];
  @Field(() => String, { description: 'Trigram similarity of the normalised names, 0–1' }) nameSimilarity: string;
  @Field(() => ID, { nullable: true }) registrationId: string | null;
  @Field(() => Int, { nullable: true }) registrationNumber: number | null;
  @Field(() => DealStatus, { nullable: true }) registrationStatus: DealStatus | null;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => String, { nullable: true }) organisationName: string | null;
  @Field(() => ID, { nullable: true }) houseAccountId: string | null;
  @Field(() => String) customerName: string;
  @Field(() => String, { nullable: true }) customerDomain: string | null;
  @Field(() => String, { nullable: true }) customerCountry: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) protectionEndsAt: Date | null;
}

@ObjectType('DealConflictCheck')
export class DealConflictCheckModel {
  @Field(() => [DealConflictModel], { description: 'Partners see only their own earlier registrations here' }) matches: DealConflictModel[];
  @Field(() => String, { nullable: true, description: 'The normalised domain that was compared' }) domain: string | null;
  @Field(() => String, { description: 'The normalised company name that was compared' }) normalisedName: string;
}
