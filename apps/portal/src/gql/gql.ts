/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    organisationId\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query PartnerHome {\n    me {\n      id\n      organisation {\n        id\n        name\n        city\n        country\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n": typeof types.PartnerHomeDocument,
    "\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n": typeof types.TierStatusCardFragmentDoc,
};
const documents: Documents = {
    "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    organisationId\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": types.MeDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query PartnerHome {\n    me {\n      id\n      organisation {\n        id\n        name\n        city\n        country\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n": types.PartnerHomeDocument,
    "\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n": types.TierStatusCardFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    organisationId\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    organisationId\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerHome {\n    me {\n      id\n      organisation {\n        id\n        name\n        city\n        country\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n"): (typeof documents)["\n  query PartnerHome {\n    me {\n      id\n      organisation {\n        id\n        name\n        city\n        country\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n"): (typeof documents)["\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;