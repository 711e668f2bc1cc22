import { applyDecorators } from '@nestjs/common';
import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { CountryCode, CurrencyCode, EmailAddress, EntityId, OptionalNotNull, Role, Text, trim, upper, WebAddress } from '@prm/server/core';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { Language, OrganisationStatus, UserStatus } from '../models/identity.models';

const VatNumber = (): PropertyDecorator =>
  applyDecorators(Transform(upper), Matches(/^[A-Z]{2}[A-Z0-9]{2,13}$/, { message: 'Enter a VAT number such as NL123456789B01.' }));

@InputType()
export class LoginInput {
  @Field(() => String) @EmailAddress()
  email: string;

  @Field(() => String) @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}

export const PASSWORD_RULE = { min: 10, max: 200 };

@InputType()
export class AcceptInvitationInput {
  @Field(() => String) @IsString() @Length(20, 200)
  token: string;

  @Field(() => String) @Text(200)
  name: string;

  @Field(() => String) @IsString() @Length(PASSWORD_RULE.min, PASSWORD_RULE.max, { message: `The password needs ${PASSWORD_RULE.min} to ${PASSWORD_RULE.max} characters.` })
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) @IsString() @MaxLength(200)
  currentPassword: string;

  @Field(() => String) @IsString() @Length(PASSWORD_RULE.min, PASSWORD_RULE.max, { message: `The password needs ${PASSWORD_RULE.min} to ${PASSWORD_RULE.max} characters.` })
  newPassword: string;
}

@InputType()
export class InviteUserInput {
  @Field(() => String) @EmailAddress()
  email: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(200)
  name?: string;

  @Field(() => Role) @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Defaults to the inviter’s own organisation' })
  @IsOptional() @EntityId()
  organisationId?: string;
}

@InputType()
export class CreatePartnerInput {
  @Field(() => String) @Text(200)
  name: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(200)
  legalName?: string;

  @Field(() => String) @CountryCode()
  country: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(100)
  city?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @WebAddress()
  website?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @VatNumber()
  vatNumber?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(60)
  segment?: string;

  @Field(() => Language, { nullable: true }) @IsOptional() @IsEnum(Language)
  preferredLanguage?: Language;

  @Field(() => String, { nullable: true }) @IsOptional() @CurrencyCode()
  currency?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId()
  channelManagerId?: string;
}

@InputType()
export class UpdatePartnerInput {
  @Field(() => String, { nullable: true }) @OptionalNotNull() @Text(200)
  name?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(200)
  legalName?: string;

  @Field(() => String, { nullable: true }) @OptionalNotNull() @CountryCode()
  country?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(100)
  city?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @WebAddress()
  website?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @VatNumber()
  vatNumber?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(60)
  segment?: string;

  @Field(() => Language, { nullable: true }) @OptionalNotNull() @IsEnum(Language)
  preferredLanguage?: Language;

  @Field(() => String, { nullable: true }) @OptionalNotNull() @CurrencyCode()
  currency?: string;

  @Field(() => OrganisationStatus, { nullable: true }) @OptionalNotNull() @IsEnum(OrganisationStatus)
  status?: OrganisationStatus;

  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId()
  channelManagerId?: string;
}

/** What a partner admin may change about their own organisation (name, status and manager stay with the vendor). */
@InputType()
export class UpdateOrganisationProfileInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Text(200)
  legalName?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Text(100)
  city?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @WebAddress()
  website?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @VatNumber()
  vatNumber?: string;

  @Field(() => Language, { nullable: true }) @OptionalNotNull() @IsEnum(Language)
  preferredLanguage?: Language;
}

@InputType()
export class PartnerFilter {
  @Field(() => String, { nullable: true, description: 'Matches name, legal name, city or domain' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  search?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId()
  programId?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId()
  tierId?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @CountryCode()
  country?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId()
  channelManagerId?: string;

  @Field(() => OrganisationStatus, { nullable: true }) @IsOptional() @IsEnum(OrganisationStatus)
  status?: OrganisationStatus;
}

@InputType()
export class UserFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId()
  organisationId?: string;

  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role)
  role?: Role;

  @Field(() => UserStatus, { nullable: true }) @IsOptional() @IsEnum(UserStatus)
  status?: UserStatus;

  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  search?: string;
}

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId()
  actorUserId?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100)
  entityType?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100)
  entityId?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100)
  operation?: string;

  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate()
  to?: Date;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String) @Text(100)
  name: string;

  @Field(() => Role) @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Defaults to the caller’s own organisation' })
  @IsOptional() @EntityId()
  organisationId?: string;
}
