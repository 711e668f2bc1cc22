import { Field, ID, InputType, Int, PartialType, registerEnumType } from '@nestjs/graphql';
import { CalendarDate, CountryCode, CurrencyCode, EmailAddress, EntityId, MoneyAmount, OptionalNotNull, Text, trim, upper, WebAddress } from '@prm/server/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export enum SalesStage {
  PROSPECTING = 'PROSPECTING',
  QUALIFIED = 'QUALIFIED',
  PROPOSAL = 'PROPOSAL',
  NEGOTIATION = 'NEGOTIATION',
  COMMIT = 'COMMIT',
}
registerEnumType(SalesStage, { name: 'SalesStage' });

export enum ProductPricing {
  RECURRING = 'RECURRING',
  ONE_TIME = 'ONE_TIME',
}
registerEnumType(ProductPricing, { name: 'ProductPricing' });

const Phone = (): PropertyDecorator => (target: object, key: string | symbol) => {
  Transform(trim)(target, key);
  Matches(/^\+?[0-9 ()./-]{6,40}$/, { message: 'Enter a phone number such as +31 20 123 4567.' })(target, key);
};

@InputType()
export class DealProductLineInput {
  @Field(() => ID) @EntityId()
  productId: string;

  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(1) @Max(1_000_000)
  quantity = 1;
}

@InputType()
export class CreateDealRegistrationInput {
  @Field(() => ID, { nullable: true, description: 'The program to register under; may be left out when the partner is in one program' })
  @IsOptional() @EntityId()
  programId?: string;

  @Field(() => String) @Text(200)
  customerName: string;

  @Field(() => String, { nullable: true, description: 'Website or domain of the end customer; required to submit' })
  @IsOptional() @WebAddress()
  customerWebsite?: string;

  @Field(() => String) @CountryCode()
  customerCountry: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(100)
  customerCity?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(200)
  contactName?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @EmailAddress()
  contactEmail?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Phone()
  contactPhone?: string;

  @Field(() => [DealProductLineInput]) @ArrayMinSize(1, { message: 'Choose at least one product.' }) @ArrayMaxSize(20)
  @ValidateNested({ each: true }) @Type(() => DealProductLineInput)
  products: DealProductLineInput[];

  // Defaults come from the schema (defaultValue), not from property initializers: the update input
  // below inherits initializers, and an edit that leaves a field out must keep the stored value.
  @Field(() => String, { defaultValue: 'EUR' }) @CurrencyCode()
  currency: string;

  @Field(() => String, { nullable: true, description: 'Estimated monthly recurring revenue, e.g. "1250.00"' })
  @IsOptional() @MoneyAmount()
  estimatedMrr?: string;

  @Field(() => String, { nullable: true, description: 'Estimated one-time amount, e.g. "5000.00"' })
  @IsOptional() @MoneyAmount()
  estimatedOneTime?: string;

  @Field(() => String, { description: 'YYYY-MM-DD, today or later' }) @CalendarDate()
  expectedCloseDate: string;

  @Field(() => SalesStage) @IsEnum(SalesStage)
  salesStage: SalesStage;

  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(4000)
  notes?: string;

  @Field(() => Boolean, { defaultValue: false, description: 'The deal came from a lead the vendor passed on' }) @IsBoolean()
  fromVendorLead: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Submit at once instead of keeping a draft' }) @IsBoolean()
  submit: boolean;
}

/** Every field optional and without defaults: a field left out keeps its stored value. */
@InputType()
export class UpdateDealRegistrationInput extends PartialType(CreateDealRegistrationInput, { decorator: InputType, omitDefaultValues: true }) {}

@InputType()
export class DealConflictCheckInput {
  @Field(() => String) @Text(200)
  customerName: string;

  @Field(() => String, { nullable: true }) @IsOptional() @WebAddress()
  customerWebsite?: string;

  @Field(() => String) @CountryCode()
  customerCountry: string;

  @Field(() => ID, { nullable: true, description: 'The registration being edited, left out of the matches' }) @IsOptional() @EntityId()
  registrationId?: string;
}

@InputType()
export class MarkDealWonInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MoneyAmount()
  actualMrr?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MoneyAmount()
  actualOneTime?: string;

  @Field(() => String, { description: 'YYYY-MM-DD, not in the future' }) @CalendarDate()
  closeDate: string;
}

@InputType()
export class DealRegistrationFilter {
  @Field(() => [String], { nullable: true, description: 'Statuses to include' })
  @IsOptional() @IsArray() @ArrayMaxSize(8) @IsString({ each: true })
  // Also accepts "APPROVED,WON" (a CSV export URL) as well as a list.
  @Transform(({ value }) => {
    const list: unknown = typeof value === 'string' ? value.split(',') : value;
    return Array.isArray(list) ? list.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : list;
  })
  statuses?: string[];

  @Field(() => ID, { nullable: true, description: 'Vendor roles only; partners always see their own organisation' }) @IsOptional() @EntityId()
  organisationId?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId()
  programId?: string;

  @Field(() => String, { nullable: true, description: 'Customer name or domain contains' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  search?: string;
}

@InputType()
export class CreateProductInput {
  @Field(() => String) @Transform(upper) @Matches(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, { message: 'Use 1–40 letters, digits, dots, dashes or underscores.' })
  sku: string;

  @Field(() => String) @Text(120)
  name: string;

  @Field(() => String) @Text(60)
  productLine: string;

  @Field(() => ProductPricing) @IsEnum(ProductPricing)
  pricing: ProductPricing;

  @Field(() => String, { description: 'List price per unit (per month for recurring products)' }) @MoneyAmount()
  listPrice: string;

  @Field(() => String, { defaultValue: 'EUR' }) @CurrencyCode()
  currency = 'EUR';
}

/** Fields left out keep their value; null is refused (the columns are NOT NULL). */
@InputType()
export class UpdateProductInput {
  @Field(() => String, { nullable: true }) @OptionalNotNull() @Text(120)
  name?: string;

  @Field(() => String, { nullable: true }) @OptionalNotNull() @MoneyAmount()
  listPrice?: string;

  @Field(() => Boolean, { nullable: true }) @OptionalNotNull() @IsBoolean()
  active?: boolean;
}

@InputType()
export class DealRulesInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(730)
  protectionDays?: number;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10)
  maxExtensions?: number;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(365)
  extensionDays?: number;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(30)
  reviewSlaBusinessDays?: number;

  @Field(() => String, { nullable: true, description: 'Minimum first-year value (MRR × 12 + one-time)' }) @IsOptional() @MoneyAmount()
  minimumValue?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @CurrencyCode()
  minimumValueCurrency?: string;

  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean()
  allowHouseAccounts?: boolean;
}

@InputType()
export class CreateHouseAccountInput {
  @Field(() => String) @Text(200)
  companyName: string;

  @Field(() => String, { nullable: true }) @IsOptional() @WebAddress()
  website?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @CountryCode()
  country?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(500)
  notes?: string;
}

@InputType()
export class ImportHouseAccountsInput {
  @Field(() => String, { description: 'CSV with a header row: company_name, website, country, notes' })
  @IsString() @MaxLength(5_000_000, { message: 'The file is too large (at most 5 MB).' })
  csv: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Import the valid rows even when other rows have errors' }) @IsBoolean()
  importValidRows = false;
}
