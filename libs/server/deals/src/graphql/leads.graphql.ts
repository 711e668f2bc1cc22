import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, CountryCode, CurrencyCode, EmailAddress, EntityId, IdArgs, MoneyAmount, Text, trim, WebAddress } from '@prm/server/core';
import { Transform } from 'class-transformer';
import { CsvRowErrorModel } from './deals.models';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export enum LeadStatus {
  OPEN = 'OPEN',
  ASSIGNED = 'ASSIGNED',
  ACCEPTED = 'ACCEPTED',
  CLOSED = 'CLOSED',
}
registerEnumType(LeadStatus, { name: 'LeadStatus' });

@InputType()
export class CreateLeadInput {
  @Field(() => String) @Text(200)
  companyName: string;

  @Field(() => String, { nullable: true }) @IsOptional() @WebAddress()
  website?: string;

  @Field(() => String) @CountryCode()
  country: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(100)
  city?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(200)
  contactName?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @EmailAddress()
  contactEmail?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @Matches(/^\+?[0-9 ()./-]{6,40}$/, { message: 'Enter a phone number such as +31 20 123 4567.' })
  contactPhone?: string;

  @Field(() => ID, { nullable: true, description: 'Only partners in this program are chosen by the routing rule' }) @IsOptional() @EntityId()
  programId?: string;

  @Field(() => [ID], { nullable: true, description: 'Products of interest; they become the draft registration’s product lines' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'Not a valid id.' })
  productIds?: string[];

  @Field(() => String, { defaultValue: 'EUR' }) @CurrencyCode()
  currency: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MoneyAmount()
  estimatedMrr?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(4000)
  notes?: string;

  @Field(() => ID, { nullable: true, description: 'Assign at once to this partner' }) @IsOptional() @EntityId()
  assignTo?: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Assign at once by the routing rule' }) @IsBoolean()
  assignByRule: boolean;
}

@InputType()
export class LeadFilter {
  @Field(() => [LeadStatus], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(4)
  statuses?: LeadStatus[];

  @Field(() => ID, { nullable: true, description: 'Vendor staff: leads assigned to this partner' }) @IsOptional() @EntityId()
  organisationId?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  search?: string;
}

@ArgsType()
export class AssignLeadArgs extends IdArgs {
  @Field(() => ID, { nullable: true, description: 'Left out: the routing rule chooses (country, program, tier weight)' }) @IsOptional() @EntityId()
  organisationId?: string;
}

@ArgsType()
export class WithdrawLeadArgs extends IdArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Close the lead instead of returning it to the pool' }) @IsBoolean()
  close: boolean;
}

@InputType()
export class ImportLeadsInput {
  @Field(() => String, { description: 'CSV with a header row: company_name, country (required), website, city, contact_name, contact_email, contact_phone, notes' })
  @IsString() @MaxLength(5_000_000, { message: 'The file is too large (at most 5 MB).' })
  csv: string;

  @Field(() => Boolean, { defaultValue: false }) @IsBoolean()
  importValidRows: boolean;
}

@ObjectType('LeadAssignment')
export class LeadAssignmentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => String, { description: 'MANUAL or RULE' }) method: string;
  @Field(() => GraphQLISODateTime) assignedAt: Date;
  @Field(() => GraphQLISODateTime) respondBy: Date;
  @Field(() => String, { nullable: true, description: 'ACCEPTED, DECLINED, LAPSED, WITHDRAWN; null while waiting' }) outcome: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) outcomeAt: Date | null;
  @Field(() => String, { nullable: true }) declineReason: string | null;
  @Field(() => Int, { nullable: true, description: 'Seconds from assignment to the partner’s answer' }) responseSeconds: number | null;
}

@ObjectType('Lead')
export class LeadModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Shown as L-<number>' }) number: number;
  @Field(() => LeadStatus) status: LeadStatus;
  @Field(() => String) companyName: string;
  @Field(() => String, { nullable: true }) domain: string | null;
  @Field(() => String) country: string;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => String, { nullable: true }) contactName: string | null;
  @Field(() => String, { nullable: true }) contactEmail: string | null;
  @Field(() => String, { nullable: true }) contactPhone: string | null;
  @Field(() => ID, { nullable: true }) programId: string | null;
  @Field(() => [ID]) productIds: string[];
  @Field(() => String) currency: string;
  @Field(() => String) estimatedMrr: string;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => String, { description: 'MANUAL or IMPORT' }) source: string;
  @Field(() => ID, { nullable: true }) assignedOrganisationId: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Answer before this, or the lead returns to the pool' }) respondBy: Date | null;
  @Field(() => ID, { nullable: true, description: 'The draft registration made when the lead was accepted' }) registrationId: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType()
export class LeadConnection extends ConnectionType(LeadModel, 'Lead') {}

@ObjectType('LeadImportReport')
export class LeadImportReportModel {
  @Field(() => Int) rows: number;
  @Field(() => Int) imported: number;
  @Field(() => Int) rejected: number;
  @Field(() => [CsvRowErrorModel]) errors: CsvRowErrorModel[];
  @Field(() => Boolean) applied: boolean;
}
