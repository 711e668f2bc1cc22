import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, Role } from '@prm/server/core';

export enum OrganisationKind {
  VENDOR = 'VENDOR',
  PARTNER = 'PARTNER',
}
export enum OrganisationStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
export enum Language {
  en = 'en',
  nl = 'nl',
}
export enum UserStatus {
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(OrganisationStatus, { name: 'OrganisationStatus' });
registerEnumType(Language, { name: 'Language' });
registerEnumType(UserStatus, { name: 'UserStatus' });

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID) id: string;
  @Field(() => OrganisationKind) kind: OrganisationKind;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) legalName: string | null;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field(() => String, { nullable: true, description: 'Normalised domain of the website' }) domain: string | null;
  @Field(() => String, { nullable: true }) vatNumber: string | null;
  @Field(() => String, { nullable: true }) segment: string | null;
  @Field(() => Language) preferredLanguage: Language;
  @Field(() => String) currency: string;
  @Field(() => OrganisationStatus) status: OrganisationStatus;
  @Field(() => ID, { nullable: true }) channelManagerId: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field(() => String) email: string;
  @Field(() => String) name: string;
  @Field(() => Role) role: Role;
  @Field(() => UserStatus) status: UserStatus;
  @Field(() => ID) organisationId: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastLoginAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('LoginPayload')
export class LoginPayload {
  @Field(() => String) accessToken: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => UserModel) user: UserModel;
}

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID) id: string;
  @Field(() => String) email: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Role) role: Role;
  @Field(() => ID) organisationId: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('InvitationPayload')
export class InvitationPayload {
  @Field(() => InvitationModel) invitation: InvitationModel;
  @Field(() => String, { description: 'Link to send to the invitee; shown once (e-mail delivery arrives with notifications).' })
  inviteUrl: string;
}

@ObjectType('ApiKey')
export class ApiKeyModel {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => Role) role: Role;
  @Field(() => ID) organisationId: string;
  @Field(() => String, { description: 'Public part of the key, to recognise it' }) prefix: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKey {
  @Field(() => ApiKeyModel) apiKey: ApiKeyModel;
  @Field(() => String, { description: 'The full key. It is shown only this once.' }) secret: string;
}

@ObjectType('AuditChange')
export class AuditChange {
  @Field(() => String) field: string;
  @Field(() => String, { nullable: true, description: 'JSON of the value before' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the value after' }) after: string | null;
}

@ObjectType('AuditEntry')
export class AuditEntryModel {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field(() => ID, { nullable: true }) actorApiKeyId: string | null;
  @Field(() => String) operation: string;
  @Field(() => String) entityType: string;
  @Field(() => String) entityId: string;
  @Field(() => [AuditChange]) changes: AuditChange[];
  @Field(() => String, { nullable: true }) requestId: string | null;
}

export const PartnerConnection = ConnectionType(OrganisationModel, 'Partner');
export const UserConnection = ConnectionType(UserModel, 'User');
export const InvitationConnection = ConnectionType(InvitationModel, 'Invitation');
export const AuditEntryConnection = ConnectionType(AuditEntryModel, 'AuditEntry');
