import type { INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { encodeCursor } from '@prm/domain/common';
import { ALLOW_KEY, type AllowRule } from '@prm/server/core';
import type { GqlResponse } from './test-app';

/**
 * One GraphQL document per query and mutation of the API, shared by the authorization matrix and
 * the bad-input tests. Connection queries take `$first`/`$after` so paging can be probed too.
 */
export const DOCS = {
  // Queries
  apiKeys: `query($organisationId: ID) { apiKeys(organisationId: $organisationId) { id name organisationId role prefix } }`,
  auditLog: `query($filter: AuditFilter, $first: Int = 25, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) { edges { cursor node { id entityType entityId operation } } pageInfo { hasNextPage endCursor } } }`,
  invitations: `query($organisationId: ID, $first: Int = 25, $after: String) {
    invitations(organisationId: $organisationId, first: $first, after: $after) { edges { cursor node { id email organisationId role } } pageInfo { hasNextPage endCursor } } }`,
  me: `query { me { id email name role organisationId organisation { id name } } }`,
  organisation: `query($id: ID!) {
    organisation(id: $id) { id name legalName country city status channelManagerId channelManager { id name } enrolments { id organisationId tier { id name } program { id name } } } }`,
  partners: `query($filter: PartnerFilter, $first: Int = 25, $after: String) {
    partners(filter: $filter, first: $first, after: $after) { edges { cursor node { id name country } } pageInfo { hasNextPage endCursor } } }`,
  program: `query($id: ID!) { program(id: $id) { id name segment tiers { id name rank } } }`,
  programs: `query { programs { id name segment } }`,
  tierChanges: `query($filter: TierChangeFilter, $first: Int = 25, $after: String) {
    tierChanges(filter: $filter, first: $first, after: $after) { edges { cursor node { id organisationId enrolmentId programId kind status metrics { metric value } } } pageInfo { hasNextPage endCursor } } }`,
  tierStatus: `query($organisationId: ID) {
    tierStatus(organisationId: $organisationId) { enrolment { id organisationId } program { id name } currentTier { id name } metrics { metric value } pendingChange { id organisationId } } }`,
  user: `query($id: ID!) { user(id: $id) { id email name role organisationId organisation { id name } } }`,
  users: `query($filter: UserFilter, $first: Int = 25, $after: String) {
    users(filter: $filter, first: $first, after: $after) { edges { cursor node { id email name organisationId } } pageInfo { hasNextPage endCursor } } }`,

  // Mutations
  acceptInvitation: `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken user { id email organisationId } } }`,
  approveTierChange: `mutation($input: DecideTierChangeInput!) { approveTierChange(input: $input) { id status organisationId } }`,
  changePassword: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
  createApiKey: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id organisationId role name } } }`,
  createPartner: `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id name country currency } }`,
  createProgram: `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id name } }`,
  createTier: `mutation($input: CreateTierInput!) { createTier(input: $input) { id name rank programId } }`,
  deactivateUser: `mutation($id: ID!) { deactivateUser(id: $id) { id email status organisationId } }`,
  enrolPartner: `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { id organisationId programId tierId } }`,
  evaluateTiers: `mutation { evaluateTiers }`,
  inviteUser: `mutation($input: InviteUserInput!) { inviteUser(input: $input) { inviteUrl invitation { id email organisationId role } } }`,
  login: `mutation($input: LoginInput!) { login(input: $input) { accessToken user { id email organisationId } } }`,
  logout: `mutation { logout }`,
  overrideTier: `mutation($input: OverrideTierInput!) { overrideTier(input: $input) { id organisationId toTierId status } }`,
  reactivateUser: `mutation($id: ID!) { reactivateUser(id: $id) { id email status organisationId } }`,
  recordPartnerMetric: `mutation($input: RecordPartnerMetricInput!) { recordPartnerMetric(input: $input) { metric value } }`,
  refreshSession: `mutation { refreshSession { accessToken user { id email } } }`,
  rejectTierChange: `mutation($input: RejectTierChangeInput!) { rejectTierChange(input: $input) { id status organisationId } }`,
  revokeApiKey: `mutation($id: ID!) { revokeApiKey(id: $id) { id organisationId revokedAt } }`,
  revokeInvitation: `mutation($id: ID!) { revokeInvitation(id: $id) { id organisationId revokedAt } }`,
  updatePartner: `mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id name country currency status } }`,
  updateMyOrganisation: `mutation($input: UpdateOrganisationProfileInput!) { updateMyOrganisation(input: $input) { id name city website } }`,
  updateProgram: `mutation($id: ID!, $input: UpdateProgramInput!) { updateProgram(id: $id, input: $input) { id name active demotionGraceDays } }`,
  updateTier: `mutation($id: ID!, $input: UpdateTierInput!) { updateTier(id: $id, input: $input) { id name benefits { rebateRate } } }`,
} as const;

export type OperationName = keyof typeof DOCS;

/** `Query.x` / `Mutation.x` for every root field of the live schema. */
export function schemaOperations(app: INestApplication): string[] {
  const schema = app.get(GraphQLSchemaHost).schema;
  const names: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.keys(type.getFields())) names.push(`${type.name}.${field}`);
  }
  return names.sort();
}

// @nestjs/graphql's metadata keys for @Query/@Mutation handlers.
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

/** The @Allow/@Public rule declared on each query and mutation handler, keyed `Query.x` / `Mutation.x`. */
export function declaredAllowRules(app: INestApplication): Map<string, AllowRule | undefined> {
  const rules = new Map<string, AllowRule | undefined>();
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const providers = [...app.get(ModulesContainer).values()].flatMap((m) => [...m.providers.values()]);
  for (const wrapper of providers) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[method] as () => unknown;
      const kind = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
      if (kind !== 'Query' && kind !== 'Mutation') continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
      rules.set(`${kind}.${name}`, reflector.getAllAndOverride<AllowRule | undefined>(ALLOW_KEY, [handler, instance.constructor as () => unknown]));
    }
  }
  return rules;
}

/** Every value of `key` anywhere in a response tree (e.g. all `id`s or `organisationId`s). */
export function collect(value: unknown, key: string, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, key, into);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') into.push(v);
      else collect(v, key, into);
    }
  }
  return into;
}

/** Which of the markers (ids, names, e-mail domains) appear anywhere in a response, data and errors alike. */
export function mentions(res: GqlResponse<unknown>, markers: readonly string[]): string[] {
  const text = JSON.stringify({ data: res.data, errors: res.errors }).toLowerCase();
  return markers.filter((m) => text.includes(m.toLowerCase()));
}

/** A cursor the server itself would produce for these sort values (to probe well-formed but wrong cursors). */
export const cursorOf = (...values: (string | number)[]): string => encodeCursor(values);
