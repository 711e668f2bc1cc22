import { graphql } from '../../gql';

export const TierChangesDocument = graphql(`
  query TierChanges($first: Int!, $after: String, $filter: TierChangeFilter) {
    tierChanges(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          kind
          status
          organisationId
          programId
          fromTierId
          toTierId
          reason
          proposedAt
          effectiveAfter
          metrics {
            metric
            value
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const ProgramTierNamesDocument = graphql(`
  query ProgramTierNames {
    programs {
      id
      name
      tiers {
        id
        name
        rank
      }
    }
  }
`);

export const OrganisationNameDocument = graphql(`
  query OrganisationName($id: ID!) {
    organisation(id: $id) {
      id
      name
    }
  }
`);

export const ApproveTierChangeDocument = graphql(`
  mutation ApproveTierChange($input: DecideTierChangeInput!) {
    approveTierChange(input: $input) {
      id
      status
      reason
      decidedAt
    }
  }
`);

export const RejectTierChangeDocument = graphql(`
  mutation RejectTierChange($input: RejectTierChangeInput!) {
    rejectTierChange(input: $input) {
      id
      status
      reason
      decidedAt
    }
  }
`);

export const EvaluateTiersDocument = graphql(`
  mutation EvaluateTiers {
    evaluateTiers
  }
`);
