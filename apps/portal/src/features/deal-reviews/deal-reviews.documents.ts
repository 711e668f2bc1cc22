import { graphql } from '../../gql';

export const DealReviewQueueDocument = graphql(`
  query DealReviewQueue($first: Int!, $after: String, $filter: DealRegistrationFilter) {
    dealReviewQueue(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          number
          status
          customerName
          customerDomain
          customerCountry
          currency
          estimatedFirstYearValue
          fromVendorLead
          possibleConflict
          submittedAt
          reviewDueAt
          reviewOverdue
          organisation {
            id
            name
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

export const DecideDealRegistrationsDocument = graphql(`
  mutation DecideDealRegistrations($ids: [ID!]!, $decision: String!, $reason: String) {
    decideDealRegistrations(ids: $ids, decision: $decision, reason: $reason) {
      id
      ok
      code
      message
    }
  }
`);
