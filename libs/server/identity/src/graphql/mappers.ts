import type { ApiKeyEntity } from '../entities/api-key.entity';
import type { AuditEntryEntity } from '../entities/audit-entry.entity';
import type { InvitationEntity } from '../entities/invitation.entity';
import type { OrganisationEntity } from '../entities/organisation.entity';
import type { UserEntity } from '../entities/user.entity';
import {
  ApiKeyModel,
  AuditEntryModel,
  InvitationModel,
  Language,
  OrganisationKind,
  OrganisationModel,
  OrganisationStatus,
  UserModel,
  UserStatus,
} from './models/identity.models';

// GraphQL models are not entities: only what clients may see is copied (never hashes).
export const toOrganisationModel = (o: OrganisationEntity): OrganisationModel =>
  Object.assign(new OrganisationModel(), {
    id: o.id,
    kind: o.kind as OrganisationKind,
    name: o.name,
    legalName: o.legalName,
    country: o.country.trim(),
    city: o.city,
    website: o.website,
    domain: o.domain,
    vatNumber: o.vatNumber,
    segment: o.segment,
    preferredLanguage: o.preferredLanguage as Language,
    currency: o.currency.trim(),
    status: o.status as OrganisationStatus,
    channelManagerId: o.channelManagerId,
    createdAt: o.createdAt,
  });

export const toUserModel = (u: UserEntity): UserModel =>
  Object.assign(new UserModel(), {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status as UserStatus,
    organisationId: u.organisationId,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  });

export const toInvitationModel = (i: InvitationEntity): InvitationModel =>
  Object.assign(new InvitationModel(), {
    id: i.id,
    email: i.email,
    name: i.name,
    role: i.role,
    organisationId: i.organisationId,
    expiresAt: i.expiresAt,
    acceptedAt: i.acceptedAt,
    revokedAt: i.revokedAt,
    createdAt: i.createdAt,
  });

export const toApiKeyModel = (k: ApiKeyEntity): ApiKeyModel =>
  Object.assign(new ApiKeyModel(), {
    id: k.id,
    name: k.name,
    role: k.role,
    organisationId: k.organisationId,
    prefix: k.prefix,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
  });

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

export const toAuditEntryModel = (a: AuditEntryEntity): AuditEntryModel =>
  Object.assign(new AuditEntryModel(), {
    id: a.id,
    at: a.at,
    actorUserId: a.actorUserId,
    actorApiKeyId: a.actorApiKeyId,
    operation: a.operation,
    entityType: a.entityType,
    entityId: a.entityId,
    requestId: a.requestId,
    changes: Object.entries(a.changes ?? {}).map(([field, c]) => ({ field, before: json(c.before), after: json(c.after) })),
  });
