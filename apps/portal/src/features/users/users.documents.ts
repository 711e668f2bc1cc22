import { graphql } from '../../gql';

export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    name
    email
    role
    status
    lastLoginAt
  }
`);

export const InvitationRowFragment = graphql(`
  fragment InvitationRow on Invitation {
    id
    email
    name
    role
    createdAt
    expiresAt
    acceptedAt
    revokedAt
  }
`);

export const ApiKeyRowFragment = graphql(`
  fragment ApiKeyRow on ApiKey {
    id
    name
    prefix
    role
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export const UserOrganisationsDocument = graphql(`
  query UserOrganisations {
    partners(first: 100) {
      edges {
        cursor
        node {
          id
          name
        }
      }
    }
  }
`);

export const OrganisationUsersDocument = graphql(`
  query OrganisationUsers($organisationId: ID, $first: Int!, $after: String) {
    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {
      edges {
        cursor
        node {
          ...UserRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const InvitationsDocument = graphql(`
  query Invitations($organisationId: ID, $first: Int!, $after: String) {
    invitations(first: $first, after: $after, organisationId: $organisationId) {
      edges {
        cursor
        node {
          ...InvitationRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const ApiKeysDocument = graphql(`
  query ApiKeys($organisationId: ID) {
    apiKeys(organisationId: $organisationId) {
      ...ApiKeyRow
    }
  }
`);

export const InviteUserDocument = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      inviteUrl
      invitation {
        ...InvitationRow
      }
    }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      ...InvitationRow
    }
  }
`);

export const DeactivateUserDocument = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...UserRow
    }
  }
`);

export const ReactivateUserDocument = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...UserRow
    }
  }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        ...ApiKeyRow
      }
    }
  }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeyRow
    }
  }
`);
