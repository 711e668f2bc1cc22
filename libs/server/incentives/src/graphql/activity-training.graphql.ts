import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { APPROVAL_MODES } from '@prm/domain/incentives';
import { CalendarDate, ConnectionType, EntityId, Text, trim } from '@prm/server/core';
import { CsvRowErrorModel } from '@prm/server/deals';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../services/activities.service';

export enum ActivityKindEnum {
  WEBINAR_ATTENDED = 'WEBINAR_ATTENDED',
  DEMO_HELD = 'DEMO_HELD',
  BUSINESS_REVIEW_HELD = 'BUSINESS_REVIEW_HELD',
  JOINT_MARKETING_EVENT = 'JOINT_MARKETING_EVENT',
  OTHER = 'OTHER',
}
registerEnumType(ActivityKindEnum, { name: 'ActivityKind' });

export enum ActivityApprovalMode {
  AUTO = 'AUTO',
  VERIFIED = 'VERIFIED',
}
registerEnumType(ActivityApprovalMode, { name: 'ActivityApprovalMode', description: 'AUTO: counts when logged; VERIFIED: counts once a channel manager approves it' });

export enum ActivityStatusEnum {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ActivityStatusEnum, { name: 'ActivityStatus' });

export enum CompletionSourceEnum {
  MANUAL = 'MANUAL',
  IMPORT = 'IMPORT',
}
registerEnumType(CompletionSourceEnum, { name: 'CourseCompletionSource' });

// Compile-time guards: the GraphQL enums list exactly the values the services use.
const _kinds: readonly `${ActivityKindEnum}`[] = [] as unknown as typeof ACTIVITY_KINDS;
const _modes: readonly `${ActivityApprovalMode}`[] = [] as unknown as typeof APPROVAL_MODES;
const _statuses: readonly `${ActivityStatusEnum}`[] = [] as unknown as typeof ACTIVITY_STATUSES;
void [_kinds, _modes, _statuses];

/** A link to evidence (recording, agenda, certificate): http(s) only. */
const EvidenceUrl = (): PropertyDecorator =>
  applyDecorators(Transform(trim), IsString(), MaxLength(500), Matches(/^https?:\/\/\S+$/, { message: 'Enter a web address starting with https://.' }));

// ---- inputs ----

@InputType()
export class ActivityTypeInput {
  @Field(() => String) @Text(200) name: string;
  @Field(() => ActivityKindEnum) @IsEnum(ActivityKindEnum) kind: ActivityKindEnum;
  @Field(() => ActivityApprovalMode) @IsEnum(ActivityApprovalMode) approval: ActivityApprovalMode;
  @Field(() => Boolean, { nullable: true, description: 'A link to evidence is required when logging' }) @IsOptional() @IsBoolean() evidenceRequired?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Inactive types cannot be logged any more' }) @IsOptional() @IsBoolean() active?: boolean;
}

@ArgsType()
export class UpdateActivityTypeArgs {
  @Field(() => ID) @EntityId() id: string;
  @Field(() => ActivityTypeInput) @ValidateNested() @Type(() => ActivityTypeInput) input: ActivityTypeInput;
}

@InputType()
export class LogActivityInput {
  @Field(() => ID) @EntityId() typeId: string;
  @Field(() => String, { description: 'The day it happened (not in the future)' }) @CalendarDate() occurredOn: string;
  @Field(() => String) @Text(2000) description: string;
  @Field(() => String, { nullable: true }) @IsOptional() @EvidenceUrl() evidenceUrl?: string;
}

@ArgsType()
export class RejectActivityArgs {
  @Field(() => ID) @EntityId() id: string;
  @Field(() => String) @Text(1000) reason: string;
}

@InputType()
export class ActivityFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() userId?: string;
  @Field(() => ActivityStatusEnum, { nullable: true, description: 'SUBMITTED: the approval queue' }) @IsOptional() @IsEnum(ActivityStatusEnum) status?: ActivityStatusEnum;
}

@ArgsType()
export class CatalogueArgs {
  @Field(() => Boolean, { nullable: true, description: 'Also inactive entries' }) @IsOptional() @IsBoolean() includeInactive?: boolean;
}

@InputType()
export class CourseInput {
  @Field(() => String) @Text(200) name: string;
  @Field(() => Boolean, { description: 'Completing it certifies the person' }) @IsBoolean() certification: boolean;
  @Field(() => Int, { nullable: true, description: 'Certifications: months valid after completion (empty: never expires)' }) @IsOptional() @IsInt() @Min(1) @Max(240) validityMonths?: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@ArgsType()
export class UpdateCourseArgs {
  @Field(() => ID) @EntityId() id: string;
  @Field(() => CourseInput) @ValidateNested() @Type(() => CourseInput) input: CourseInput;
}

@InputType()
export class RecordCourseCompletionInput {
  @Field(() => ID) @EntityId() courseId: string;
  @Field(() => String) @CalendarDate() completedOn: string;
  @Field(() => String, { nullable: true, description: 'A link to the certificate' }) @IsOptional() @EvidenceUrl() evidenceUrl?: string;
  @Field(() => ID, { nullable: true, description: 'Partner admins: a colleague (default: yourself)' }) @IsOptional() @EntityId() userId?: string;
}

@InputType()
export class ImportCourseCompletionsInput {
  @Field(() => String, { description: 'CSV with header external_id,email,course_id,completed_on[,evidence_url]; all or nothing' }) @IsString() @MaxLength(2_000_000) csv: string;
}

@InputType()
export class CourseCompletionFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() userId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @EntityId() courseId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only certifications' }) @IsOptional() @IsBoolean() certificationsOnly?: boolean;
}

@ArgsType()
export class CertifiedPeopleArgs {
  @Field(() => [ID], { nullable: true, description: 'Vendor staff: these partners (default: every partner with a certification); partners: their own' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'Not a valid id.' })
  organisationIds?: string[];
}

// ---- models ----

@ObjectType('ActivityType')
export class ActivityTypeModel {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => ActivityKindEnum) kind: ActivityKindEnum;
  @Field(() => ActivityApprovalMode) approval: ActivityApprovalMode;
  @Field(() => Boolean) evidenceRequired: boolean;
  @Field(() => Boolean) active: boolean;
}

@ObjectType('Activity')
export class ActivityModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID, { description: 'Who logged it (and earns from it)' }) userId: string;
  @Field(() => ID) typeId: string;
  @Field(() => String) occurredOn: string;
  @Field(() => String) description: string;
  @Field(() => String, { nullable: true }) evidenceUrl: string | null;
  @Field(() => ActivityStatusEnum) status: ActivityStatusEnum;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType()
export class ActivityConnection extends ConnectionType(ActivityModel, 'Activity') {}

@ObjectType('Course')
export class CourseModel {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => Boolean) certification: boolean;
  @Field(() => Int, { nullable: true }) validityMonths: number | null;
  @Field(() => Boolean) active: boolean;
}

@ObjectType('CourseCompletion')
export class CourseCompletionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID) userId: string;
  @Field(() => ID) courseId: string;
  @Field(() => String) completedOn: string;
  @Field(() => String, { nullable: true }) evidenceUrl: string | null;
  @Field(() => CompletionSourceEnum) source: CompletionSourceEnum;
  @Field(() => String, { nullable: true }) externalId: string | null;
}

@ObjectType()
export class CourseCompletionConnection extends ConnectionType(CourseCompletionModel, 'CourseCompletion') {}

@ObjectType('CourseCompletionImportReport')
export class CourseCompletionImportReportModel {
  @Field(() => Int) rows: number;
  @Field(() => Int, { description: 'New completions recorded (0 when any row has an error)' }) applied: number;
  @Field(() => Int, { description: 'Rows whose external id was already imported' }) duplicates: number;
  @Field(() => [CsvRowErrorModel]) errors: CsvRowErrorModel[];
}

@ObjectType('CertifiedPeople')
export class CertifiedPeopleModel {
  @Field(() => ID) organisationId: string;
  @Field(() => Int, { description: 'Distinct people holding a valid certification' }) count: number;
  @Field(() => String) asOf: string;
}
