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
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorUserId\n          actorApiKeyId\n          entityType\n          entityId\n          operation\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditActors {\n    users(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.AuditActorsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  fragment PartnerProfile on Organisation {\n    id\n    name\n    legalName\n    country\n    city\n    website\n    domain\n    vatNumber\n    segment\n    preferredLanguage\n    currency\n    status\n    createdAt\n    channelManagerId\n    channelManager {\n      id\n      name\n      email\n    }\n  }\n": typeof types.PartnerProfileFragmentDoc,
    "\n  query PartnerDetail($id: ID!) {\n    organisation(id: $id) {\n      ...PartnerProfile\n      enrolments {\n        id\n        enrolledAt\n        tierSince\n        program {\n          id\n          name\n          tiers {\n            id\n            name\n            rank\n          }\n        }\n        tier {\n          id\n          name\n        }\n      }\n    }\n    tierStatus(organisationId: $id) {\n      ...TierStatusCard\n    }\n  }\n": typeof types.PartnerDetailDocument,
    "\n  query PartnerTierHistory($organisationId: ID!, $first: Int!, $after: String) {\n    tierChanges(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          decidedAt\n          effectiveAfter\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PartnerTierHistoryDocument,
    "\n  query PartnerUsers($organisationId: ID!, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PartnerUsersDocument,
    "\n  query ChannelManagers {\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ChannelManagersDocument,
    "\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {\n    updatePartner(id: $id, input: $input) {\n      ...PartnerProfile\n    }\n  }\n": typeof types.UpdatePartnerDocument,
    "\n  mutation OverrideTier($input: OverrideTierInput!) {\n    overrideTier(input: $input) {\n      id\n      status\n      kind\n      toTierId\n    }\n  }\n": typeof types.OverrideTierDocument,
    "\n  query PartnerHome {\n    me {\n      id\n      role\n      organisation {\n        id\n        name\n        legalName\n        city\n        country\n        website\n        vatNumber\n        preferredLanguage\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n": typeof types.PartnerHomeDocument,
    "\n  mutation UpdateMyOrganisation($input: UpdateOrganisationProfileInput!) {\n    updateMyOrganisation(input: $input) {\n      id\n      legalName\n      city\n      website\n      domain\n      vatNumber\n      preferredLanguage\n    }\n  }\n": typeof types.UpdateMyOrganisationDocument,
    "\n  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {\n    partners(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n          status\n          channelManager {\n            id\n            name\n          }\n          enrolments {\n            id\n            program {\n              id\n              name\n            }\n            tier {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PartnersDocument,
    "\n  query PartnerFilterOptions {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PartnerFilterOptionsDocument,
    "\n  fragment TierDetails on Tier {\n    id\n    programId\n    name\n    rank\n    benefits {\n      rebateRate\n      mdfAccrualRate\n      dealRegistrationDiscount\n      referralCommissionRate\n      mdfCofundingPct\n    }\n    rules {\n      metric\n      min\n    }\n  }\n": typeof types.TierDetailsFragmentDoc,
    "\n  query Programs {\n    programs {\n      id\n      name\n      segment\n      description\n      active\n      demotionGraceDays\n      tiers {\n        ...TierDetails\n      }\n    }\n  }\n": typeof types.ProgramsDocument,
    "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateProgramDocument,
    "\n  mutation CreateTier($input: CreateTierInput!) {\n    createTier(input: $input) {\n      ...TierDetails\n    }\n  }\n": typeof types.CreateTierDocument,
    "\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      ...TierDetails\n    }\n  }\n": typeof types.UpdateTierDocument,
    "\n  query TierChanges($first: Int!, $after: String, $filter: TierChangeFilter) {\n    tierChanges(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          organisationId\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          effectiveAfter\n          metrics {\n            metric\n            value\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.TierChangesDocument,
    "\n  query ProgramTierNames {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n  }\n": typeof types.ProgramTierNamesDocument,
    "\n  query OrganisationName($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.OrganisationNameDocument,
    "\n  mutation ApproveTierChange($input: DecideTierChangeInput!) {\n    approveTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": typeof types.ApproveTierChangeDocument,
    "\n  mutation RejectTierChange($input: RejectTierChangeInput!) {\n    rejectTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": typeof types.RejectTierChangeDocument,
    "\n  mutation EvaluateTiers {\n    evaluateTiers\n  }\n": typeof types.EvaluateTiersDocument,
    "\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n": typeof types.TierStatusCardFragmentDoc,
    "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    status\n    lastLoginAt\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n  }\n": typeof types.InvitationRowFragmentDoc,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeyRowFragmentDoc,
    "\n  query UserOrganisations {\n    partners(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.UserOrganisationsDocument,
    "\n  query OrganisationUsers($organisationId: ID, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.OrganisationUsersDocument,
    "\n  query Invitations($organisationId: ID, $first: Int!, $after: String) {\n    invitations(first: $first, after: $after, organisationId: $organisationId) {\n      edges {\n        cursor\n        node {\n          ...InvitationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  query ApiKeys($organisationId: ID) {\n    apiKeys(organisationId: $organisationId) {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      inviteUrl\n      invitation {\n        ...InvitationRow\n      }\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
};
const documents: Documents = {
    "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    organisationId\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": types.MeDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorUserId\n          actorApiKeyId\n          entityType\n          entityId\n          operation\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditActors {\n    users(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.AuditActorsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  fragment PartnerProfile on Organisation {\n    id\n    name\n    legalName\n    country\n    city\n    website\n    domain\n    vatNumber\n    segment\n    preferredLanguage\n    currency\n    status\n    createdAt\n    channelManagerId\n    channelManager {\n      id\n      name\n      email\n    }\n  }\n": types.PartnerProfileFragmentDoc,
    "\n  query PartnerDetail($id: ID!) {\n    organisation(id: $id) {\n      ...PartnerProfile\n      enrolments {\n        id\n        enrolledAt\n        tierSince\n        program {\n          id\n          name\n          tiers {\n            id\n            name\n            rank\n          }\n        }\n        tier {\n          id\n          name\n        }\n      }\n    }\n    tierStatus(organisationId: $id) {\n      ...TierStatusCard\n    }\n  }\n": types.PartnerDetailDocument,
    "\n  query PartnerTierHistory($organisationId: ID!, $first: Int!, $after: String) {\n    tierChanges(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          decidedAt\n          effectiveAfter\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PartnerTierHistoryDocument,
    "\n  query PartnerUsers($organisationId: ID!, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PartnerUsersDocument,
    "\n  query ChannelManagers {\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ChannelManagersDocument,
    "\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {\n    updatePartner(id: $id, input: $input) {\n      ...PartnerProfile\n    }\n  }\n": types.UpdatePartnerDocument,
    "\n  mutation OverrideTier($input: OverrideTierInput!) {\n    overrideTier(input: $input) {\n      id\n      status\n      kind\n      toTierId\n    }\n  }\n": types.OverrideTierDocument,
    "\n  query PartnerHome {\n    me {\n      id\n      role\n      organisation {\n        id\n        name\n        legalName\n        city\n        country\n        website\n        vatNumber\n        preferredLanguage\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n": types.PartnerHomeDocument,
    "\n  mutation UpdateMyOrganisation($input: UpdateOrganisationProfileInput!) {\n    updateMyOrganisation(input: $input) {\n      id\n      legalName\n      city\n      website\n      domain\n      vatNumber\n      preferredLanguage\n    }\n  }\n": types.UpdateMyOrganisationDocument,
    "\n  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {\n    partners(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n          status\n          channelManager {\n            id\n            name\n          }\n          enrolments {\n            id\n            program {\n              id\n              name\n            }\n            tier {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PartnersDocument,
    "\n  query PartnerFilterOptions {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PartnerFilterOptionsDocument,
    "\n  fragment TierDetails on Tier {\n    id\n    programId\n    name\n    rank\n    benefits {\n      rebateRate\n      mdfAccrualRate\n      dealRegistrationDiscount\n      referralCommissionRate\n      mdfCofundingPct\n    }\n    rules {\n      metric\n      min\n    }\n  }\n": types.TierDetailsFragmentDoc,
    "\n  query Programs {\n    programs {\n      id\n      name\n      segment\n      description\n      active\n      demotionGraceDays\n      tiers {\n        ...TierDetails\n      }\n    }\n  }\n": types.ProgramsDocument,
    "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateProgramDocument,
    "\n  mutation CreateTier($input: CreateTierInput!) {\n    createTier(input: $input) {\n      ...TierDetails\n    }\n  }\n": types.CreateTierDocument,
    "\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      ...TierDetails\n    }\n  }\n": types.UpdateTierDocument,
    "\n  query TierChanges($first: Int!, $after: String, $filter: TierChangeFilter) {\n    tierChanges(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          organisationId\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          effectiveAfter\n          metrics {\n            metric\n            value\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.TierChangesDocument,
    "\n  query ProgramTierNames {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n  }\n": types.ProgramTierNamesDocument,
    "\n  query OrganisationName($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n": types.OrganisationNameDocument,
    "\n  mutation ApproveTierChange($input: DecideTierChangeInput!) {\n    approveTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": types.ApproveTierChangeDocument,
    "\n  mutation RejectTierChange($input: RejectTierChangeInput!) {\n    rejectTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": types.RejectTierChangeDocument,
    "\n  mutation EvaluateTiers {\n    evaluateTiers\n  }\n": types.EvaluateTiersDocument,
    "\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n": types.TierStatusCardFragmentDoc,
    "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    status\n    lastLoginAt\n  }\n": types.UserRowFragmentDoc,
    "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n  }\n": types.InvitationRowFragmentDoc,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeyRowFragmentDoc,
    "\n  query UserOrganisations {\n    partners(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.UserOrganisationsDocument,
    "\n  query OrganisationUsers($organisationId: ID, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.OrganisationUsersDocument,
    "\n  query Invitations($organisationId: ID, $first: Int!, $after: String) {\n    invitations(first: $first, after: $after, organisationId: $organisationId) {\n      edges {\n        cursor\n        node {\n          ...InvitationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  query ApiKeys($organisationId: ID) {\n    apiKeys(organisationId: $organisationId) {\n      ...ApiKeyRow\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      inviteUrl\n      invitation {\n        ...InvitationRow\n      }\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": types.RevokeApiKeyDocument,
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
export function graphql(source: "\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorUserId\n          actorApiKeyId\n          entityType\n          entityId\n          operation\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorUserId\n          actorApiKeyId\n          entityType\n          entityId\n          operation\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActors {\n    users(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditActors {\n    users(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment PartnerProfile on Organisation {\n    id\n    name\n    legalName\n    country\n    city\n    website\n    domain\n    vatNumber\n    segment\n    preferredLanguage\n    currency\n    status\n    createdAt\n    channelManagerId\n    channelManager {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment PartnerProfile on Organisation {\n    id\n    name\n    legalName\n    country\n    city\n    website\n    domain\n    vatNumber\n    segment\n    preferredLanguage\n    currency\n    status\n    createdAt\n    channelManagerId\n    channelManager {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerDetail($id: ID!) {\n    organisation(id: $id) {\n      ...PartnerProfile\n      enrolments {\n        id\n        enrolledAt\n        tierSince\n        program {\n          id\n          name\n          tiers {\n            id\n            name\n            rank\n          }\n        }\n        tier {\n          id\n          name\n        }\n      }\n    }\n    tierStatus(organisationId: $id) {\n      ...TierStatusCard\n    }\n  }\n"): (typeof documents)["\n  query PartnerDetail($id: ID!) {\n    organisation(id: $id) {\n      ...PartnerProfile\n      enrolments {\n        id\n        enrolledAt\n        tierSince\n        program {\n          id\n          name\n          tiers {\n            id\n            name\n            rank\n          }\n        }\n        tier {\n          id\n          name\n        }\n      }\n    }\n    tierStatus(organisationId: $id) {\n      ...TierStatusCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerTierHistory($organisationId: ID!, $first: Int!, $after: String) {\n    tierChanges(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          decidedAt\n          effectiveAfter\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerTierHistory($organisationId: ID!, $first: Int!, $after: String) {\n    tierChanges(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          decidedAt\n          effectiveAfter\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerUsers($organisationId: ID!, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerUsers($organisationId: ID!, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelManagers {\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChannelManagers {\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {\n    updatePartner(id: $id, input: $input) {\n      ...PartnerProfile\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {\n    updatePartner(id: $id, input: $input) {\n      ...PartnerProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OverrideTier($input: OverrideTierInput!) {\n    overrideTier(input: $input) {\n      id\n      status\n      kind\n      toTierId\n    }\n  }\n"): (typeof documents)["\n  mutation OverrideTier($input: OverrideTierInput!) {\n    overrideTier(input: $input) {\n      id\n      status\n      kind\n      toTierId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerHome {\n    me {\n      id\n      role\n      organisation {\n        id\n        name\n        legalName\n        city\n        country\n        website\n        vatNumber\n        preferredLanguage\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n"): (typeof documents)["\n  query PartnerHome {\n    me {\n      id\n      role\n      organisation {\n        id\n        name\n        legalName\n        city\n        country\n        website\n        vatNumber\n        preferredLanguage\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyOrganisation($input: UpdateOrganisationProfileInput!) {\n    updateMyOrganisation(input: $input) {\n      id\n      legalName\n      city\n      website\n      domain\n      vatNumber\n      preferredLanguage\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyOrganisation($input: UpdateOrganisationProfileInput!) {\n    updateMyOrganisation(input: $input) {\n      id\n      legalName\n      city\n      website\n      domain\n      vatNumber\n      preferredLanguage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {\n    partners(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n          status\n          channelManager {\n            id\n            name\n          }\n          enrolments {\n            id\n            program {\n              id\n              name\n            }\n            tier {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {\n    partners(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n          status\n          channelManager {\n            id\n            name\n          }\n          enrolments {\n            id\n            program {\n              id\n              name\n            }\n            tier {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerFilterOptions {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerFilterOptions {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierDetails on Tier {\n    id\n    programId\n    name\n    rank\n    benefits {\n      rebateRate\n      mdfAccrualRate\n      dealRegistrationDiscount\n      referralCommissionRate\n      mdfCofundingPct\n    }\n    rules {\n      metric\n      min\n    }\n  }\n"): (typeof documents)["\n  fragment TierDetails on Tier {\n    id\n    programId\n    name\n    rank\n    benefits {\n      rebateRate\n      mdfAccrualRate\n      dealRegistrationDiscount\n      referralCommissionRate\n      mdfCofundingPct\n    }\n    rules {\n      metric\n      min\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programs {\n    programs {\n      id\n      name\n      segment\n      description\n      active\n      demotionGraceDays\n      tiers {\n        ...TierDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  query Programs {\n    programs {\n      id\n      name\n      segment\n      description\n      active\n      demotionGraceDays\n      tiers {\n        ...TierDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTier($input: CreateTierInput!) {\n    createTier(input: $input) {\n      ...TierDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTier($input: CreateTierInput!) {\n    createTier(input: $input) {\n      ...TierDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      ...TierDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      ...TierDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TierChanges($first: Int!, $after: String, $filter: TierChangeFilter) {\n    tierChanges(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          organisationId\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          effectiveAfter\n          metrics {\n            metric\n            value\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query TierChanges($first: Int!, $after: String, $filter: TierChangeFilter) {\n    tierChanges(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          organisationId\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          effectiveAfter\n          metrics {\n            metric\n            value\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgramTierNames {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgramTierNames {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationName($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query OrganisationName($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveTierChange($input: DecideTierChangeInput!) {\n    approveTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveTierChange($input: DecideTierChangeInput!) {\n    approveTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectTierChange($input: RejectTierChangeInput!) {\n    rejectTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RejectTierChange($input: RejectTierChangeInput!) {\n    rejectTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvaluateTiers {\n    evaluateTiers\n  }\n"): (typeof documents)["\n  mutation EvaluateTiers {\n    evaluateTiers\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n"): (typeof documents)["\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    status\n    lastLoginAt\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    status\n    lastLoginAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserOrganisations {\n    partners(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserOrganisations {\n    partners(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationUsers($organisationId: ID, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationUsers($organisationId: ID, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($organisationId: ID, $first: Int!, $after: String) {\n    invitations(first: $first, after: $after, organisationId: $organisationId) {\n      edges {\n        cursor\n        node {\n          ...InvitationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations($organisationId: ID, $first: Int!, $after: String) {\n    invitations(first: $first, after: $after, organisationId: $organisationId) {\n      edges {\n        cursor\n        node {\n          ...InvitationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($organisationId: ID) {\n    apiKeys(organisationId: $organisationId) {\n      ...ApiKeyRow\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($organisationId: ID) {\n    apiKeys(organisationId: $organisationId) {\n      ...ApiKeyRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      inviteUrl\n      invitation {\n        ...InvitationRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      inviteUrl\n      invitation {\n        ...InvitationRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as Record<string, unknown>)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;