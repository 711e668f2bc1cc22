import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, EmailAddress, EntityId, MoneyAmount, PageArgs, Text, trim } from '@prm/server/core';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

/** A percentage as text, up to 4 decimals; 0–100 is checked with the plan so each bad field is named. */
const Percentage = (): PropertyDecorator =>
  applyDecorators(Transform(trim), IsString(), Matches(/^\d{1,4}(\.\d{1,4})?$/, { message: 'Enter a percentage such as 12.5 (at most 4 decimals).' }));

// ---- plan rules ----

@InputType({ description: 'Rewards for recurring-revenue outcomes; give at least one. Amounts in the plan’s currency (the revenue base currency).' })
export class RetentionRulesInput {
  @Field(() => String, { nullable: true, description: 'Trailing-12-month NRR (%) at or above which the NRR reward is earned, e.g. 105' }) @IsOptional() @Percentage() nrrThreshold?: string;
  @Field(() => String, { nullable: true, description: 'NRR reward: a fixed amount per partner and period…' }) @IsOptional() @MoneyAmount() nrrReward?: string;
  @Field(() => String, { nullable: true, description: '…or a percentage of the cohort’s current MRR' }) @IsOptional() @Percentage() nrrRewardRate?: string;
  @Field(() => String, { nullable: true, description: 'Percentage of each expansion’s added MRR' }) @IsOptional() @Percentage() expansionRate?: string;
  @Field(() => String, { nullable: true, description: 'Fixed amount per early renewal (90+ days before the term ends)' }) @IsOptional() @MoneyAmount() earlyRenewalReward?: string;
  @Field(() => Int, { nullable: true, description: 'A customer churning within this many days after a rewarded expansion or renewal claws it back (empty: never)' })
  @IsOptional() @IsInt() @Min(0) @Max(3650)
  clawbackDays?: number;
}

@InputType({ description: 'Commission on referred customers’ MRR: a rate for a number of months from the sign-up month, or for the lifetime' })
export class ReferralRulesInput {
  @Field(() => String, { description: 'Commission in % of the referred customer’s MRR' }) @Percentage() rate: string;
  @Field(() => Int, { nullable: true, description: 'Months from the sign-up month (month 1)' }) @IsOptional() @IsInt() @Min(1) @Max(600) months?: number;
  @Field(() => Boolean, { nullable: true, description: 'True: for the customer’s lifetime (no months)' }) @IsOptional() @IsBoolean() lifetime?: boolean;
  @Field(() => Int, { nullable: true, description: 'A referred customer churning within this many days after its sign-up claws back its commission (empty: never)' })
  @IsOptional() @IsInt() @Min(0) @Max(3650)
  clawbackDays?: number;
}

// ---- referral links and sign-ups ----

@ObjectType('ReferralLink', { description: 'A partner’s referral link: sign-ups through /r/<code> are attributed to it' })
export class ReferralLinkModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => String) code: string;
  @Field(() => String, { description: 'Path of the public sign-up page' }) path: string;
  @Field(() => Boolean) active: boolean;
  @Field(() => Date) createdAt: Date;
  @Field(() => Int, { description: 'Sign-ups through this link' }) signupCount: number;
}

@ObjectType('ReferralLinkStatus', { description: 'A partner and its active referral link, if it has one yet' })
export class ReferralLinkStatusModel {
  @Field(() => ID) organisationId: string;
  @Field(() => ReferralLinkModel, { nullable: true, description: 'Empty until the partner admin creates it' }) link: ReferralLinkModel | null;
}

@ObjectType('ReferralSignup')
export class ReferralSignupModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => String, { nullable: true, description: 'The referring partner' }) organisationName: string | null;
  @Field(() => String) prospectName: string;
  @Field(() => String) prospectEmail: string;
  @Field(() => String) company: string;
  @Field(() => Date) signedUpAt: Date;
  @Field(() => ID, { nullable: true, description: 'The revenue customer it became (its MRR is commissionable for the partner)' }) customerId: string | null;
  @Field(() => String, { nullable: true }) customerName: string | null;
  @Field(() => Date, { nullable: true }) linkedAt: Date | null;
}

@ObjectType()
export class ReferralSignupConnection extends ConnectionType(ReferralSignupModel, 'ReferralSignup') {}

@ArgsType()
export class ReferralLinkArgs {
  @Field(() => ID, { nullable: true, description: 'Vendor staff: the partner (partners always get their own)' }) @IsOptional() @EntityId() organisationId?: string;
}

@InputType()
export class ReferralSignupFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: linked to a customer; false: not yet' }) @IsOptional() @IsBoolean() linked?: boolean;
}

@ArgsType()
export class ReferralSignupsArgs extends PageArgs {
  @Field(() => ReferralSignupFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ReferralSignupFilter) filter?: ReferralSignupFilter;
}

@InputType()
export class LinkReferralSignupInput {
  @Field(() => ID) @EntityId() signupId: string;
  @Field(() => ID, { description: 'The revenue customer the sign-up became' }) @EntityId() customerId: string;
}

/** The public sign-up form (HTTP body). */
export class ReferralSignupBody {
  @Text(200) name: string;
  @EmailAddress() email: string;
  @Text(200) company: string;
}
