import { graphql } from '../../gql';

export const PartnerProfileFragment = graphql(`
  fragment PartnerProfile on Organisation {
    id
    name
    legalName
    country
    city
    website
    domain
    vatNumber
    segment
    preferredLanguage
    currency
    status
    createdAt
    channelManagerId
    channelManager {
      id
      name
      email
    }
  }
`);

export const PartnerDetailDocument = graphql(`
  query PartnerDetail($id: ID!) {
    organisation(id: $id) {
      ...PartnerProfile
      enrolments {
        id
        enrolledAt
        tierSince
        program {
          id
          name
          tiers {
            id
            name
            rank
          }
        }
        tier {
          id
          name
        }
      }
    }
    tierStatus(organisationId: $id) {
      ...TierStatusCard
    }
  }
`);

export const PartnerTierHistoryDocument = graphql(`
  query PartnerTierHistory($organisationId: ID!, $first: Int!, $after: String) {
    tierChanges(first: $first, after: $after, filter: { organisationId: $organisationId }) {
      edges {
        cursor
        node {
          id
          kind
          status
          programId
          fromTierId
          toTierId
          reason
          proposedAt
          decidedAt
          effectiveAfter
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const PartnerUsersDocument = graphql(`
  query PartnerUsers($organisationId: ID!, $first: Int!, $after: String) {
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

export const ChannelManagersDocument = graphql(`
  query ChannelManagers {
    users(first: 100, filter: { role: CHANNEL_MANAGER }) {
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

export const UpdatePartnerDocument = graphql(`
  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {
    updatePartner(id: $id, input: $input) {
      ...PartnerProfile
    }
  }
`);

export const OverrideTierDocument = graphql(`
  mutation OverrideTier($input: OverrideTierInput!) {
    overrideTier(input: $input) {
      id
      status
      kind
      toTierId
    }
  }
`);
